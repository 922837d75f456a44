/** Shapes the server sends and accepts, shared by core, services and UI. */

export type Role = 'district_doctor' | 'specialist' | 'endoscopist' | 'administrator';
export const ROLES: readonly Role[] = ['district_doctor', 'specialist', 'endoscopist', 'administrator'];
export const CLINICAL_ROLES: readonly Role[] = ['district_doctor', 'specialist', 'endoscopist'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hospitalId: string;
  hospitalName?: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token stays valid from the moment it was issued. */
  expiresIn: number;
}

export interface LoginResult extends Tokens {
  user: User;
}

export type Sex = 'male' | 'female' | 'other' | 'unknown';
export const SEXES: readonly Sex[] = ['male', 'female', 'other', 'unknown'];

export interface Patient {
  id: string;
  fullName: string;
  /** ISO calendar date, yyyy-MM-dd: a date without a time zone; null when not recorded. */
  birthDate: string | null;
  sex: Sex;
  citizenId?: string | null;
  insuranceNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  hospitalId: string;
  medicalRecordNumber?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a user types to register or correct a patient; the server fills the rest. */
export type PatientDraft = Pick<Patient, 'fullName'> &
  Partial<Pick<Patient, 'birthDate' | 'sex' | 'citizenId' | 'insuranceNumber' | 'phone' | 'address' | 'medicalRecordNumber'>>;

export interface PatientQuery {
  name?: string;
  citizenId?: string;
  insuranceNumber?: string;
  birthDate?: string;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** RFC 9457 problem details as the server renders them. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}
