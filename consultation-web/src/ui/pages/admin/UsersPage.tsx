import { useState } from 'react';
import { usersService, type UserAccount } from '../../../services/users';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService } from '../../platform';

export function UsersPage() {
  const users = useService(usersService);
  const { t } = useI18n();
  const list = useLoad(() => users.list(), 'users');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const unlock = async (user: UserAccount) => {
    setMessage(null);
    setProblem(null);
    try {
      await users.unlock(user.id);
      setMessage(t('users.unlocked', { username: user.username }));
      list.reload();
    } catch (e) {
      setProblem(e);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link className="button" href="/admin/users/new">{t('users.new')}</Link>
      </div>
      {message && <Notice>{message}</Notice>}
      <ProblemAlert error={problem ?? list.error} />
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && list.data.length === 0 && <p>{t('users.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table aria-label={t('users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.hospital')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.displayName}</td>
                <td>{t(`role.${u.role}` as const)}</td>
                <td>{u.hospitalName ?? ''}</td>
                <td>{t(!u.enabled ? 'users.status.disabled' : u.locked ? 'users.status.locked' : 'users.status.active')}</td>
                <td className="row-actions">
                  <Link href={`/admin/users/${encodeURIComponent(u.id)}`} aria-label={`${t('common.edit')} ${u.username}`}>
                    {t('common.edit')}
                  </Link>
                  {u.locked && (
                    <button type="button" onClick={() => unlock(u)} aria-label={`${t('users.unlock')} ${u.username}`}>
                      {t('users.unlock')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
