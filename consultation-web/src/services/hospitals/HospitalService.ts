import type { ApiClient } from '../../core/api/ApiClient';

export type HospitalLevel = 'central' | 'provincial' | 'district';
export const HOSPITAL_LEVELS: readonly HospitalLevel[] = ['central', 'provincial', 'district'];

export interface Hospital {
  id: string;
  code: string;
  name: string;
  level: HospitalLevel;
  province?: string | null;
  address?: string | null;
}

export type HospitalDraft = Omit<Hospital, 'id'>;

/** The hospitals taking part in the network (administrators only). */
export class HospitalService {
  constructor(private readonly api: ApiClient) {}

  async list(): Promise<Hospital[]> {
    const { body } = await this.api.get<Hospital[] | { items: Hospital[] }>('/api/hospitals');
    return Array.isArray(body) ? body : body.items;
  }

  async create(draft: HospitalDraft): Promise<Hospital> {
    return (await this.api.post<Hospital>('/api/hospitals', draft)).body;
  }
}
