import type { ServiceModule } from '../../core/ServiceRegistry';
import { HospitalService } from './HospitalService';

export { HospitalService, HOSPITAL_LEVELS } from './HospitalService';
export type { Hospital, HospitalDraft, HospitalLevel } from './HospitalService';
export const hospitalsService: ServiceModule<HospitalService> = {
  name: 'hospitals',
  create: ({ api }) => new HospitalService(api),
};
