import { describe, expect, it } from 'vitest';
import { ApiClient } from './ApiClient';
import { ApiProblem, CLIENT_CODES } from './ApiProblem';
import { Session } from '../auth/Session';
import { fakeServer, json, memoryStorage, problem, type RecordedRequest } from '../testing/fakeServer';
import type { User } from '../types';

const doctor: User = { id: 'u1', username: 'bs.an', displayName: 'BS. Trần Thị Bình', role: 'district_doctor', hospitalId: 'h1' };

function tokens(n: number, expiresIn = 600) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn, user: doctor };
}

/** A server whose valid access token is `access-<generation>`; refresh rotates to the next generation. */
function tokenServer(route: (req: RecordedRequest) => Response | null = () => null) {
  let generation = 1;
  let refreshes = 0;
  const server = fakeServer(async (req) => {
    if (req.url === '/api/auth/login') {
      return (req.body as { password: string }).password === 'right'
        ? json(200, tokens(generation)) : problem(401, 'CNS-1001', 'Wrong username or password');
    }
    if (req.url === '/api/auth/refresh') {
      refreshes++;
      await new Promise((r) => setTimeout(r, 5)); // let concurrent callers pile up behind one refresh
      if ((req.body as { refreshToken: string }).refreshToken !== `refresh-${generation}`) {
        return problem(401, 'CNS-1004', 'Invalid or expired refresh token');
      }
      generation++;
      return json(200, tokens(generation));
    }
    if (req.headers.Authorization !== `Bearer access-${generation}`) return problem(401, 'CNS-1003', 'Invalid or expired token');
    return route(req) ?? json(200, { ok: true, token: req.headers.Authorization });
  });
  return {
    ...server,
    get refreshes() { return refreshes; },
    /** Every token issued so far stops working, as after an administrator revoked the sessions. */
    revokeAll() { generation += 100; },
  };
}

async function signedIn(server: ReturnType<typeof tokenServer>, clock = () => 0) {
  const api = new ApiClient(server.fetch);
  const session = new Session(api, memoryStorage(), clock);
  await session.login('bs.an', 'right');
  return { api, session };
}

