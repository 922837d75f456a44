import { ApiClient } from './api/ApiClient';
import { Session, type KeyValueStore } from './auth/Session';
import { I18n } from './i18n/I18n';
import { Router, type BrowserWindow } from './router/Router';
import { ServiceRegistry, type ServiceModule } from './ServiceRegistry';

/** Everything the UI needs from the core, built once at start-up. */
export interface Platform {
  api: ApiClient;
  session: Session;
  i18n: I18n;
  router: Router;
  services: ServiceRegistry;
}

export interface PlatformHost {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  window: BrowserWindow;
  sessionStorage: KeyValueStore;
  localStorage: KeyValueStore | null;
  documentElement: { lang: string } | null;
}

export function createPlatform(host: PlatformHost, modules: ServiceModule<unknown>[]): Platform {
  const api = new ApiClient(host.fetch);
  const session = new Session(api, host.sessionStorage);
  const i18n = new I18n(host.localStorage, host.documentElement);
  const router = new Router(host.window);
  const services = new ServiceRegistry({ api, session }).register(...modules);
  return { api, session, i18n, router, services };
}
