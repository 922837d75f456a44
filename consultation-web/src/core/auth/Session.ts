import type { ApiClient, TokenSource } from '../api/ApiClient';
import { ApiProblem } from '../api/ApiProblem';
import { PubSub } from '../pubsub';
import type { LoginResult, User } from '../types';
import { parseSsoFragment } from './ssoFragment';

/** The subset of the Web Storage API the session needs (sessionStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionEvents extends Record<string, unknown> {
  /** Signed in, signed out, or the user record changed. */
  changed: User | null;
  /**
   * The session ended, published right after `changed` (null): `loggedOut` when the user logged out, `expired`
   * when the server refused to renew it. The UI says which on the login page.
   */
  ended: 'loggedOut' | 'expired';
}

export interface SsoInfo {
  enabled: boolean;
  loginUrl?: string | null;
}

interface State {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

const STORAGE_KEY = 'consilium.session';
/** Renew this long before the access token expires, so a call never leaves with a token about to lapse. */
const RENEW_MARGIN_MS = 30_000;

/**
 * Who is signed in, and their tokens. The access token lives only in memory; the refresh token and the
 * user are kept in the tab's sessionStorage so a reload keeps the user signed in but closing the browser
 * on a shared ward workstation does not.
 */
export class Session implements TokenSource {
  readonly events = new PubSub<SessionEvents>();
  private state: State | null = null;
  private renewal: Promise<boolean> | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly storage: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {
    api.useTokens(this);
  }

  get user(): User | null {
    return this.state?.user ?? null;
  }

  async login(username: string, password: string): Promise<User> {
    const { body } = await this.api.post<LoginResult>('/api/auth/login', { username, password }, { auth: false });
    this.accept(body);
    return body.user;
  }

  /** Whether single sign-on is offered, and where it starts. */
  async sso(): Promise<SsoInfo> {
    const { body } = await this.api.get<SsoInfo>('/api/auth/sso', { auth: false });
    return body;
  }

  /** Takes over tokens handed back by the SSO callback; true when the fragment was an SSO hand-off. */
  acceptSsoFragment(hash: string): boolean {
    const result = parseSsoFragment(hash);
    if (!result) return false;
    this.accept(result);
    return true;
  }

  /** After a reload: trade the stored refresh token for a new access token. */
  async restore(): Promise<User | null> {
    const saved = this.storage.getItem(STORAGE_KEY);
    if (!saved || this.state) return this.user;
    try {
      const { user, refreshToken } = JSON.parse(saved) as Pick<State, 'user' | 'refreshToken'>;
      this.state = { user, refreshToken, accessToken: '', expiresAt: 0 };
    } catch {
      this.storage.removeItem(STORAGE_KEY);
      return null;
    }
    return (await this.renew('')) ? this.user : null;
  }

  async logout(): Promise<void> {
    const token = this.state?.accessToken;
    this.clear('loggedOut');
    if (token) {
      // Best effort: the local session is gone either way; the server revokes the refresh token.
      await this.api.post('/api/auth/logout', undefined, { auth: false, bearer: token }).catch(() => undefined);
    }
  }

  async accessToken(): Promise<string | null> {
    if (!this.state) return null;
    if (this.state.expiresAt - this.now() < RENEW_MARGIN_MS) {
      if (!(await this.renew(this.state.accessToken))) return null;
    }
    return this.state?.accessToken ?? null;
  }

  renew(rejected: string): Promise<boolean> {
    if (!this.state) return Promise.resolve(false);
    if (this.state.accessToken !== rejected && this.state.expiresAt - this.now() >= RENEW_MARGIN_MS) {
      return Promise.resolve(true); // another call already renewed it
    }
    this.renewal ??= this.refresh().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  expire(): void {
    this.clear('expired');
  }

  private async refresh(): Promise<boolean> {
    const refreshToken = this.state?.refreshToken;
    if (!refreshToken) return false;
    try {
      const { body } = await this.api.post<LoginResult>('/api/auth/refresh', { refreshToken }, { auth: false });
      this.accept(body);
      return true;
    } catch (e) {
      // Offline or server down: keep the session, let the caller report the network problem.
      if (e instanceof ApiProblem && e.status === 0) throw e;
      this.expire();
      return false;
    }
  }

  private accept(result: LoginResult): void {
    const changed = JSON.stringify(this.state?.user) !== JSON.stringify(result.user);
    this.state = {
      user: result.user,
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      expiresAt: this.now() + result.expiresIn * 1000,
    };
    this.storage.setItem(STORAGE_KEY, JSON.stringify({ user: result.user, refreshToken: result.refreshToken }));
    if (changed) this.events.publish('changed', result.user);
  }

  private clear(reason: SessionEvents['ended']): void {
    const had = this.state !== null;
    this.state = null;
    this.storage.removeItem(STORAGE_KEY);
    if (!had) return;
    this.events.publish('changed', null);
    this.events.publish('ended', reason);
  }
}
