import type { ApiClient } from '../../core/api/ApiClient';
import type { Page, Patient, PatientDraft, PatientQuery } from '../../core/types';

/** One access to a patient's record as the care team sees it (no network addresses, no chain hashes). */
export interface PatientAccess {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorHospitalId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
}

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

  /** Who accessed the patient's record, newest first (the care team's view of the audit trail). */
  async accessLog(id: string, page: { limit: number; offset: number }, signal?: AbortSignal): Promise<Page<PatientAccess>> {
    const { body } = await this.api.get<Page<PatientAccess>>(`/api/patients/${encodeURIComponent(id)}/access-log`,
      { query: { ...page }, signal });
    return body;
  }

  /** Saves a correction made on `version`; a 412 problem means someone else saved first. */
  async update(id: string, version: number, draft: PatientDraft): Promise<Patient> {
    const { body } = await this.api.put<Patient>(`/api/patients/${encodeURIComponent(id)}`, draft, { ifMatch: version });
    return body;
  }
}
