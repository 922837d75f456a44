import { CLINICAL_ROLES, type Role, type User } from '../types';

/**
 * What each role sees in the app. The server enforces access on every call; this only keeps the UI from
 * offering what the user may not do. Add a feature here when its pages exist, never before.
 */
const FEATURES = {
  patients: CLINICAL_ROLES,
  'patients.create': CLINICAL_ROLES,
  rooms: CLINICAL_ROLES,
  users: ['administrator'],
  hospitals: ['administrator'],
  audit: ['administrator'],
  emrOutbox: ['administrator'],
  consultations: ['district_doctor', 'specialist', 'endoscopist', 'administrator'],
  'consultations.create': CLINICAL_ROLES,
  'consultations.schedule': ['administrator'],
  'consultations.availability': ['specialist', 'endoscopist'],
} satisfies Record<string, readonly Role[]>;

export type Feature = keyof typeof FEATURES;

export function can(user: User | null, feature: Feature): boolean {
  return !!user && (FEATURES[feature] as readonly Role[]).includes(user.role);
}

/** Where a user lands after signing in. */
export function homePath(user: User): string {
  if (can(user, 'patients')) return '/patients';
  if (can(user, 'users')) return '/admin/users';
  return '/';
}
