import type { FormEvent } from 'react';
import { href } from '../../../core/router/Router';
import { HOSPITAL_LEVELS, hospitalsService, type Hospital, type HospitalLevel } from '../../../services/hospitals';
import { CheckboxField, FormActions, SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, useService } from '../../platform';
import type { PageProps } from '../../routes';
import { useForm } from '../../useForm';

interface HospitalFields {
  code: string;
  name: string;
  level: HospitalLevel | '';
  province: string;
  active: boolean;
}

const FIELD_NAMES: readonly (keyof HospitalFields)[] = ['code', 'name', 'level', 'province', 'active'];

/** Registers a hospital (/admin/hospitals/new) or edits one (/admin/hospitals/:hospitalId). */
export function HospitalFormPage({ params }: PageProps) {
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const id = params.hospitalId;
  const loaded = useLoad((signal) => (id ? hospitals.get(id, signal) : Promise.resolve(null)), id ?? 'new');
  return (
    <section>
      <h1>{id ? t('hospitals.editTitle', { name: loaded.data?.name ?? '' }) : t('hospitals.newTitle')}</h1>
      <ProblemAlert error={loaded.error} />
      {loaded.loading && <p role="status">{t('common.loading')}</p>}
      {!loaded.loading && !loaded.error && <HospitalForm hospital={loaded.data} />}
    </section>
  );
}

function HospitalForm({ hospital }: { hospital: Hospital | null }) {
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm<HospitalFields>({
    code: hospital?.code ?? '',
    name: hospital?.name ?? '',
    level: hospital?.level ?? '',
    province: hospital?.province ?? '',
    active: hospital?.active ?? true,
  });
  const { values, errors, set } = form;
  const title = hospital ? t('hospitals.editTitle', { name: hospital.name }) : t('hospitals.newTitle');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return form.submit(async (v) => {
      const fields = { name: v.name.trim(), level: (v.level || undefined) as HospitalLevel, province: v.province.trim(), active: v.active };
      const saved = hospital
        ? await hospitals.update(hospital.id, hospital.version, fields)
        : await hospitals.create({ ...fields, code: v.code.trim() });
      navigate(href('/admin/hospitals', { saved: saved.name }));
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title} className="form">
      <ProblemAlert error={form.problem} shownFields={FIELD_NAMES} />
      <div className="row">
        {hospital ? (
          <p className="field"><strong>{t('hospitals.code')}</strong> {hospital.code}</p>
        ) : (
          <TextField label={t('hospitals.code')} value={values.code} onChange={set('code')} error={errors.code}
            hint={t('hospitals.codeHint')} required autoComplete="off" />
        )}
        <SelectField label={t('hospitals.level')} value={values.level} onChange={set('level')} error={errors.level} required
          placeholder={t('common.choose')}
          options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: t(`hospitals.level.${l}` as const) }))} />
      </div>
      <div className="row">
        <TextField label={t('hospitals.name')} value={values.name} onChange={set('name')} error={errors.name} required />
        <TextField label={t('hospitals.province')} value={values.province} onChange={set('province')}
          error={errors.province} required />
      </div>
      <CheckboxField label={t('hospitals.active')} checked={values.active} onChange={set('active')} error={errors.active} />
      <FormActions busy={form.busy} submitLabel={t('common.save')} onCancel={() => navigate('/admin/hospitals')} />
    </form>
  );
}
