import type { ComponentType } from 'react';
import type { Feature } from '../core/auth/access';
import { AuditPage } from './pages/admin/AuditPage';
import { EmrOutboxPage } from './pages/admin/EmrOutboxPage';
import { HospitalFormPage } from './pages/admin/HospitalFormPage';
import { HospitalsPage } from './pages/admin/HospitalsPage';
import { UserFormPage } from './pages/admin/UserFormPage';
import { UsersPage } from './pages/admin/UsersPage';
import { NewPatientPage } from './pages/patients/NewPatientPage';
import { PatientPage } from './pages/patients/PatientPage';
import { PatientSearchPage } from './pages/patients/PatientSearchPage';
import { AvailabilityPage } from './pages/consultations/AvailabilityPage';
import { NewRequestPage } from './pages/consultations/NewRequestPage';
import { RequestPage } from './pages/consultations/RequestPage';
import { SchedulePage } from './pages/consultations/SchedulePage';
import { SessionPage } from './pages/consultations/SessionPage';
import { WorklistPage } from './pages/consultations/WorklistPage';
import { RoomPage } from './pages/rooms/RoomPage';
import { LesionAnalysesPage } from './pages/findings/LesionAnalysesPage';

export type PageProps = { params: Record<string, string> };

/** The signed-in pages, first match wins; each names the feature (and so the roles) it belongs to. */
export const ROUTES: readonly { path: string; feature: Feature; page: ComponentType<PageProps> }[] = [
  { path: '/patients', feature: 'patients', page: PatientSearchPage },
  { path: '/patients/new', feature: 'patients.create', page: NewPatientPage },
  { path: '/patients/:patientId', feature: 'patients', page: PatientPage },
  { path: '/admin/users', feature: 'users', page: UsersPage },
  { path: '/admin/users/new', feature: 'users', page: UserFormPage },
  { path: '/admin/users/:userId', feature: 'users', page: UserFormPage },
  { path: '/admin/hospitals', feature: 'hospitals', page: HospitalsPage },
  { path: '/admin/hospitals/new', feature: 'hospitals', page: HospitalFormPage },
  { path: '/admin/hospitals/:hospitalId', feature: 'hospitals', page: HospitalFormPage },
  { path: '/admin/audit', feature: 'audit', page: AuditPage },
  { path: '/admin/emr-outbox', feature: 'emrOutbox', page: EmrOutboxPage },
  // consultations
  { path: '/consultations', feature: 'consultations', page: WorklistPage },
  { path: '/consultations/new', feature: 'consultations.create', page: NewRequestPage },
  { path: '/consultations/schedule', feature: 'consultations.schedule', page: SchedulePage },
  { path: '/consultations/availability', feature: 'consultations.availability', page: AvailabilityPage },
  { path: '/consultations/:requestId', feature: 'consultations', page: RequestPage },
  { path: '/consultation-sessions/:sessionId', feature: 'consultations', page: SessionPage },
  { path: '/rooms/:sessionId', feature: 'rooms', page: RoomPage },
  // AI lesion flags
  { path: '/patients/:patientId/lesion-analyses', feature: 'patients', page: LesionAnalysesPage },
];
