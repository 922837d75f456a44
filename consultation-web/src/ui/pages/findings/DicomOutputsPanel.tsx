import { useState } from 'react';
import type { DicomFrameRef, DicomOutputs, LesionAnalysis, PacsSent, StoredObject } from '../../../services/findings';
import { findingsService } from '../../../services/findings';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useService } from '../../platform';
import { useAction } from '../../useAction';

/**
 * The accepted flags of an analysis made on a stored image, written into the patient's study as a DICOM SR and
 * SEG, then sent with their source image to the hospital PACS, where the radiology viewers see them. The parent
 * keys it by analysis version: a new review means new objects to write.
 */
export function DicomOutputsPanel({ analysis, source }: { analysis: LesionAnalysis; source: DicomFrameRef }) {
  const findings = useService(findingsService);
  const { t } = useI18n();
  const { busy, error, run } = useAction<'write' | 'send'>();
  const [written, setWritten] = useState<DicomOutputs | null>(null);
  const [sent, setSent] = useState<PacsSent[] | null>(null);

  const write = () => run('write', async () => {
    setWritten(await findings.writeDicom(analysis, source));
    setSent(null);
  });
  const send = (outputs: DicomOutputs) => run('send', async () => {
    setSent(await findings.sendToPacs(analysis.patientId,
      [source.sopInstanceUid, outputs.measurementReport.sopInstanceUid, outputs.segmentation.sopInstanceUid]));
  });
  const objectLine = (name: string, o: StoredObject) => (
    <li key={o.sopInstanceUid} data-sop-instance-uid={o.sopInstanceUid} data-status={o.status}>
      {name}: {o.status === 'already_stored' ? t('lesion.dicom.alreadyStored') : t('lesion.dicom.stored')}
    </li>
  );

  return (
    <div className="dicom-outputs">
      <button type="button" disabled={busy !== null} aria-busy={busy === 'write' || undefined} onClick={() => void write()}>
        {busy === 'write' ? t('lesion.dicom.writing') : t('lesion.dicom.write')}
      </button>
      {written && (
        <>
          <ul aria-label={t('lesion.dicom.written')}>
            {objectLine(t('lesion.dicom.sr'), written.measurementReport)}
            {objectLine(t('lesion.dicom.seg'), written.segmentation)}
          </ul>
          <button type="button" disabled={busy !== null} aria-busy={busy === 'send' || undefined} onClick={() => void send(written)}>
            {busy === 'send' ? t('lesion.dicom.sending') : t('lesion.dicom.send')}
          </button>
        </>
      )}
      {sent && (
        <ul aria-label={t('lesion.dicom.sentList')}>
          {sent.map((s) => (
            <li key={s.sopInstanceUid} data-sop-instance-uid={s.sopInstanceUid} data-status={s.status}>
              {kindOf(s, source, written, t)}: {s.status === 'sent' ? t('lesion.dicom.sent') : t('lesion.dicom.notSent', { reason: s.reason ?? '' })}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={error} />
    </div>
  );
}

function kindOf(s: PacsSent, source: DicomFrameRef, written: DicomOutputs | null, t: ReturnType<typeof useI18n>['t']): string {
  if (s.sopInstanceUid === written?.measurementReport.sopInstanceUid) return t('lesion.dicom.sr');
  if (s.sopInstanceUid === written?.segmentation.sopInstanceUid) return t('lesion.dicom.seg');
  return s.sopInstanceUid === source.sopInstanceUid ? t('lesion.dicom.source') : s.sopInstanceUid;
}
