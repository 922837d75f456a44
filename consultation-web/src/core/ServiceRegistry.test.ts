import { describe, expect, it } from 'vitest';
import { ApiClient } from './api/ApiClient';
import { can, homePath } from './auth/access';
import { Session } from './auth/Session';
import { PubSub } from './pubsub';
import { ServiceRegistry, type ServiceModule } from './ServiceRegistry';
import { fakeServer, json, memoryStorage, ssoFragment } from './testing/fakeServer';
import type { User } from './types';

function context() {
  const api = new ApiClient(fakeServer(() => json(200, {})).fetch);
  return { api, session: new Session(api, memoryStorage()) };
}

class Counter {
  value = 0;
  reset() { this.value = 0; }
}
const counter: ServiceModule<Counter> = { name: 'counter', create: () => new Counter() };

describe('ServiceRegistry', () => {
  it('builds a service once and hands out the same instance', () => {
    const registry = new ServiceRegistry(context()).register(counter);
    registry.get(counter).value = 3;
    expect(registry.get(counter).value).toBe(3);
  });

  it('rejects two services under one name, and unregistered ones', () => {
    const registry = new ServiceRegistry(context()).register(counter);
    expect(() => registry.register({ name: 'counter', create: () => ({}) })).toThrow(/already registered/);
    expect(() => registry.get({ name: 'other', create: () => ({}) })).toThrow(/not registered/);
  });

  it('resets services when the user signs out', async () => {
    const ctx = context();
    const registry = new ServiceRegistry(ctx).register(counter);
    ctx.session.acceptSsoFragment(ssoFragment({ accessToken: 'a', refreshToken: 'r', expiresIn: 60, user: { id: 'u' } }));
    registry.get(counter).value = 5;
    await ctx.session.logout();
    expect(registry.get(counter).value).toBe(0);
  });
});

describe('PubSub', () => {
  it('delivers until unsubscribed, even when a listener unsubscribes itself', () => {
    const hub = new PubSub<{ ping: number }>();
    const got: number[] = [];
    const off = hub.subscribe('ping', (n) => { got.push(n); off(); });
    hub.subscribe('ping', (n) => got.push(n * 10));
    hub.publish('ping', 1);
    hub.publish('ping', 2);
    expect(got).toEqual([1, 10, 20]);
  });
});

describe('what each role is offered', () => {
  const user = (role: User['role']): User => ({ id: 'u', username: 'u', displayName: 'U', role, hospitalId: 'h' });

  it('gives clinicians patients and administrators the admin pages, not each other', () => {
    expect(can(user('district_doctor'), 'patients')).toBe(true);
    expect(can(user('district_doctor'), 'patients.create')).toBe(true);
    expect(can(user('specialist'), 'patients')).toBe(true);
    expect(can(user('endoscopist'), 'users')).toBe(false);
    expect(can(user('administrator'), 'patients')).toBe(false);
    expect(can(user('administrator'), 'audit')).toBe(true);
    expect(can(null, 'patients')).toBe(false);
    expect(homePath(user('administrator'))).toBe('/admin/users');
    expect(homePath(user('endoscopist'))).toBe('/patients');
  });
});
