import type { ApiClient } from '../../core/api/ApiClient';
import type { Page, Patient, PatientDraft, PatientQuery } from '../../core/types';

/** Patient records: search, read, register, correct. The server checks who may see which patient. */
export class PatientService {
  constructor(private readonly api: ApiClient) {}

  async search(query: PatientQuery, signal?: AbortSignal): Promise<Page<Patient>> {
    const { body } = await this.api.get<Page<Patient>>('/api/patients', { query: { ...query }, signal });
    return body;
  }

  async get(id: string, signal?: AbortSignal): Promise<Patient> {
    const { body } = await this.api.get<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal });
    return body;
  }

  async create(draft: PatientDraft): Promise<Patient> {
    const { body } = await this.api.post<Patient>('/api/patients', draft);
    return body;
  }

  /** Saves a correction made on `version`; a 412 problem means someone else saved first. */
  async update(id: string, version: number, draft: PatientDraft): Promise<Patient> {
    const { body } = await this.api.put<Patient>(`/api/patients/${encodeURIComponent(id)}`, draft, { ifMatch: version });
    return body;
  }
}
