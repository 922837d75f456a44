import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/ApiClient';
import { fakeServer, json, memoryStorage, problem, ssoFragment } from '../testing/fakeServer';
import type { LoginResult } from '../types';
import { Session } from './Session';
import { parseSsoFragment } from './ssoFragment';

const handOff: LoginResult = {
  accessToken: 'a1', refreshToken: 'r1', expiresIn: 600,
  user: { id: 'u7', username: 'bs.cuong', displayName: 'PGS. Lê Văn Cường', role: 'specialist', hospitalId: 'h2', hospitalName: 'Bệnh viện Bạch Mai' },
};


describe('SSO hand-off', () => {
  it('reads tokens and a Vietnamese display name from the fragment', () => {
    const parsed = parseSsoFragment(ssoFragment(handOff));
    expect(parsed).toEqual(handOff);
  });

  it('ignores other fragments and refuses a broken hand-off', () => {
    expect(parseSsoFragment('')).toBeNull();
    expect(parseSsoFragment('#main')).toBeNull();
    expect(() => parseSsoFragment('#sso=%%%')).toThrow();
    expect(() => parseSsoFragment(ssoFragment({ accessToken: 'a' }))).toThrow(/incomplete/);
  });

  it('signs the session in', () => {
    const session = new Session(new ApiClient(fakeServer(() => json(200, {})).fetch), memoryStorage());
    const users: unknown[] = [];
    session.events.subscribe('changed', (u) => users.push(u?.username));
    expect(session.acceptSsoFragment(ssoFragment(handOff))).toBe(true);
    expect(session.user?.displayName).toBe('PGS. Lê Văn Cường');
    expect(users).toEqual(['bs.cuong']);
  });
});

describe('Session', () => {
  it('survives a reload: keeps only the refresh token and trades it for a new access token', async () => {
    const storage = memoryStorage();
    const server = fakeServer((req) => req.url === '/api/auth/refresh'
      ? json(200, { ...handOff, accessToken: 'a2', refreshToken: 'r2' }) : json(200, {}));
    const first = new Session(new ApiClient(server.fetch), storage);
    first.acceptSsoFragment(ssoFragment(handOff));
    expect([...storage.map.values()].join()).not.toContain('a1');

    const afterReload = new Session(new ApiClient(server.fetch), storage);
    expect((await afterReload.restore())?.username).toBe('bs.cuong');
    expect(server.requests.map((r) => r.body)).toEqual([{ refreshToken: 'r1' }]);
    expect(await afterReload.accessToken()).toBe('a2');
  });

  it('forgets a stored session the server no longer honours', async () => {
    const storage = memoryStorage();
    storage.setItem('consilium.session', JSON.stringify({ user: handOff.user, refreshToken: 'old' }));
    const server = fakeServer(() => problem(401, 'CNS-1004', 'Invalid or expired refresh token'));
    const session = new Session(new ApiClient(server.fetch), storage);
    expect(await session.restore()).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('logs out with the current token and clears everything even if the server is unreachable', async () => {
    const storage = memoryStorage();
    let calls = 0;
    const server = fakeServer(() => { calls++; throw new TypeError('offline'); });
    const session = new Session(new ApiClient(server.fetch), storage);
    session.acceptSsoFragment(ssoFragment(handOff));
    const ended: string[] = [];
    session.events.subscribe('ended', (reason) => ended.push(reason));
    await session.logout();
    expect(ended).toEqual(['loggedOut']);
    expect(calls).toBe(1);
    expect(server.requests[0].headers.Authorization).toBe('Bearer a1');
    expect(session.user).toBeNull();
    expect(storage.map.size).toBe(0);
  });
});
