import { useState } from 'react';
import { hospitalsService } from '../../../services/hospitals';
import { usersService, type UserAccount } from '../../../services/users';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService, type Translator } from '../../platform';
import { Table } from '../../components/Table';

export function UsersPage() {
  const users = useService(usersService);
  const hospitals = useService(hospitalsService);
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(async (signal) => {
    const [all, places] = await Promise.all([users.list(signal), hospitals.list(signal)]);
    return { users: all, hospitalNames: new Map(places.map((h) => [h.id, h.name])) };
  }, 'users');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const unlock = async (user: UserAccount) => {
    setMessage(null);
    setProblem(null);
    try {
      const unlocked = await users.unlock(user.id);
      if (list.data) list.set({ ...list.data, users: list.data.users.map((u) => (u.id === unlocked.id ? unlocked : u)) });
      setMessage(t('users.unlocked', { username: user.username }));
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
      {list.data && list.data.users.length === 0 && <p>{t('users.none')}</p>}
      {list.data && list.data.users.length > 0 && (
        <Table label={t('users.title')} columns={[
          t('users.username'), t('users.displayName'), t('users.role'), t('users.hospital'), t('users.status'), t('common.actions'),
        ]}>
          {list.data.users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}` as const)}</td>
              <td>{list.data!.hospitalNames.get(u.hospitalId) ?? u.hospitalId}</td>
              <td>{status(u, i18n)}</td>
              <td>
                <div className="row-actions">
                  <Link href={`/admin/users/${encodeURIComponent(u.id)}`} aria-label={`${t('common.edit')} ${u.username}`}>
                    {t('common.edit')}
                  </Link>
                  {u.locked && (
                    <button type="button" onClick={() => unlock(u)} aria-label={`${t('users.unlock')} ${u.username}`}>
                      {t('users.unlock')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function status(user: UserAccount, { t, dateTime }: Translator): string {
  if (!user.active) return t('users.status.disabled');
  if (user.locked) return t('users.status.locked', { time: dateTime(user.lockedUntil) });
  return t('users.status.active');
}
