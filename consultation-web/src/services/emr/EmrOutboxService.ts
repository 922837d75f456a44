import type { ApiClient } from '../../core/api/ApiClient';
import type { Page } from '../../core/types';

export const OUTBOX_STATES = ['pending', 'delivered', 'rejected', 'exhausted'] as const;
/** As shown: 'sending' is a pending entry claimed by a deliverer right now. */
export type OutboxState = (typeof OUTBOX_STATES)[number] | 'sending';

export interface OutboxEntry {
  id: string;
  patientId: string;
  reportId: string;
  version: number;
  state: OutboxState;
  attempts: number;
  lastStatus?: number | null;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  deliveredAt?: string | null;
  requestId: string;
}

export type OutboxPage = Page<OutboxEntry> & { enabled: boolean };

/** Deliveries of signed reports to the hospital EMR (administrators only): the queue and a retry. */
export class EmrOutboxService {
  constructor(private readonly api: ApiClient) {}

  async list(query: { state?: string; limit?: number; offset?: number }, signal?: AbortSignal): Promise<OutboxPage> {
    return (await this.api.get<OutboxPage>('/api/emr/outbox', { query: { ...query }, signal })).body;
  }

  async retry(id: string): Promise<OutboxEntry> {
    return (await this.api.post<OutboxEntry>(`/api/emr/outbox/${encodeURIComponent(id)}/retry`, {})).body;
  }
}
