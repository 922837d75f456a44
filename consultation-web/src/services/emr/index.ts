import type { ServiceModule } from '../../core/ServiceRegistry';
import { EmrOutboxService } from './EmrOutboxService';

export { OUTBOX_STATES, EmrOutboxService } from './EmrOutboxService';
export type { OutboxEntry, OutboxPage, OutboxState } from './EmrOutboxService';
export const emrOutboxService: ServiceModule<EmrOutboxService> = {
  name: 'emrOutbox',
  create: ({ api }) => new EmrOutboxService(api),
};
