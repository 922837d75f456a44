import { PubSub } from '../pubsub';

export interface Place {
  path: string;
  query: URLSearchParams;
}

/** The parts of `window` the router uses, so it can be driven without a browser. */
export interface BrowserWindow {
  location: { pathname: string; search: string; hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/**
 * Client-side routing on the History API: the server answers every non-API path with the app, and the
 * app picks the page from the path. Small on purpose; pages are matched by {@link matchPath}.
 */
export class Router {
  readonly events = new PubSub<{ changed: Place }>();
  private place: Place;
  private readonly onPopState = () => this.update();

  constructor(private readonly window: BrowserWindow) {
    this.place = read(window);
    window.addEventListener('popstate', this.onPopState);
  }

  get current(): Place {
    return this.place;
  }

  navigate(to: string, options: { replace?: boolean } = {}): void {
    if (options.replace) this.window.history.replaceState(null, '', to);
    else this.window.history.pushState(null, '', to);
    this.update();
  }

  dispose(): void {
    this.window.removeEventListener('popstate', this.onPopState);
  }

  private update(): void {
    this.place = read(this.window);
    this.events.publish('changed', this.place);
  }
}

function read(window: BrowserWindow): Place {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** Matches "/patients/:patientId" against a path; returns the decoded parameters, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

/** A path with a query string, dropping empty values: href('/patients', {name: 'An'}) = "/patients?name=An". */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
