import { useState, type FormEvent } from 'react';
import { consultationsService, type ConsultationRequest } from '../../../services/consultations';
import { SelectField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { imagingService } from '../../../services/imaging';
import { useI18n, useLoad, useService } from '../../platform';
import { saveBlob } from './download';

const OPEN = ['draft', 'submitted', 'accepted', 'scheduled', 'in_session'];

/** The documents and lab results of a request: listed, downloaded, and added while the request is open. */
export function Attachments({ request, onAdded }: { request: ConsultationRequest; onAdded(): void }) {
  const consultations = useService(consultationsService);
  const { t, dateTime } = useI18n();
  const [kind, setKind] = useState<'document' | 'lab_result'>('document');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!request.attachments) return null;
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await consultations.attach(request.id, kind, file);
      setFile(null);
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('consult.attachments')}</h2>
      {request.attachments.length === 0 && <p>{t('consult.attachments.none')}</p>}
      <ul>
        {request.attachments.map((a) => a.kind === 'imaging_study' ? (
          <li key={a.id} data-study={a.reference ?? ''}>
            {t('consult.kind.imaging_study')}: {a.fileName} ({t('consult.study.instances', { count: a.size })}, {dateTime(a.addedAt)})
          </li>
        ) : (
          <li key={a.id}>
            {t(`consult.kind.${a.kind}` as const)}: {a.fileName} ({Math.ceil(a.size / 1024)} KB, {dateTime(a.addedAt)}){' '}
            <button type="button" onClick={() => void consultations.attachment(request.id, a.id).then((b) => saveBlob(b, a.fileName), setError)}>
              {t('consult.download')}
            </button>
          </li>
        ))}
      </ul>
      {error ? <ProblemAlert error={error} /> : null}
      {OPEN.includes(request.status) && (
        <form className="form" onSubmit={upload} aria-label={t('consult.attach')}>
          <div className="row">
            <SelectField label={t('consult.attach.kind')} value={kind} onChange={(v) => setKind(v as 'document' | 'lab_result')}
              options={[{ value: 'document' as const, label: t('consult.kind.document') }, { value: 'lab_result' as const, label: t('consult.kind.lab_result') }]} />
            <label>{t('consult.attach.file')}
              <input type="file" accept="application/pdf,image/png,image/jpeg,text/plain,text/csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
          </div>
          <div className="actions"><button type="submit" disabled={!file || busy}>{t('consult.attach')}</button></div>
        </form>
      )}
      {OPEN.includes(request.status) && <StudyPicker request={request} onAdded={onAdded} />}
    </section>
  );
}

/** The patient's stored studies (uploaded, received from a modality or pulled from the PACS) not yet attached. */
function StudyPicker({ request, onAdded }: { request: ConsultationRequest; onAdded(): void }) {
  const consultations = useService(consultationsService);
  const imaging = useService(imagingService);
  const { t } = useI18n();
  const studies = useLoad((signal) => imaging.studies(request.patientId, signal), request.patientId);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const attached = new Set((request.attachments ?? []).map((a) => a.reference));
  const free = (studies.data ?? []).filter((s) => !attached.has(s.studyInstanceUid));
  const attach = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await consultations.attachStudy(request.id, chosen);
      setChosen('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (studies.error) return <ProblemAlert error={studies.error} />;
  if (!studies.data) return null;
  return (
    <form className="form" onSubmit={attach} aria-label={t('consult.study.attach')}>
      {error ? <ProblemAlert error={error} /> : null}
      {free.length === 0 ? <p>{t('consult.study.none')}</p> : (
        <div className="row">
          <SelectField label={t('consult.study.choose')} value={chosen} onChange={setChosen} placeholder="—"
            options={free.map((s) => ({
              value: s.studyInstanceUid,
              label: [s.date, s.modalities.join('/'), s.description].filter(Boolean).join(' · ') || s.studyInstanceUid,
            }))} />
        </div>
      )}
      {free.length > 0 && <div className="actions"><button type="submit" disabled={!chosen || busy}>{t('consult.study.attach')}</button></div>}
    </form>
  );
}
