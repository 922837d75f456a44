import type { ApiClient } from '../../core/api/ApiClient';
import type { Role } from '../../core/types';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hospitalId: string;
  email: string;
  specialty: string | null;
  /** false: the account is disabled and cannot sign in. */
  active: boolean;
  /** Locked after too many wrong passwords, until `lockedUntil` or an administrator unlocks it. */
  locked: boolean;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  hospitalId: string;
  email: string;
  specialty?: string;
  active?: boolean;
  password: string;
}

/** An empty specialty clears it; the username never changes. */
export type UserChanges = Partial<Pick<UserAccount, 'displayName' | 'role' | 'hospitalId' | 'email' | 'active'>> & {
  specialty?: string;
};

/** Accounts of the people who use Consilium (administrators only). */
export class UserService {
  constructor(private readonly api: ApiClient) {}

  async list(signal?: AbortSignal): Promise<UserAccount[]> {
    return (await this.api.get<UserAccount[]>('/api/users', { signal })).body;
  }

  async get(id: string, signal?: AbortSignal): Promise<UserAccount> {
    return (await this.api.get<UserAccount>(`/api/users/${encodeURIComponent(id)}`, { signal })).body;
  }

  async create(user: NewUser): Promise<UserAccount> {
    return (await this.api.post<UserAccount>('/api/users', user)).body;
  }

  /** Saves changes made on `version`; a 412 problem means someone else saved first. */
  async update(id: string, version: number, changes: UserChanges): Promise<UserAccount> {
    return (await this.api.put<UserAccount>(`/api/users/${encodeURIComponent(id)}`, changes, { ifMatch: version })).body;
  }

  async unlock(id: string): Promise<UserAccount> {
    return (await this.api.post<UserAccount>(`/api/users/${encodeURIComponent(id)}/unlock`)).body;
  }

  /** Sets a new password (the user's sessions are the server's concern); field errors point at /newPassword. */
  async resetPassword(id: string, newPassword: string): Promise<void> {
    await this.api.post(`/api/users/${encodeURIComponent(id)}/reset-password`, { newPassword });
  }
}
