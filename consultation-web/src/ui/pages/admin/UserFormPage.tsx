import type { FormEvent } from 'react';
import { ROLES, type Role } from '../../../core/types';
import { hospitalsService, type Hospital } from '../../../services/hospitals';
import { usersService, type UserAccount } from '../../../services/users';
import { Field, SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, useService } from '../../platform';
import type { PageProps } from '../../routes';
import { useForm } from '../../useForm';

interface UserFields {
  username: string;
  displayName: string;
  role: Role | '';
  hospitalId: string;
  password: string;
  enabled: boolean;
}

const FIELD_NAMES: readonly (keyof UserFields)[] = ['username', 'displayName', 'role', 'hospitalId', 'password', 'enabled'];

/** Creates a user (/admin/users/new) or edits one (/admin/users/:userId). */
export function UserFormPage({ params }: PageProps) {
  const users = useService(usersService);
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const id = params.userId;
  const loaded = useLoad(async () => ({
    user: id ? await users.get(id) : null,
    hospitals: await hospitals.list(),
  }), id ?? 'new');

  return (
    <section>
      <h1>{id ? t('users.editTitle', { username: loaded.data?.user?.username ?? '' }) : t('users.newTitle')}</h1>
      <ProblemAlert error={loaded.error} />
      {loaded.loading && <p role="status">{t('common.loading')}</p>}
      {loaded.data && <UserForm user={loaded.data.user} hospitals={loaded.data.hospitals} />}
    </section>
  );
}

function UserForm({ user, hospitals }: { user: UserAccount | null; hospitals: Hospital[] }) {
  const users = useService(usersService);
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm<UserFields>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? '',
    hospitalId: user?.hospitalId ?? '',
    password: '',
    enabled: user?.enabled ?? true,
  });
  const { values, errors, set } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return form.submit(async (v) => {
      const common = { displayName: v.displayName.trim(), role: v.role as Role, hospitalId: v.hospitalId };
      if (user) await users.update(user.id, { ...common, enabled: v.enabled, password: v.password || undefined });
      else await users.create({ ...common, username: v.username.trim(), password: v.password });
      navigate('/admin/users');
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={user ? t('users.editTitle', { username: user.username }) : t('users.newTitle')} className="form">
      <ProblemAlert error={form.problem} shownFields={FIELD_NAMES} />
      {!user && (
        <TextField label={t('users.username')} value={values.username} onChange={set('username')}
          error={errors.username} required autoComplete="off" />
      )}
      <TextField label={t('users.displayName')} value={values.displayName} onChange={set('displayName')}
        error={errors.displayName} required autoComplete="off" />
      <div className="row">
        <SelectField label={t('users.role')} value={values.role} onChange={set('role')} error={errors.role} required
          placeholder={t('common.choose')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as const) }))} />
        <SelectField label={t('users.hospital')} value={values.hospitalId} onChange={set('hospitalId')}
          error={errors.hospitalId} required placeholder={t('users.chooseHospital')}
          options={hospitals.map((h) => ({ value: h.id, label: h.name }))} />
      </div>
      <TextField label={user ? t('users.newPassword') : t('users.password')} value={values.password}
        onChange={set('password')} type="password" autoComplete="new-password" required={!user}
        error={errors.password} hint={user ? t('users.newPasswordHint') : t('users.passwordHint')} />
      {user && (
        <Field label={t('users.enabled')} error={errors.enabled}>
          {({ id, describedBy }) => (
            <input id={id} type="checkbox" checked={values.enabled} aria-describedby={describedBy}
              onChange={(e) => set('enabled')(e.target.checked)} />
          )}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>{form.busy ? t('common.saving') : t('common.save')}</button>
        <button type="button" onClick={() => navigate('/admin/users')}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
