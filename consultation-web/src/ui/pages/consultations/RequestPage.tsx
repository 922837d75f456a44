import { useState } from 'react';
import type { MessageKey } from '../../../core/i18n/vi';
import { consultationsService, type ConsultationRequest, type RequestStatus } from '../../../services/consultations';
import { TextField } from '../../components/Field';
import { Link } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService, useUser } from '../../platform';
import type { PageProps } from '../../routes';
import { Attachments } from './Attachments';
import { useLiveRefresh } from './live';

/** One request: what was asked, where it stands, its history, and the steps this user may take now. */
export function RequestPage({ params }: PageProps) {
  const consultations = useService(consultationsService);
  const { t, dateTime } = useI18n();
  const loaded = useLoad((signal) => consultations.get(params.requestId, signal), params.requestId);
  useLiveRefresh(loaded.reload);
  const r = loaded.data;
  return (
    <section aria-busy={loaded.loading}>
      <Link href="/consultations">{t('consult.backToList')}</Link>
      {loaded.error ? <ProblemAlert error={loaded.error} /> : null}
      {r && (
        <>
          <h1>{t('consult.request.title', { specialty: r.specialty })}</h1>
          <dl className="details">
            <dt>{t('consult.status')}</dt><dd data-testid="request-status">{t(`consult.status.${r.status}` as const)}</dd>
            <dt>{t('consult.urgency')}</dt><dd>{t(`consult.urgency.${r.urgency}` as const)}</dd>
            <dt>{t('consult.patient')}</dt><dd><Link href={`/patients/${encodeURIComponent(r.patientId)}`}>{t('consult.openPatient')}</Link></dd>
            {r.reason !== undefined && <><dt>{t('consult.reason')}</dt><dd className="prose">{r.reason}</dd></>}
            {r.clinicalSummary !== undefined && <><dt>{t('consult.clinicalSummary')}</dt><dd className="prose">{r.clinicalSummary}</dd></>}
            {r.question !== undefined && <><dt>{t('consult.question')}</dt><dd className="prose">{r.question}</dd></>}
            {r.sessionId && <><dt>{t('consult.session')}</dt><dd><Link href={`/consultation-sessions/${encodeURIComponent(r.sessionId)}`}>{t('consult.openSession')}</Link></dd></>}
            {r.requestToRoomMillis !== undefined && <><dt>{t('consult.requestToRoom')}</dt><dd>{t('consult.seconds', { s: (r.requestToRoomMillis / 1000).toFixed(1) })}</dd></>}
          </dl>
          <Actions request={r} onChanged={loaded.set} />
          <Attachments request={r} onAdded={loaded.reload} />
          <h2>{t('consult.history')}</h2>
          <ol className="history">
            {r.history.map((h) => (
              <li key={h.at + h.to}>{dateTime(h.at)} — {t(`consult.status.${h.to}` as const)}{h.note ? `: ${h.note}` : ''}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Submit, accept, decline, cancel: offered when the lifecycle allows it and the user's role may. */
function Actions({ request, onChanged }: { request: ConsultationRequest; onChanged(r: ConsultationRequest): void }) {
  const consultations = useService(consultationsService);
  const user = useUser()!;
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const requester = user.id === request.requesterId;
  const answerer = user.role !== 'district_doctor' && user.hospitalId !== request.requesterHospitalId;
  const offered: RequestStatus[] = request.allowedTransitions.filter((to) =>
    (to === 'submitted' && requester) || ((to === 'accepted' || to === 'declined') && answerer)
    || (to === 'cancelled' && (requester || user.role === 'administrator')));
  if (offered.length === 0) return null;
  const go = async (to: RequestStatus) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await consultations.move(request, to, to === 'declined' || to === 'cancelled' ? reason : undefined));
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const needsReason = offered.includes('declined') || offered.includes('cancelled');
  return (
    <div className="form actions-panel">
      {error ? <ProblemAlert error={error} /> : null}
      {needsReason && <TextField label={t('consult.actionReason')} value={reason} onChange={setReason} hint={t('consult.actionReasonHint')} />}
      <div className="actions">
        {offered.map((to) => (
          <button key={to} type="button" disabled={busy} className={to === 'accepted' || to === 'submitted' ? 'primary' : undefined}
            onClick={() => void go(to)}>{t(`consult.do.${to}` as MessageKey)}</button>
        ))}
      </div>
    </div>
  );
}
