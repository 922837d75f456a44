import { PubSub } from '../pubsub';
import type { KeyValueStore } from '../auth/Session';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

const CATALOGUES: Record<Locale, Messages> = { vi, en };
const STORAGE_KEY = 'consilium.locale';

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible so the gap is noticed. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

/**
 * The current language and its messages. Vietnamese unless the user picked otherwise on this browser;
 * the choice is remembered and mirrored on `<html lang>` so screen readers and hyphenation follow it.
 */
export class I18n {
  readonly events = new PubSub<{ changed: Locale }>();
  private current: Locale;

  constructor(private readonly storage: KeyValueStore | null, private readonly root: { lang: string } | null) {
    const saved = storage?.getItem(STORAGE_KEY);
    this.current = LOCALES.includes(saved as Locale) ? (saved as Locale) : DEFAULT_LOCALE;
    if (root) root.lang = this.current;
  }

  get locale(): Locale {
    return this.current;
  }

  setLocale(locale: Locale): void {
    if (locale === this.current) return;
    this.current = locale;
    this.storage?.setItem(STORAGE_KEY, locale);
    if (this.root) this.root.lang = locale;
    this.events.publish('changed', locale);
  }

  t(key: MessageKey, params?: Params): string {
    return interpolate(CATALOGUES[this.current][key], params);
  }

  /** For keys built at run time (an enum value, a server code): null when the catalogue has no such key. */
  lookup(key: string, params?: Params): string | null {
    const catalogue = CATALOGUES[this.current] as Record<string, string>;
    return Object.prototype.hasOwnProperty.call(catalogue, key) ? interpolate(catalogue[key], params) : null;
  }
}

export function catalogue(locale: Locale): Messages {
  return CATALOGUES[locale];
}
