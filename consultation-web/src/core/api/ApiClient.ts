import { ApiProblem, CLIENT_CODES } from './ApiProblem';
import type { ProblemBody } from '../types';

/** Supplies the bearer token; the session implements it so the client never stores credentials itself. */
export interface TokenSource {
  /** A token valid for the next call (renewed first if it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /**
   * Renews after the server rejected `rejected`; resolves false when the session cannot be renewed.
   * Calls that fail together share one renewal (a refresh token is single-use).
   */
  renew(rejected: string): Promise<boolean>;
  /** The server refused even a freshly renewed token (account disabled, session revoked): sign out. */
  expire(): void;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** false for calls made before there is a session (login, refresh, SSO discovery). */
  auth?: boolean;
  /** A token to send as is, without renewal (signing out with the token being given up). */
  bearer?: string;
  /** With a Blob body (a file upload): its media type; the body is sent as is, not as JSON. */
  contentType?: string;
  /** Optimistic concurrency: the version the caller last saw, sent as If-Match. */
  ifMatch?: string | number;
  /** Error statuses whose body is an answer, not a problem (a 502 that lists what each object became). */
  answers?: readonly number[];
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The one way the app talks to the server: JSON in and out, bearer token attached, problem+json turned
 * into {@link ApiProblem}, and one transparent retry after renewing an access token the server rejected.
 */
export class ApiClient {
  private tokens: TokenSource | null = null;

  constructor(private readonly fetchFn: FetchLike, private readonly baseUrl = '') {}

  useTokens(tokens: TokenSource): void {
    this.tokens = tokens;
  }

  get<T>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PUT', path, { ...options, body });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.read<T>(await this.exchange(method, path, options), options.answers);
  }

  /** A binary answer (a PDF, a document); a refusal still arrives as {@link ApiProblem}. */
  async blob(path: string, options: RequestOptions = {}): Promise<Blob> {
    const response = await this.exchange('GET', path, options);
    if (!response.ok) await this.read(response);
    return response.blob();
  }

  private async exchange(method: string, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth !== false;
    const token = options.bearer ?? (auth && this.tokens ? await this.tokens.accessToken() : null);
    if (auth && !token) throw sessionExpired();
    let response = await this.send(method, path, options, token);
    if (response.status === 401 && auth && this.tokens && token) {
      if (!(await this.tokens.renew(token))) throw sessionExpired();
      response = await this.send(method, path, options, await this.tokens.accessToken());
      if (response.status === 401) this.tokens.expire();
    }
    return response;
  }

  private async send(method: string, path: string, options: RequestOptions, token: string | null) {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const raw = typeof Blob !== 'undefined' && options.body instanceof Blob;
    if (options.body !== undefined) headers['Content-Type'] = raw ? options.contentType ?? 'application/octet-stream' : 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    try {
      return await this.fetchFn(this.baseUrl + path + queryString(options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : raw ? options.body as Blob : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      if (options.signal?.aborted) throw e;
      throw ApiProblem.network(e);
    }
  }

  private async read<T>(response: Response, answers: readonly number[] = []): Promise<ApiResponse<T>> {
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) {
          throw new ApiProblem({ status: response.status, code: CLIENT_CODES.badResponse, detail: 'Response is not JSON' });
        }
      }
    }
    const answer = answers.includes(response.status) && !(response.headers.get('Content-Type') ?? '').includes('problem+json');
    if (!response.ok && !answer) {
      const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<ProblemBody>;
      throw new ApiProblem({ ...problem, status: response.status, detail: problem.detail ?? response.statusText });
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
}

function sessionExpired(): ApiProblem {
  return new ApiProblem({ status: 401, code: CLIENT_CODES.sessionExpired, detail: 'Session expired' });
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
