import { useEffect, useState, type FormEvent } from 'react';
import type { SsoInfo } from '../../core/auth/Session';
import { Notice, ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/Field';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n, usePlace, usePlatform } from '../platform';

const REASONS = { expired: 'login.expired', loggedOut: 'login.loggedOut', sso: 'login.ssoFailed' } as const;

export function LoginPage() {
  const { session } = usePlatform();
  const { t, lookup } = useI18n();
  const { query } = usePlace();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState<SsoInfo | null>(null);

  useEffect(() => {
    // SSO is optional; if discovery fails the password form still works.
    session.sso().then(setSso, () => setSso(null));
  }, [session]);

  const reasonKey = REASONS[query.get('reason') as keyof typeof REASONS];
  const reason = reasonKey === 'login.ssoFailed'
    ? lookup(`problem.${query.get('code')}`) ?? t(reasonKey) : reasonKey ? t(reasonKey) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!username.trim() || !password);
    if (!username.trim() || !password) return;
    setBusy(true);
    setProblem(null);
    try {
      // Signed in: the router leaves /login for the `next` page or the user's home page.
      await session.login(username.trim(), password);
    } catch (err) {
      setProblem(err);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <header className="login-header">
        <span className="brand">{t('app.name')}</span>
        <span className="tagline">{t('app.tagline')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-card">
        <h1>{t('login.title')}</h1>
        {reason && !problem && <Notice>{reason}</Notice>}
        {missing && <p role="alert" className="alert alert-error">{t('login.required')}</p>}
        <ProblemAlert error={problem} />
        <form onSubmit={submit} noValidate aria-label={t('login.title')}>
          <TextField label={t('login.username')} value={username} onChange={setUsername} autoComplete="username" required />
          <TextField label={t('login.password')} value={password} onChange={setPassword} type="password"
            autoComplete="current-password" required />
          <button type="submit" className="primary" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
        </form>
        {sso?.enabled && sso.loginUrl && (
          <>
            <p className="or">{t('login.or')}</p>
            <a className="button" href={sso.loginUrl}>{t('login.sso')}</a>
          </>
        )}
      </main>
    </div>
  );
}
