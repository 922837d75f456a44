import { LOCALES } from '../../core/i18n/I18n';
import { useI18n } from '../platform';

/** Both languages named in their own language, so either reader can find theirs. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div role="group" aria-label={t('lang.label')} className="lang-switch">
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)}>
          {t(`lang.${l}` as const)}
        </button>
      ))}
    </div>
  );
}
