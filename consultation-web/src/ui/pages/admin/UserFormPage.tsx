import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../core/types';
import { hospitalsService, type Hospital } from '../../../services/hospitals';
import { usersService, type UserAccount } from '../../../services/users';
import { CheckboxField, FormActions, SelectField, TextField } from '../../components/Field';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, useService } from '../../platform';
import type { PageProps } from '../../routes';
import { useForm } from '../../useForm';

interface UserFields {
  username: string;
  displayName: string;
  role: Role | '';
  hospitalId: string;
  email: string;
  specialty: string;
  password: string;
  active: boolean;
}

const FIELD_NAMES: readonly (keyof UserFields)[] =
  ['username', 'displayName', 'role', 'hospitalId', 'email', 'specialty', 'password', 'active'];

/** Creates a user (/admin/users/new) or edits one and resets their password (/admin/users/:userId). */
export function UserFormPage({ params }: PageProps) {
  const users = useService(usersService);
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const id = params.userId;
  const loaded = useLoad(async (signal) => ({
    user: id ? await users.get(id, signal) : null,
    hospitals: await hospitals.list(signal),
  }), id ?? 'new');
  const user = loaded.data?.user ?? null;

  return (
    <section>
      <h1>{id ? t('users.editTitle', { username: user?.username ?? '' }) : t('users.newTitle')}</h1>
      <ProblemAlert error={loaded.error} />
      {loaded.loading && <p role="status">{t('common.loading')}</p>}
      {loaded.data && <UserForm user={user} hospitals={loaded.data.hospitals} />}
      {user && <PasswordReset user={user} />}
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
    email: user?.email ?? '',
    specialty: user?.specialty ?? '',
    password: '',
    active: user?.active ?? true,
  });
  const { values, errors, set } = form;
  const title = user ? t('users.editTitle', { username: user.username }) : t('users.newTitle');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return form.submit(async (v) => {
      const fields = {
        displayName: v.displayName.trim(), role: (v.role || undefined) as Role, hospitalId: v.hospitalId || undefined,
        email: v.email.trim(), specialty: v.specialty.trim(), active: v.active,
      };
      if (user) await users.update(user.id, user.version, fields);
      else await users.create({ ...fields, hospitalId: v.hospitalId, username: v.username.trim(), password: v.password });
      navigate('/admin/users');
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title} className="form">
      <ProblemAlert error={form.problem} shownFields={FIELD_NAMES} />
      {!user && (
        <TextField label={t('users.username')} value={values.username} onChange={set('username')}
          error={errors.username} required autoComplete="off" />
      )}
      <div className="row">
        <TextField label={t('users.displayName')} value={values.displayName} onChange={set('displayName')}
          error={errors.displayName} required autoComplete="off" />
        <TextField label={t('users.email')} value={values.email} onChange={set('email')}
          error={errors.email} required autoComplete="off" />
      </div>
      <div className="row">
        <SelectField label={t('users.role')} value={values.role} onChange={set('role')} error={errors.role} required
          placeholder={t('common.choose')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as const) }))} />
        <SelectField label={t('users.hospital')} value={values.hospitalId} onChange={set('hospitalId')}
          error={errors.hospitalId} required placeholder={t('users.chooseHospital')}
          options={hospitals.map((h) => ({ value: h.id, label: `${h.name} (${h.code})` }))} />
      </div>
      <TextField label={t('users.specialty')} value={values.specialty} onChange={set('specialty')}
        error={errors.specialty} autoComplete="off" />
      {!user && (
        <TextField label={t('users.password')} value={values.password} onChange={set('password')} type="password"
          autoComplete="new-password" required error={errors.password} hint={t('users.passwordHint')} />
      )}
      <CheckboxField label={t('users.active')} checked={values.active} onChange={set('active')} error={errors.active} />
      <FormActions busy={form.busy} submitLabel={t('common.save')} onCancel={() => navigate('/admin/users')} />
    </form>
  );
}

/** A separate form: a password is never changed as a side effect of editing someone's name. */
function PasswordReset({ user }: { user: UserAccount }) {
  const users = useService(usersService);
  const { t } = useI18n();
  const form = useForm({ newPassword: '' });
  const [done, setDone] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    return form.submit(async (v) => {
      await users.resetPassword(user.id, v.newPassword);
      form.reset({ newPassword: '' });
      setDone(true);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('users.resetPassword')} className="form">
      <h2>{t('users.resetPassword')}</h2>
      {done && <Notice>{t('users.passwordReset', { username: user.username })}</Notice>}
      <ProblemAlert error={form.problem} shownFields={['newPassword']} />
      <TextField label={t('users.newPassword')} value={form.values.newPassword} onChange={form.set('newPassword')}
        type="password" autoComplete="new-password" required error={form.errors.newPassword} hint={t('users.passwordHint')} />
      <div className="actions">
        <button type="submit" disabled={form.busy}>{t('users.resetPassword')}</button>
      </div>
    </form>
  );
}
