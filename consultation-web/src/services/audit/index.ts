import type { ServiceModule } from '../../core/ServiceRegistry';
import { AuditService } from './AuditService';

export { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditService } from './AuditService';
export type { AuditQuery, AuditRecord, ChainVerification } from './AuditService';
export const auditService: ServiceModule<AuditService> = {
  name: 'audit',
  create: ({ api }) => new AuditService(api),
};
