import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { CLINIC_TIME_ZONE, parseDisplayDate, toDisplayDate } from '../../../core/i18n/format';
import { consultationsService, type ConsultationSession } from '../../../services/consultations';
import { usersService } from '../../../services/users';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService, useUser } from '../../platform';
import { useLiveRefresh } from './live';

const DAY_MS = 86_400_000;
const FIELDS = ['requestIds', 'start', 'durationMinutes', 'moderatorId', 'specialistIds', 'place'] as const;

/** The calendar date (yyyy-mm-dd) of an instant in Viet Nam. */
function clinicDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_TIME_ZONE }).format(instant);
}

function clinicTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: CLINIC_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Monday 00:00 in Viet Nam (UTC+7, no daylight saving) of the week holding `date`. */
function mondayOf(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  const weekday = (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
  return clinicDate(new Date(d.getTime() - weekday * DAY_MS));
}

/**
 * The administrator's week: accepted requests waiting for a session, a quick scheduling form (no dragging),
 * and the sessions of the week by day in Viet Nam time. A clash is refused by the server and named here.
 */
export function SchedulePage() {
  const consultations = useService(consultationsService);
  const users = useService(usersService);
  const user = useUser()!;
  const { t, date } = useI18n();
  const [week, setWeek] = useState(() => mondayOf(clinicDate(new Date())));
  const from = `${week}T00:00:00+07:00`;
  const to = new Date(new Date(from).getTime() + 7 * DAY_MS).toISOString();
  const waiting = useLoad((signal) => consultations.worklist('incoming', 'accepted', signal), 'waiting');
  const sessions = useLoad((signal) => consultations.sessions(from, to, signal), week);
  const staff = useLoad((signal) => users.list(signal), 'staff');
  useLiveRefresh(() => { waiting.reload(); sessions.reload(); });

  const specialists = (staff.data ?? []).filter((u) => u.hospitalId === user.hospitalId && u.active
    && (u.role === 'specialist' || u.role === 'endoscopist'));
  const [chosen, setChosen] = useState<string[]>([]);
  const [day, setDay] = useState(toDisplayDate(week));
  const [time, setTime] = useState('08:00');
  const [duration, setDuration] = useState('60');
  const [moderator, setModerator] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [place, setPlace] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ConsultationSession | null>(null);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const errors: Record<string, string> = { ...localError, ...(error instanceof ApiProblem ? error.fieldErrors() : {}) };
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const iso = parseDisplayDate(day);
    const bad: Record<string, string> = {};
    if (!iso) bad.start = t('form.invalidDate');
    if (!/^\d{2}:\d{2}$/.test(time)) bad.start = t('consult.schedule.badTime');
    setLocalError(bad);
    if (Object.keys(bad).length > 0) return;
    try {
      const s = await consultations.schedule({ requestIds: chosen, start: `${iso}T${time}:00+07:00`, durationMinutes: Number(duration),
        moderatorId: moderator, specialistIds: members, place: place || undefined });
      setDone(s);
      setChosen([]);
      waiting.reload();
      setWeek(mondayOf(iso!));
      sessions.reload();
    } catch (err) {
      setError(err);
    }
  };

  const days = Array.from({ length: 7 }, (_, i) => clinicDate(new Date(new Date(from).getTime() + i * DAY_MS + DAY_MS / 2)));
  const name = (id: string) => specialists.find((s) => s.id === id)?.displayName ?? id;
  return (
    <section>
      <h1>{t('consult.schedule.title')}</h1>
      {done && <Notice>{t('consult.schedule.done', { when: `${date(clinicDate(new Date(done.start)))} ${clinicTime(done.start)}` })}</Notice>}
      {error ? <ProblemAlert error={error} shownFields={FIELDS} /> : null}
      <form className="form" onSubmit={submit} noValidate aria-label={t('consult.schedule.form')}>
        <fieldset>
          <legend>{t('consult.schedule.requests')}</legend>
          {waiting.data?.length === 0 && <p role="status">{t('consult.schedule.noneWaiting')}</p>}
          {waiting.data?.map((r) => (
            <CheckboxField key={r.id} label={`${t(`consult.urgency.${r.urgency}` as const)} — ${r.specialty}`}
              checked={chosen.includes(r.id)} onChange={() => setChosen(toggle(chosen, r.id))} />
          ))}
          {errors.requestIds && <small className="error" role="alert">{errors.requestIds}</small>}
        </fieldset>
        <div className="row">
          <TextField label={t('consult.schedule.date')} value={day} onChange={setDay} placeholder={t('form.datePlaceholder')} error={errors.start} />
          <TextField label={t('consult.schedule.time')} value={time} onChange={setTime} placeholder="08:30" />
          <TextField label={t('consult.schedule.duration')} value={duration} onChange={setDuration} inputMode="numeric" error={errors.durationMinutes} />
        </div>
        <SelectField label={t('consult.schedule.moderator')} value={moderator} placeholder={t('common.choose')} required
          options={specialists.map((s) => ({ value: s.id, label: s.displayName }))} onChange={setModerator} error={errors.moderatorId} />
        <fieldset>
          <legend>{t('consult.schedule.specialists')}</legend>
          {specialists.filter((s) => s.id !== moderator).map((s) => (
            <CheckboxField key={s.id} label={s.displayName} checked={members.includes(s.id)} onChange={() => setMembers(toggle(members, s.id))} />
          ))}
          {errors.specialistIds && <small className="error" role="alert">{errors.specialistIds}</small>}
        </fieldset>
        <TextField label={t('consult.schedule.place')} value={place} onChange={setPlace} error={errors.place} />
        <div className="actions"><button type="submit" className="primary">{t('consult.schedule.submit')}</button></div>
      </form>

      <h2 id="week-title">{t('consult.schedule.week', { from: date(days[0]), to: date(days[6]) })}</h2>
      <div className="actions">
        <button type="button" onClick={() => setWeek(clinicDate(new Date(new Date(from).getTime() - 7 * DAY_MS + DAY_MS / 2)))}>{t('consult.schedule.prevWeek')}</button>
        <button type="button" onClick={() => setWeek(clinicDate(new Date(new Date(from).getTime() + 7 * DAY_MS + DAY_MS / 2)))}>{t('consult.schedule.nextWeek')}</button>
      </div>
      <div className="week" aria-labelledby="week-title">
        {days.map((d) => (
          <div key={d} className="week-day">
            <h3>{date(d)}</h3>
            <ul>
              {(sessions.data ?? []).filter((s) => clinicDate(new Date(s.start)) === d).map((s) => (
                <li key={s.id} data-status={s.status}>
                  <Link href={`/consultation-sessions/${encodeURIComponent(s.id)}`}>
                    {clinicTime(s.start)}–{clinicTime(s.end)} · {t('consult.cases', { n: s.requestIds.length })} · {name(s.moderatorId)}
                  </Link> {t(`consult.session.${s.status}` as const)}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
