import { useState } from 'react';
import { consultationsService, type ConsultationRequest, type SignedReport } from '../../../services/consultations';
import { patientsService } from '../../../services/patients';
import { Link } from '../../components/Link';
import { Pager } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Table } from '../../components/Table';
import { useI18n, useLoad, useService } from '../../platform';

const LOG_PAGE = 20;

/** The patient's record beyond demographics: consultations with their conclusions, and who looked at it. */
export function PatientRecord({ patientId }: { patientId: string }) {
  return (
    <>
      <PatientConsultations patientId={patientId} />
      <AccessLog patientId={patientId} />
    </>
  );
}

function PatientConsultations({ patientId }: { patientId: string }) {
  const consultations = useService(consultationsService);
  const { t, dateTime } = useI18n();
  const list = useLoad((signal) => consultations.forPatient(patientId, signal), patientId);
  return (
    <section aria-labelledby="record-consultations">
      <h2 id="record-consultations">{t('record.consultations')}</h2>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && (list.data.length === 0 ? <p role="status">{t('consult.none')}</p> : (
        <Table labelledBy="record-consultations"
          columns={[t('consult.updated'), t('consult.specialty'), t('consult.urgency'), t('consult.status'), t('record.conclusion')]}>
          {list.data.map((r) => (
            <tr key={r.id} data-request={r.id}>
              <th scope="row"><Link href={`/consultations/${encodeURIComponent(r.id)}`}>{dateTime(r.updatedAt)}</Link></th>
              <td>{r.specialty}</td>
              <td>{t(`consult.urgency.${r.urgency}` as const)}</td>
              <td data-status={r.status}>{t(`consult.status.${r.status}` as const)}</td>
              <td>{hasMinutes(r) ? <Conclusion requestId={r.id} /> : '—'}</td>
            </tr>
          ))}
        </Table>
      ))}
    </section>
  );
}

function hasMinutes(r: ConsultationRequest): boolean {
  return r.status === 'concluded' || r.status === 'signed';
}

/** The minutes' conclusion, marked signed (frozen) or draft; the minutes page holds the whole text and PDF. */
function Conclusion({ requestId }: { requestId: string }) {
  const consultations = useService(consultationsService);
  const { t } = useI18n();
  const minutes = useLoad((signal) => consultations.minutes(requestId, signal), requestId);
  if (minutes.error) return <ProblemAlert error={minutes.error} />;
  if (!minutes.data) return <span role="status">{t('common.loading')}</span>;
  const m = minutes.data;
  return (
    <div className="conclusion" data-minutes-state={m.state}>
      <p>{m.conclusion || '—'}</p>
      <small>{t(m.state === 'signed' ? 'record.signedBy' : 'record.draftBy', { name: m.chairName, edition: m.edition })}</small>
      {m.state === 'signed' && <ReportSignature requestId={requestId} />}
    </div>
  );
}

/** The digital signature of the latest report version: valid or not, by whom, when; or the chair's button to sign. */
function ReportSignature({ requestId }: { requestId: string }) {
  const consultations = useService(consultationsService);
  const { t, dateTime } = useI18n();
  const reports = useLoad((signal) => consultations.reports(requestId, signal), requestId);
  const [error, setError] = useState<unknown>(null);
  if (reports.error) return <ProblemAlert error={reports.error} />;
  if (!reports.data) return null;
  const latest = reports.data.reduce<SignedReport | null>((a, r) => (a && a.version > r.version ? a : r), null);
  if (!latest) {
    const sign = () => consultations.signReport(requestId).then(() => reports.reload(), setError);
    return (
      <p className="signature" data-signature="none">
        {t('record.notDigitallySigned')} <button type="button" onClick={() => void sign()}>{t('record.signReport')}</button>
        {error ? <ProblemAlert error={error} /> : null}
      </p>
    );
  }
  return (
    <p className="signature" data-signature={latest.signature.valid ? 'valid' : 'invalid'} role={latest.signature.valid ? undefined : 'alert'}>
      {t(latest.signature.valid ? 'record.signatureValid' : 'record.signatureInvalid',
        { name: latest.signerName, at: dateTime(latest.signedAt), version: latest.version })}
    </p>
  );
}

function AccessLog({ patientId }: { patientId: string }) {
  const patients = useService(patientsService);
  const { t, lookup, dateTime } = useI18n();
  const [offset, setOffset] = useState(0);
  const log = useLoad((signal) => patients.accessLog(patientId, { limit: LOG_PAGE, offset }, signal), `${patientId}:${offset}`);
  return (
    <section aria-labelledby="record-access">
      <h2 id="record-access">{t('record.accessLog')}</h2>
      <p className="hint">{t('record.accessLogHint')}</p>
      {log.error ? <ProblemAlert error={log.error} /> : null}
      {log.data && (log.data.items.length === 0 ? <p role="status">{t('audit.none')}</p> : (
        <>
          <Table labelledBy="record-access" columns={[t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.resource'), t('audit.outcome')]}>
            {log.data.items.map((a) => (
              <tr key={a.seq} data-outcome={a.outcome}>
                <td>{dateTime(a.at)}</td>
                <td>{a.actorName ?? '—'}{a.actorRole ? ` (${lookup(`role.${a.actorRole}`) ?? a.actorRole})` : ''}</td>
                <td>{lookup(`audit.action.${a.action}`) ?? a.action}</td>
                <td>{lookup(`record.resource.${a.resourceType}`) ?? a.resourceType}</td>
                <td>{t(`audit.outcome.${a.outcome}` as const)}</td>
              </tr>
            ))}
          </Table>
          <Pager offset={offset} limit={LOG_PAGE} total={log.data.total} onChange={setOffset} />
        </>
      ))}
    </section>
  );
}
