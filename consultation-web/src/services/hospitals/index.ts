import type { ServiceModule } from '../../core/ServiceRegistry';
import { HospitalService } from './HospitalService';

export { HOSPITAL_LEVELS, HospitalService } from './HospitalService';
export type { Hospital, HospitalChanges, HospitalLevel, NewHospital } from './HospitalService';
export const hospitalsService: ServiceModule<HospitalService> = {
  name: 'hospitals',
  create: ({ api }) => new HospitalService(api),
};
