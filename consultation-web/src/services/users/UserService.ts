import type { ApiClient } from '../../core/api/ApiClient';
import type { Role } from '../../core/types';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hospitalId: string;
  hospitalName?: string | null;
  enabled: boolean;
  locked: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  hospitalId: string;
  password: string;
}

export interface UserChanges {
  displayName: string;
  role: Role;
  hospitalId: string;
  enabled: boolean;
  /** Only when the administrator sets a new one. */
  password?: string;
}

/** Accounts of the people who use Consilium (administrators only). */
export class UserService {
  constructor(private readonly api: ApiClient) {}

  async list(): Promise<UserAccount[]> {
    const { body } = await this.api.get<UserAccount[] | { items: UserAccount[] }>('/api/users');
    return Array.isArray(body) ? body : body.items;
  }

  async get(id: string): Promise<UserAccount> {
    return (await this.api.get<UserAccount>(`/api/users/${encodeURIComponent(id)}`)).body;
  }

  async create(user: NewUser): Promise<UserAccount> {
    return (await this.api.post<UserAccount>('/api/users', user)).body;
  }

  async update(id: string, changes: UserChanges): Promise<UserAccount> {
    return (await this.api.put<UserAccount>(`/api/users/${encodeURIComponent(id)}`, changes)).body;
  }

  async unlock(id: string): Promise<void> {
    await this.api.post(`/api/users/${encodeURIComponent(id)}/unlock`);
  }
}
