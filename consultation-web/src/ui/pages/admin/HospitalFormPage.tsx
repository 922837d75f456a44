import type { FormEvent } from 'react';
import { href } from '../../../core/router/Router';
import { HOSPITAL_LEVELS, hospitalsService, type HospitalLevel } from '../../../services/hospitals';
import { SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useNavigate, useService } from '../../platform';
import { useForm } from '../../useForm';

interface HospitalFields {
  code: string;
  name: string;
  level: HospitalLevel | '';
  province: string;
  address: string;
}

const FIELD_NAMES: readonly (keyof HospitalFields)[] = ['code', 'name', 'level', 'province', 'address'];

export function HospitalFormPage() {
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm<HospitalFields>({ code: '', name: '', level: '', province: '', address: '' });
  const { values, errors, set } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return form.submit(async (v) => {
      const created = await hospitals.create({
        code: v.code.trim(), name: v.name.trim(), level: v.level as HospitalLevel,
        province: v.province.trim() || null, address: v.address.trim() || null,
      });
      navigate(href('/admin/hospitals', { created: created.name }));
    });
  };

  return (
    <section>
      <h1>{t('hospitals.newTitle')}</h1>
      <form onSubmit={submit} noValidate aria-label={t('hospitals.newTitle')} className="form">
        <ProblemAlert error={form.problem} shownFields={FIELD_NAMES} />
        <div className="row">
          <TextField label={t('hospitals.code')} value={values.code} onChange={set('code')} error={errors.code} required />
          <SelectField label={t('hospitals.level')} value={values.level} onChange={set('level')} error={errors.level} required
            placeholder={t('common.choose')}
            options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: t(`hospitals.level.${l}` as const) }))} />
        </div>
        <TextField label={t('hospitals.name')} value={values.name} onChange={set('name')} error={errors.name} required />
        <div className="row">
          <TextField label={t('hospitals.province')} value={values.province} onChange={set('province')} error={errors.province} />
          <TextField label={t('hospitals.address')} value={values.address} onChange={set('address')} error={errors.address} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>{form.busy ? t('common.saving') : t('common.save')}</button>
          <button type="button" onClick={() => navigate('/admin/hospitals')}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
