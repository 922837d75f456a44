import type { ReactNode } from 'react';
import { can, type Feature } from '../core/auth/access';
import type { MessageKey } from '../core/i18n/vi';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Link } from './components/Link';
import { useI18n, usePlace, usePlatform, useUser } from './platform';

/** The navigation, per role: only what exists and what the user may use. */
const NAV: readonly { feature: Feature; href: string; label: MessageKey }[] = [
  { feature: 'patients', href: '/patients', label: 'nav.patients' },
  { feature: 'consultations', href: '/consultations', label: 'nav.consultations' },
  { feature: 'users', href: '/admin/users', label: 'nav.users' },
  { feature: 'hospitals', href: '/admin/hospitals', label: 'nav.hospitals' },
  { feature: 'audit', href: '/admin/audit', label: 'nav.audit' },
  { feature: 'emrOutbox', href: '/admin/emr-outbox', label: 'nav.emrOutbox' },
];

export function AppShell({ children }: { children: ReactNode }) {
  const { session } = usePlatform();
  const user = useUser();
  const { t } = useI18n();
  const { path } = usePlace();
  if (!user) return null;


  return (
    <div className="shell">
      <a className="skip" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.filter((item) => can(user, item.feature)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={path === item.href || path.startsWith(item.href + '/') ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <span className="who">
            {t('auth.signedInAs', { name: user.displayName, role: t(`role.${user.role}` as const) })}
            {user.hospitalName && <span className="hospital"> · {user.hospitalName}</span>}
          </span>
          <LanguageSwitch />
          <button type="button" onClick={() => session.logout()}>{t('auth.logout')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
