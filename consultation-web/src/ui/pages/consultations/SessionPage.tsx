import { useState } from 'react';
import { consultationsService, type ConsultationSession, type Minutes, type MinutesText } from '../../../services/consultations';
import { TextField } from '../../components/Field';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService, useUser } from '../../platform';
import type { PageProps } from '../../routes';
import { useLiveRefresh } from './live';
import { saveBlob } from './download';
import { TextArea } from './NewRequestPage';

/** A session: when, who, its requests; the moderator opens and concludes it and, as chair, writes the minutes. */
export function SessionPage({ params }: PageProps) {
  const consultations = useService(consultationsService);
  const user = useUser()!;
  const { t, dateTime } = useI18n();
  const loaded = useLoad((signal) => consultations.session(params.sessionId, signal), params.sessionId);
  useLiveRefresh(loaded.reload);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const s = loaded.data;
  const step = async (session: ConsultationSession, which: 'open' | 'conclude' | 'cancel') => {
    setError(null);
    try {
      loaded.set(await consultations.sessionStep(session, which, which === 'cancel' ? reason : undefined));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-busy={loaded.loading}>
      <Link href="/consultations">{t('consult.backToList')}</Link>
      {loaded.error ? <ProblemAlert error={loaded.error} /> : null}
      {s && (
        <>
          <h1>{s.emergency ? t('consult.session.emergencyTitle') : t('consult.session.title')}</h1>
          <dl className="details">
            <dt>{t('consult.status')}</dt><dd data-testid="session-status">{t(`consult.session.${s.status}` as const)}</dd>
            <dt>{t('consult.session.when')}</dt><dd>{dateTime(s.start)} – {dateTime(s.end)} ({t('consult.timeZone')})</dd>
            {s.place && <><dt>{t('consult.schedule.place')}</dt><dd>{s.place}</dd></>}
          </dl>
          {error ? <ProblemAlert error={error} /> : null}
          <div className="actions">
            {s.status === 'scheduled' && (s.moderatorId === user.id || s.specialistIds.includes(user.id)) && (
              <button type="button" className="primary" onClick={() => void step(s, 'open')}>{t('consult.session.open')}</button>)}
            {s.status === 'open' && user.role !== 'administrator' && (
              <Link href={`/rooms/${encodeURIComponent(s.id)}`}>{t('consult.session.enterRoom')}</Link>)}
            {s.status === 'open' && s.moderatorId === user.id && (
              <button type="button" onClick={() => void step(s, 'conclude')}>{t('consult.session.conclude')}</button>)}
          </div>
          {s.status === 'scheduled' && user.role === 'administrator' && (
            <div className="form">
              <TextField label={t('consult.actionReason')} value={reason} onChange={setReason} />
              <button type="button" onClick={() => void step(s, 'cancel')}>{t('consult.session.cancel')}</button>
            </div>
          )}
          <h2>{t('consult.session.requests')}</h2>
          {s.requestIds.map((id) => (
            <article key={id} className="card">
              <Link href={`/consultations/${encodeURIComponent(id)}`}>{t('consult.openRequest')}</Link>
              {user.role !== 'administrator' && (s.status === 'open' || s.status === 'concluded') && (
                <MinutesEditor requestId={id} chair={s.moderatorId === user.id} />
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}

/** The Circular 49 minutes of one request; the chair edits and signs, everyone else reads. */
function MinutesEditor({ requestId, chair }: { requestId: string; chair: boolean }) {
  const consultations = useService(consultationsService);
  const { t } = useI18n();
  const loaded = useLoad((signal) => consultations.minutes(requestId, signal), requestId);
  const m = loaded.data;
  return (
    <section aria-label={t('consult.minutes.title')}>
      <h3>{t('consult.minutes.title')}</h3>
      {loaded.error ? <ProblemAlert error={loaded.error} /> : null}
      {m && <MinutesForm key={`${m.edition}:${m.version}`} minutes={m} editable={chair && m.state === 'draft'} onSaved={loaded.set} />}
    </section>
  );
}

function MinutesForm({ minutes, editable, onSaved }: { minutes: Minutes; editable: boolean; onSaved(m: Minutes): void }) {
  const consultations = useService(consultationsService);
  const { t } = useI18n();
  const [text, setText] = useState<MinutesText>({ patientSummary: minutes.patientSummary ?? '', discussion: minutes.discussion ?? '',
    conclusion: minutes.conclusion ?? '', treatmentRecommendation: minutes.treatmentRecommendation ?? '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = (f: keyof MinutesText) => (v: string) => setText((x) => ({ ...x, [f]: v }));
  const act = async (sign: boolean) => {
    setError(null);
    try {
      const next = sign ? await consultations.signMinutes(minutes) : await consultations.saveMinutes(minutes, text);
      setSaved(true);
      onSaved(next);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="form">
      <p>{t('consult.minutes.edition', { n: minutes.edition })} — {t(`consult.minutes.${minutes.state}` as const)}</p>
      <ul>{minutes.participants.map((p) => <li key={p.userId}>{p.name} — {t(`consult.minutes.role.${p.role}` as const)}, {p.hospital}</li>)}</ul>
      {saved && <Notice>{t('consult.minutes.saved')}</Notice>}
      {error ? <ProblemAlert error={error} /> : null}
      {(['patientSummary', 'discussion', 'conclusion', 'treatmentRecommendation'] as const).map((f) => editable
        ? <TextArea key={f} label={t(`consult.minutes.${f}` as const)} value={text[f] ?? ''} onChange={set(f)} />
        : <div key={f}><h4>{t(`consult.minutes.${f}` as const)}</h4><p className="prose">{minutes[f] ?? '—'}</p></div>)}
      {editable && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void act(false)}>{t('common.save')}</button>
          {minutes.version > 0 && <button type="button" onClick={() => void act(true)}>{t('consult.minutes.sign')}</button>}
        </div>
      )}
      {minutes.version > 0 && (
        <button type="button" onClick={() => void consultations.minutesPdf(minutes.requestId)
          .then((b) => saveBlob(b, `bien-ban-hoi-chan-${minutes.edition}.pdf`), setError)}>{t('consult.minutes.pdf')}</button>
      )}
    </div>
  );
}
