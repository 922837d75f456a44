import type { FormEvent } from 'react';
import { parseDisplayDate, toDisplayDate } from '../../../core/i18n/format';
import { SEXES, type Patient, type PatientDraft, type Sex } from '../../../core/types';
import { FormActions, SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../platform';
import { useForm } from '../../useForm';

/** What the form holds: the birth date as typed (dd/mm/yyyy), everything else as the server wants it. */
interface PatientFields {
  fullName: string;
  birthDate: string;
  sex: Sex | '';
  citizenId: string;
  insuranceNumber: string;
  phone: string;
  address: string;
  medicalRecordNumber: string;
}

const FIELD_NAMES: readonly (keyof PatientFields)[] =
  ['fullName', 'birthDate', 'sex', 'citizenId', 'insuranceNumber', 'phone', 'address', 'medicalRecordNumber'];

export function fieldsOf(patient: Patient | null): PatientFields {
  return {
    fullName: patient?.fullName ?? '',
    birthDate: toDisplayDate(patient?.birthDate),
    sex: patient?.sex ?? '',
    citizenId: patient?.citizenId ?? '',
    insuranceNumber: patient?.insuranceNumber ?? '',
    phone: patient?.phone ?? '',
    address: patient?.address ?? '',
    medicalRecordNumber: patient?.medicalRecordNumber ?? '',
  };
}

interface PatientFormProps {
  title: string;
  initial: Patient | null;
  submitLabel: string;
  onSave(draft: PatientDraft): Promise<void>;
  onCancel(): void;
}

/**
 * Registers or corrects a patient. The hints say what a valid value looks like; the server decides, and
 * its errors appear beside the fields they name. Only a birth date we cannot even read is caught here.
 */
export function PatientForm({ title, initial, submitLabel, onSave, onCancel }: PatientFormProps) {
  const { t } = useI18n();
  const form = useForm<PatientFields>(fieldsOf(initial));
  const { values, errors, set } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const birthDate = values.birthDate.trim() ? parseDisplayDate(values.birthDate) : '';
    const clientErrors = birthDate === null ? { birthDate: t('form.invalidDate') } : {};
    return form.submit(() => onSave(toDraft(values, birthDate ?? '')), clientErrors);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title} className="form">
      <h2>{title}</h2>
      <ProblemAlert error={form.problem} shownFields={FIELD_NAMES} />
      <TextField label={t('patient.fullName')} value={values.fullName} onChange={set('fullName')}
        error={errors.fullName} required autoComplete="off" />
      <div className="row">
        <TextField label={t('patient.birthDate')} value={values.birthDate} onChange={set('birthDate')}
          error={errors.birthDate} hint={t('patient.hint.birthDate')} placeholder={t('form.datePlaceholder')} inputMode="numeric" />
        <SelectField label={t('patient.sex')} value={values.sex} onChange={set('sex')} error={errors.sex}
          placeholder={t('common.choose')} options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}` as const) }))} />
      </div>
      <div className="row">
        <TextField label={t('patient.citizenId')} value={values.citizenId} onChange={set('citizenId')}
          error={errors.citizenId} hint={t('patient.hint.citizenId')} inputMode="numeric" autoComplete="off" />
        <TextField label={t('patient.insuranceNumber')} value={values.insuranceNumber} onChange={set('insuranceNumber')}
          error={errors.insuranceNumber} hint={t('patient.hint.insuranceNumber')} autoComplete="off" />
      </div>
      <div className="row">
        <TextField label={t('patient.phone')} value={values.phone} onChange={set('phone')} type="tel"
          error={errors.phone} hint={t('patient.hint.phone')} autoComplete="off" />
        <TextField label={t('patient.medicalRecordNumber')} value={values.medicalRecordNumber}
          onChange={set('medicalRecordNumber')} error={errors.medicalRecordNumber} autoComplete="off" />
      </div>
      <TextField label={t('patient.address')} value={values.address} onChange={set('address')}
        error={errors.address} autoComplete="off" />
      <FormActions busy={form.busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

/** Empty fields are left out: on an update that clears them (PUT replaces the details). */
function toDraft(values: PatientFields, birthDate: string): PatientDraft {
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    fullName: values.fullName.trim(),
    birthDate: optional(birthDate),
    sex: values.sex || undefined,
    citizenId: optional(values.citizenId),
    insuranceNumber: optional(values.insuranceNumber),
    phone: optional(values.phone),
    address: optional(values.address),
    medicalRecordNumber: optional(values.medicalRecordNumber),
  };
}
