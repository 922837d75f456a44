import { useState } from 'react';
import { imagingService, pullOutcome, type PulledStudy } from '../../../services/imaging';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Table } from '../../components/Table';
import { useI18n, useService } from '../../platform';
import { useAction } from '../../useAction';

/**
 * "Pull from the hospital PACS": the server finds the patient's studies there (C-FIND by record number and citizen
 * ID) and has them sent here (C-MOVE); each study's row says how many images were stored and whether some were
 * refused (the matching rule, as for any C-STORE). `onPulled` lets the viewer list the new studies.
 */
export function PacsPull({ patientId, onPulled }: { patientId: string; onPulled: () => void }) {
  const imaging = useService(imagingService);
  const { t } = useI18n();
  const { busy, error, run } = useAction<'pull'>();
  const [pulled, setPulled] = useState<PulledStudy[] | null>(null);
  const pulling = busy !== null;

  const pull = () => run('pull', async () => {
    setPulled(await imaging.pullFromPacs(patientId));
    onPulled();
  });

  return (
    <div className="pacs-pull">
      <button type="button" onClick={() => void pull()} disabled={pulling} aria-busy={pulling || undefined}>
        {pulling ? t('imaging.pacs.pulling') : t('imaging.pacs.pull')}
      </button>
      {error ? <ProblemAlert error={error} /> : null}
      {pulled?.length === 0 && <p role="status">{t('imaging.pacs.none')}</p>}
      {pulled && pulled.length > 0 && (
        <Table label={t('imaging.pacs.result')} columns={[t('imaging.pacs.date'), t('imaging.study'), t('imaging.pacs.images'), t('imaging.pacs.outcome')]}>
          {pulled.map((s) => (
            <tr key={s.studyInstanceUid} data-study-uid={s.studyInstanceUid} data-move-status={s.moveStatus ?? undefined}
              data-already-stored={s.alreadyStored || undefined}>
              <td>{s.studyDate ?? ''}</td>
              <td>{[s.studyDescription, s.modalities].filter(Boolean).join(' · ')}</td>
              <td>{s.pacsInstances > 0 ? t('imaging.pacs.storedOf', { stored: s.storedInstances, total: s.pacsInstances })
                : t('imaging.pacs.stored', { stored: s.storedInstances })}</td>
              <td>{outcome(s, t)}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}

function outcome(s: PulledStudy, t: ReturnType<typeof useI18n>['t']): string {
  switch (pullOutcome(s)) {
    case 'alreadyHere': return t('imaging.pacs.already');
    case 'received': return t('imaging.pacs.ok');
    case 'someRefused': return t('imaging.pacs.partial');
    default: return t('imaging.pacs.failed', { status: `0x${(s.moveStatus ?? 0).toString(16).toUpperCase().padStart(4, '0')}` });
  }
}
