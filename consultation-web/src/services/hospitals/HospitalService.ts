import type { ApiClient } from '../../core/api/ApiClient';

/** The tiers of the Vietnamese health system (tuyến xã, huyện, tỉnh, trung ương). */
export const HOSPITAL_LEVELS = ['commune', 'district', 'provincial', 'central'] as const;
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];

export interface Hospital {
  id: string;
  /** Short unique code hospital IT knows it by; never changes. */
  code: string;
  name: string;
  level: HospitalLevel;
  province: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewHospital {
  code: string;
  name: string;
  level: HospitalLevel;
  province: string;
  active?: boolean;
}

export type HospitalChanges = Partial<Pick<Hospital, 'name' | 'level' | 'province' | 'active'>>;

/** The hospitals of the network. Everyone lists the active ones; administrators see all and edit them. */
export class HospitalService {
  constructor(private readonly api: ApiClient) {}

  async list(signal?: AbortSignal): Promise<Hospital[]> {
    return (await this.api.get<Hospital[]>('/api/hospitals', { signal })).body;
  }

  async get(id: string, signal?: AbortSignal): Promise<Hospital> {
    return (await this.api.get<Hospital>(`/api/hospitals/${encodeURIComponent(id)}`, { signal })).body;
  }

  async create(hospital: NewHospital): Promise<Hospital> {
    return (await this.api.post<Hospital>('/api/hospitals', hospital)).body;
  }

  /** Saves changes made on `version`; a 412 problem means someone else saved first. */
  async update(id: string, version: number, changes: HospitalChanges): Promise<Hospital> {
    return (await this.api.put<Hospital>(`/api/hospitals/${encodeURIComponent(id)}`, changes, { ifMatch: version })).body;
  }
}
