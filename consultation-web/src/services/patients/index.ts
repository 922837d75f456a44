import type { ServiceModule } from '../../core/ServiceRegistry';
import { PatientService } from './PatientService';

export { PatientService };
export type { PatientAccess } from './PatientService';
export const patientsService: ServiceModule<PatientService> = {
  name: 'patients',
  create: ({ api }) => new PatientService(api),
};
