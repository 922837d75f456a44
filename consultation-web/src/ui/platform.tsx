import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Platform } from '../core/platform';
import type { ServiceModule } from '../core/ServiceRegistry';
import type { Locale, Params } from '../core/i18n/I18n';
import type { MessageKey } from '../core/i18n/vi';
import { formatDate, formatDateTime } from '../core/i18n/format';
import type { User } from '../core/types';
import type { Place } from '../core/router/Router';

/** React bindings for the core: components read platform state through these hooks only. */
const PlatformContext = createContext<Platform | null>(null);
export const PlatformProvider = PlatformContext.Provider;

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('PlatformProvider is missing');
  return platform;
}

export function useService<T>(module: ServiceModule<T>): T {
  return usePlatform().services.get(module);
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  lookup(key: string, params?: Params): string | null;
  date(iso: string | null | undefined): string;
  dateTime(instant: string | null | undefined): string;
  setLocale(locale: Locale): void;
}

export function useI18n(): Translator {
  const { i18n } = usePlatform();
  const locale = useSyncExternalStore((notify) => i18n.events.subscribe('changed', notify), () => i18n.locale);
  return useMemo(() => ({
    locale,
    t: (key, params) => i18n.t(key, params),
    lookup: (key, params) => i18n.lookup(key, params),
    date: (iso) => formatDate(iso, locale),
    dateTime: (instant) => formatDateTime(instant, locale),
    setLocale: (l) => i18n.setLocale(l),
  }), [i18n, locale]);
}

export function useUser(): User | null {
  const { session } = usePlatform();
  return useSyncExternalStore((notify) => session.events.subscribe('changed', notify), () => session.user);
}

export function usePlace(): Place {
  const { router } = usePlatform();
  return useSyncExternalStore((notify) => router.events.subscribe('changed', notify), () => router.current);
}

export function useNavigate(): (to: string, options?: { replace?: boolean }) => void {
  const { router } = usePlatform();
  return useCallback((to, options) => router.navigate(to, options), [router]);
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replace the data without a round trip (after a save returned the new version). */
  set(data: T): void;
}

/** Loads data for a page; reloads when `key` changes, and ignores answers to superseded requests. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>(
    { data: null, error: null, loading: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ data, error: null, loading: false }); },
      (error) => { if (!controller.signal.aborted) setState({ data: null, error, loading: false }); },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` names what it loads.
  }, [key, attempt]);
  return {
    ...state,
    reload: () => setAttempt((a) => a + 1),
    set: (data) => setState({ data, error: null, loading: false }),
  };
}
