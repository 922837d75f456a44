import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { consultationsService, URGENCIES, type RequestDraft } from '../../../services/consultations';
import { hospitalsService } from '../../../services/hospitals';
import { Field, SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, usePlace, useService, useUser } from '../../platform';

const FIELDS = ['targetHospitalId', 'urgency', 'specialty', 'reason', 'clinicalSummary', 'question'] as const;
const ANY_CENTRAL = '';

/**
 * The request form, opened from a patient's page. "Send" saves the request and submits it at once; "Save draft"
 * keeps it for later. The server checks every field; its errors appear beside the fields.
 */
export function NewRequestPage() {
  const consultations = useService(consultationsService);
  const hospitals = useService(hospitalsService);
  const user = useUser()!;
  const { t } = useI18n();
  const navigate = useNavigate();
  const patientId = usePlace().query.get('patientId') ?? '';
  const targets = useLoad((signal) => hospitals.list(signal), 'hospitals');
  const [draft, setDraft] = useState<RequestDraft>({ patientId, targetHospitalId: ANY_CENTRAL, urgency: '', specialty: '', reason: '', clinicalSummary: '', question: '' });
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof RequestDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const errors: Record<string, string> = { ...missing, ...(error instanceof ApiProblem ? error.fieldErrors() : {}) };

  const save = async (submit: boolean) => {
    // Sending needs the whole clinical picture; a draft may be incomplete. The server checks again.
    const required = submit ? (['urgency', 'specialty', 'reason', 'clinicalSummary', 'question'] as const) : (['urgency', 'specialty'] as const);
    const empty = Object.fromEntries(required.filter((f) => !String(draft[f] ?? '').trim()).map((f) => [f, t('consult.new.required')]));
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      let r = await consultations.create(draft);
      if (submit) r = await consultations.move(r, 'submitted');
      navigate(`/consultations/${encodeURIComponent(r.id)}`, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(true);
  };

  const options = [{ value: ANY_CENTRAL, label: t('consult.anyCentral') }, ...(targets.data ?? [])
    .filter((h) => h.id !== user.hospitalId && h.active).map((h) => ({ value: h.id, label: h.name }))];
  return (
    <section>
      <h1>{t('consult.new.title')}</h1>
      {error ? <ProblemAlert error={error} shownFields={[...FIELDS, 'patientId']} /> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('consult.new.title')}>
        {errors.patientId && <p role="alert" className="alert alert-error">{errors.patientId}</p>}
        <div className="row">
          <SelectField label={t('consult.target')} value={draft.targetHospitalId ?? ''} options={options}
            onChange={set('targetHospitalId')} error={errors.targetHospitalId} />
          <SelectField label={t('consult.urgency')} value={draft.urgency} required placeholder={t('common.choose')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`consult.urgency.${u}` as const) }))}
            onChange={set('urgency')} error={errors.urgency} />
        </div>
        <TextField label={t('consult.specialty')} value={draft.specialty} onChange={set('specialty')} required error={errors.specialty} />
        <TextArea label={t('consult.reason')} value={draft.reason} onChange={set('reason')} required error={errors.reason} />
        <TextArea label={t('consult.clinicalSummary')} value={draft.clinicalSummary} onChange={set('clinicalSummary')} required error={errors.clinicalSummary} />
        <TextArea label={t('consult.question')} value={draft.question} onChange={set('question')} required error={errors.question} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('common.saving') : t('consult.new.send')}</button>
          <button type="button" disabled={busy} onClick={() => void save(false)}>{t('consult.new.saveDraft')}</button>
          <button type="button" onClick={() => navigate(patientId ? `/patients/${encodeURIComponent(patientId)}` : '/consultations')}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}

export function TextArea({ label, value, onChange, error, required, rows = 4 }: {
  label: string; value: string; onChange(v: string): void; error?: string; required?: boolean; rows?: number;
}) {
  return (
    <Field label={label} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined} />
      )}
    </Field>
  );
}
