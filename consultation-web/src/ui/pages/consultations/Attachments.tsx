import { useState, type FormEvent } from 'react';
import { consultationsService, type ConsultationRequest } from '../../../services/consultations';
import { SelectField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useService } from '../../platform';
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
        {request.attachments.map((a) => (
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
    </section>
  );
}
