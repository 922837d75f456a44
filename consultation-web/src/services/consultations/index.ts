import type { ServiceModule } from '../../core/ServiceRegistry';
import { ConsultationService } from './ConsultationService';
import { LiveNotifications } from './LiveNotifications';

export * from './ConsultationService';
export { LiveNotifications };
export const consultationsService: ServiceModule<ConsultationService> = {
  name: 'consultations',
  create: ({ api }) => new ConsultationService(api),
};
export const liveNotificationsService: ServiceModule<LiveNotifications> = {
  name: 'live-notifications',
  create: ({ session }) => new LiveNotifications(session, globalThis.location),
};
