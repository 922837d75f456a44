import { useEffect, useState } from 'react';
import { can, homePath } from '../core/auth/access';
import { matchPath } from '../core/router/Router';
import { AppShell } from './AppShell';
import { Link } from './components/Link';
import { LoginPage } from './pages/LoginPage';
import { useI18n, useNavigate, usePlace, usePlatform, useUser } from './platform';
import { ROUTES } from './routes';

/** Boots the session (reload or SSO hand-off), then shows the login page or the page the path names. */
export function App({ initialHash }: { initialHash: string }) {
  const { session, router } = usePlatform();
  const navigate = useNavigate();
  const [booted, setBooted] = useState(false);

  useEffect(() => {
    // The SSO callback returns to the app with tokens (#sso=...) or with the refusal's code (#sso-error=CNS-1006).
    let ssoFailure = /^#sso-error=([\w-]{1,32})$/.exec(initialHash)?.[1] ?? null;
    try {
      session.acceptSsoFragment(initialHash);
    } catch {
      ssoFailure = 'unreadable';
    }
    session.restore().catch(() => undefined).finally(() => {
      setBooted(true);
      if (ssoFailure) navigate(`/login?reason=sso&code=${encodeURIComponent(ssoFailure)}`, { replace: true });
    });
    // Runs in the same tick as the sign-out, so the page is on /login before React renders the signed-out state.
    return session.events.subscribe('ended', (reason) => {
      const here = router.current.path + (router.current.query.size ? `?${router.current.query}` : '');
      navigate(reason === 'expired' ? `/login?reason=expired&next=${encodeURIComponent(here)}` : '/login?reason=loggedOut',
        { replace: reason === 'expired' });
    });
  }, [session, router, initialHash, navigate]);

  return booted ? <Routes /> : <Booting />;
}

/** Where a signed-in user goes from /login: back to the page that sent them there, or their home page. */
function afterLogin(next: string | null): string | null {
  // Only paths of this app: never bounce to another site after login.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

function Routes() {
  const user = useUser();
  const { path, query } = usePlace();
  const navigate = useNavigate();
  const redirect = !user && path !== '/login' ? `/login${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`
    : user && path === '/login' ? afterLogin(query.get('next')) ?? homePath(user)
      : user && path === '/' ? homePath(user) : null;

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect, navigate]);

  if (redirect) return null;
  if (!user) return <LoginPage />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params && can(user, route.feature)) {
      const Page = route.page;
      return <AppShell><Page key={path} params={params} /></AppShell>;
    }
  }
  return <AppShell><NotFound /></AppShell>;
}

function Booting() {
  const { t } = useI18n();
  return <p role="status" className="booting">{t('app.loading')}</p>;
}

function NotFound() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section>
      <h1>{t('app.notFound')}</h1>
      {user && <Link href={homePath(user)}>{t('app.home')}</Link>}
    </section>
  );
}
