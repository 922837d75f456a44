import { describe, expect, it } from 'vitest';
import { href, matchPath, Router, type BrowserWindow } from './Router';

function fakeWindow(path: string): BrowserWindow & { back(): void } {
  const stack = [path];
  let popstate: (() => void) | null = null;
  const location = { pathname: '', search: '', hash: '' };
  const go = (url: string) => {
    const u = new URL(url, 'http://app');
    location.pathname = u.pathname;
    location.search = u.search;
  };
  go(path);
  return {
    location,
    history: {
      pushState: (_d, _u, url) => { stack.push(url); go(url); },
      replaceState: (_d, _u, url) => { stack[stack.length - 1] = url; go(url); },
    },
    addEventListener: (_t, l) => { popstate = l; },
    removeEventListener: () => { popstate = null; },
    back() { stack.pop(); go(stack[stack.length - 1]); popstate?.(); },
  };
}

describe('Router', () => {
  it('matches patterns and decodes parameters', () => {
    expect(matchPath('/patients/:patientId', '/patients/abc%20d')).toEqual({ patientId: 'abc d' });
    expect(matchPath('/patients/:patientId', '/patients')).toBeNull();
    expect(matchPath('/patients', '/patients/')).toEqual({});
    expect(matchPath('/admin/users/:userId', '/admin/hospitals/1')).toBeNull();
    expect(matchPath('/patients/:id', '/patients/%E0%A4%A')).toBeNull();
  });

  it('builds links without empty criteria', () => {
    expect(href('/patients', { name: 'Nguyễn', citizenId: '', offset: 0 })).toBe('/patients?name=Nguy%E1%BB%85n&offset=0');
    expect(href('/patients', { name: undefined })).toBe('/patients');
  });

  it('follows navigation and the Back button', () => {
    const window = fakeWindow('/patients');
    const router = new Router(window);
    const seen: string[] = [];
    router.events.subscribe('changed', (p) => seen.push(p.path + (p.query.size ? `?${p.query}` : '')));
    router.navigate('/patients?name=An');
    router.navigate('/patients/p1');
    window.back();
    expect(seen).toEqual(['/patients?name=An', '/patients/p1', '/patients?name=An']);
    expect(router.current.query.get('name')).toBe('An');
  });
});
