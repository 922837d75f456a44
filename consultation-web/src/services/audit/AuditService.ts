import type { ApiClient } from '../../core/api/ApiClient';
import type { Page } from '../../core/types';

export const AUDIT_ACTIONS = [
  'READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'TOKEN_REFRESH',
  'PASSWORD_CHANGE', 'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'AUDIT_VERIFY', 'CARE_GRANT', 'CARE_REVOKE',
  'ROOM_JOIN', 'ROOM_LEAVE', 'ROOM_KNOCK', 'ROOM_ADMIT', 'ROOM_REFUSE', 'ROOM_MUTE', 'ROOM_REMOVE', 'ROOM_MODERATOR_HANDOVER',
  'ROOM_END', 'ROOM_RECORDING', 'REVIEW', 'LIVE_LESION_FLAGS', 'ROOM_SHARED_VIEW',
] as const;
export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord {
  seq: number;
  at: string;
  actorUserId?: string | null;
  actorName?: string | null;
  actorRole?: string | null;
  actorHospitalId?: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome: AuditOutcome;
  clientAddress?: string | null;
  requestId?: string | null;
  detail?: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  patientId?: string;
  userId?: string;
  action?: string;
  outcome?: string;
  /** Instants with offset, e.g. 2026-03-01T00:00:00+07:00. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface ChainVerification {
  valid: boolean;
  /** Links verified before the first broken one. */
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
  /** The last good link: noted outside the system, it reveals a later truncation of the tail. */
  head: { seq: number; hash: string | null };
}

/** The hash-chained audit trail (administrators only): read it and check nobody rewrote it. */
export class AuditService {
  constructor(private readonly api: ApiClient) {}

  async search(query: AuditQuery = {}, signal?: AbortSignal): Promise<Page<AuditRecord>> {
    return (await this.api.get<Page<AuditRecord>>('/api/audit', { query: { ...query }, signal })).body;
  }

  async verify(): Promise<ChainVerification> {
    return (await this.api.get<ChainVerification>('/api/audit/verify')).body;
  }
}
