import type { ServiceModule } from '../../core/ServiceRegistry';
import { AuditService } from './AuditService';

export { AuditService };
export type { AuditRecord, ChainVerification } from './AuditService';
export const auditService: ServiceModule<AuditService> = {
  name: 'audit',
  create: ({ api }) => new AuditService(api),
};
