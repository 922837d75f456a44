import type { ApiClient } from '../../core/api/ApiClient';
import type { Page } from '../../core/types';

export interface AuditRecord {
  seq: number;
  at: string;
  actorUserId?: string | null;
  actorName?: string | null;
  actorRole?: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  detail?: string | null;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBroken: number | null;
}

/** The hash-chained audit trail (administrators only): read it and check nobody rewrote it. */
export class AuditService {
  constructor(private readonly api: ApiClient) {}

  async list(query: { limit?: number; offset?: number } = {}): Promise<Page<AuditRecord>> {
    return (await this.api.get<Page<AuditRecord>>('/api/audit', { query })).body;
  }

  async verify(): Promise<ChainVerification> {
    return (await this.api.get<ChainVerification>('/api/audit/verify')).body;
  }
}
