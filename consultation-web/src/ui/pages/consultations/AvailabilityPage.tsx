import { useState, type FormEvent } from 'react';
import { parseDisplayDate, toDisplayDate } from '../../../core/i18n/format';
import type { MessageKey } from '../../../core/i18n/vi';
import { consultationsService, type Availability } from '../../../services/consultations';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService } from '../../platform';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A specialist publishes weekly slots (Viet Nam time), days of leave and whether they are on call. */
export function AvailabilityPage() {
  const consultations = useService(consultationsService);
  const { t } = useI18n();
  const loaded = useLoad((signal) => consultations.availability(signal), 'availability');
  // The form starts afresh from each saved version, so the notice lives here.
  const [saved, setSaved] = useState(false);
  return (
    <section>
      <h1>{t('consult.availability.title')}</h1>
      {saved && <Notice>{t('consult.availability.saved')}</Notice>}
      {loaded.error ? <ProblemAlert error={loaded.error} /> : null}
      {loaded.data && <AvailabilityForm key={loaded.data.version} initial={loaded.data}
        onSaved={(a) => { loaded.set(a); setSaved(true); }} onEdit={() => setSaved(false)} />}
    </section>
  );
}

function AvailabilityForm({ initial, onSaved, onEdit }: { initial: Availability; onSaved(a: Availability): void; onEdit(): void }) {
  const consultations = useService(consultationsService);
  const { t } = useI18n();
  const [weekly, setWeekly] = useState(initial.weekly);
  const [leave, setLeave] = useState(initial.leave.map((l) => ({ from: toDisplayDate(l.from), to: toDisplayDate(l.to), note: l.note ?? '' })));
  const [onCall, setOnCall] = useState(initial.onCall);
  const [error, setError] = useState<unknown>(null);
  const [dateError, setDateError] = useState<string>();
  const setSlot = (i: number, field: 'day' | 'from' | 'to', v: string) => setWeekly(weekly.map((s, j) => (j === i ? { ...s, [field]: v } : s)));
  const setDay = (i: number, field: 'from' | 'to' | 'note', v: string) => setLeave(leave.map((l, j) => (j === i ? { ...l, [field]: v } : l)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    onEdit();
    const days = leave.map((l) => ({ from: parseDisplayDate(l.from), to: parseDisplayDate(l.to), note: l.note || null }));
    if (days.some((d) => !d.from || !d.to)) {
      setDateError(t('form.invalidDate'));
      return;
    }
    setDateError(undefined);
    try {
      onSaved(await consultations.publishAvailability({ ...initial, weekly, leave: days as Availability['leave'], onCall }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={save} noValidate aria-label={t('consult.availability.title')}>
      {error ? <ProblemAlert error={error} /> : null}
      <fieldset>
        <legend>{t('consult.availability.weekly')}</legend>
        {weekly.map((s, i) => (
          <div className="row" key={i}>
            <SelectField label={t('consult.availability.day')} value={s.day} onChange={(v) => setSlot(i, 'day', v)}
              options={DAYS.map((d) => ({ value: d, label: t(`consult.day.${d}` as MessageKey) }))} />
            <TextField label={t('consult.availability.from')} value={s.from} onChange={(v) => setSlot(i, 'from', v)} placeholder="08:00" />
            <TextField label={t('consult.availability.to')} value={s.to} onChange={(v) => setSlot(i, 'to', v)} placeholder="12:00" />
            <button type="button" onClick={() => setWeekly(weekly.filter((_, j) => j !== i))}>{t('consult.availability.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => setWeekly([...weekly, { day: 'monday', from: '08:00', to: '12:00' }])}>{t('consult.availability.addSlot')}</button>
      </fieldset>
      <fieldset>
        <legend>{t('consult.availability.leave')}</legend>
        {leave.map((l, i) => (
          <div className="row" key={i}>
            <TextField label={t('consult.availability.from')} value={l.from} onChange={(v) => setDay(i, 'from', v)} placeholder={t('form.datePlaceholder')} error={dateError} />
            <TextField label={t('consult.availability.to')} value={l.to} onChange={(v) => setDay(i, 'to', v)} placeholder={t('form.datePlaceholder')} />
            <TextField label={t('consult.availability.note')} value={l.note} onChange={(v) => setDay(i, 'note', v)} />
            <button type="button" onClick={() => setLeave(leave.filter((_, j) => j !== i))}>{t('consult.availability.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => setLeave([...leave, { from: '', to: '', note: '' }])}>{t('consult.availability.addLeave')}</button>
      </fieldset>
      <CheckboxField label={t('consult.availability.onCall')} checked={onCall} onChange={setOnCall} />
      <div className="actions"><button type="submit" className="primary">{t('common.save')}</button></div>
    </form>
  );
}