describe('ApiClient', () => {
  it('attaches the bearer token and returns the JSON body', async () => {
    const server = tokenServer();
    const { api } = await signedIn(server);
    const { status, body } = await api.get<{ token: string }>('/api/me');
    expect(status).toBe(200);
    expect(body.token).toBe('Bearer access-1');
  });

  it('after a 401 refreshes and replays the request transparently', async () => {
    let rejectOnce = true;
    const server = tokenServer((req) => {
      if (req.url === '/api/patients' && rejectOnce) {
        rejectOnce = false;
        return problem(401, 'CNS-1003', 'Invalid or expired token');
      }
      return null;
    });
    const { api, session } = await signedIn(server);
    const { body } = await api.get<{ token: string }>('/api/patients');
    expect(body.token).toBe('Bearer access-2');
    expect(server.refreshes).toBe(1);
    expect(server.requests.map((r) => r.url)).toEqual(
      ['/api/auth/login', '/api/patients', '/api/auth/refresh', '/api/patients']);
    expect(session.user?.username).toBe('bs.an');
  });

  it('shares one refresh among calls rejected together (refresh tokens are single-use)', async () => {
    const rejected = new Set<string>();
    const server = tokenServer((req) => {
      if (req.headers.Authorization === 'Bearer access-1' && !rejected.has(req.url)) {
        rejected.add(req.url);
        return problem(401, 'CNS-1003', 'Invalid or expired token');
      }
      return null;
    });
    const { api } = await signedIn(server);
    const answers = await Promise.all(['/api/a', '/api/b', '/api/c'].map((p) => api.get<{ token: string }>(p)));
    expect(answers.map((a) => a.body.token)).toEqual(['Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
    expect(server.refreshes).toBe(1);
  });

  it('ends the session and reports it when the refresh token is refused', async () => {
    const server = tokenServer();
    const { api, session } = await signedIn(server);
    const ended: string[] = [];
    session.events.subscribe('ended', (reason) => ended.push(reason));
    server.revokeAll();
    const error = await api.get('/api/patients').catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.code).toBe(CLIENT_CODES.sessionExpired);
    expect(ended).toEqual(['expired']);
    expect(session.user).toBeNull();
    // Signed out: the next call does not even reach the server.
    const before = server.requests.length;
    await expect(api.get('/api/patients')).rejects.toMatchObject({ code: CLIENT_CODES.sessionExpired });
    expect(server.requests.length).toBe(before);
  });

  it('renews ahead of expiry instead of sending a token about to lapse', async () => {
    let now = 0;
    const server = tokenServer();
    const { api } = await signedIn(server, () => now);
    now = 590_000; // 10 s before the 600 s token expires
    const { body } = await api.get<{ token: string }>('/api/patients');
    expect(body.token).toBe('Bearer access-2');
    expect(server.requests.map((r) => r.url)).toEqual(['/api/auth/login', '/api/auth/refresh', '/api/patients']);
  });

  it('does not try to refresh when the login itself is refused, and keeps the server problem', async () => {
    const server = tokenServer();
    const session = new Session(new ApiClient(server.fetch), memoryStorage());
    const error = await session.login('bs.an', 'wrong').catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 401, code: 'CNS-1001', detail: 'Wrong username or password' });
    expect(server.refreshes).toBe(0);
  });

  it('maps field errors from problem pointers', async () => {
    const server = tokenServer((req) => req.method === 'POST'
      ? problem(422, 'CNS-0422', 'Invalid input', [
        { pointer: '/citizenId', detail: 'must be 12 digits' },
        { pointer: '/birthDate', detail: 'must not be in the future' },
      ]) : null);
    const { api } = await signedIn(server);
    const error: ApiProblem = await api.post('/api/patients', { fullName: 'x' }).catch((e) => e);
    expect(error.status).toBe(422);
    expect(error.fieldErrors()).toEqual({ citizenId: 'must be 12 digits', birthDate: 'must not be in the future' });
  });

  it('sends If-Match with the quoted version and a JSON body', async () => {
    const server = tokenServer();
    const { api } = await signedIn(server);
    await api.put('/api/patients/p1', { fullName: 'Nguyễn Văn An' }, { ifMatch: 3 });
    const put = server.requests.at(-1)!;
    expect(put.headers['If-Match']).toBe('"3"');
    expect(put.headers['Content-Type']).toBe('application/json');
    expect(put.body).toEqual({ fullName: 'Nguyễn Văn An' });
  });

  it('returns an error status named as an answer with its body, and keeps other errors as problems', async () => {
    const server = tokenServer((req) => req.url === '/api/sends' ? json(502, { results: [{ status: 'failed' }] })
      : req.url === '/api/down' ? problem(502, 'CNS-4502', 'The hospital PACS did not answer') : null);
    const { api } = await signedIn(server);
    const answered = await api.post<{ results: { status: string }[] }>('/api/sends', {}, { answers: [502] });
    expect(answered.status).toBe(502);
    expect(answered.body.results[0].status).toBe('failed');
    const refused: ApiProblem = await api.post('/api/sends', {}).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    const down: ApiProblem = await api.post('/api/down', {}, { answers: [502] }).then(() => { throw new Error('answered'); }, (e) => e);
    expect(down.code).toBe('CNS-4502');
  });

  it('turns a network failure into a problem the UI can show', async () => {
    const api = new ApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await api.get('/api/auth/sso', { auth: false }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 0, code: CLIENT_CODES.network });
  });

  it('leaves out empty query parameters', async () => {
    const server = tokenServer();
    const { api } = await signedIn(server);
    await api.get('/api/patients', { query: { name: 'Nguyen', citizenId: '', birthDate: undefined, limit: 20 } });
    expect(server.requests.at(-1)!.url).toBe('/api/patients?name=Nguyen&limit=20');
  });
});
