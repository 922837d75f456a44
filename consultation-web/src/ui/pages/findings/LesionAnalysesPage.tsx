import { useEffect, useState } from 'react';
import type { LesionAnalysis, StoredImage } from '../../../services/findings';
import { findingsService } from '../../../services/findings';
import { LesionOverlay } from '../../components/LesionOverlay';
import { Link } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService, useUser } from '../../platform';
import { useAction } from '../../useAction';
import type { PageProps } from '../../routes';
import { DicomOutputsPanel } from './DicomOutputsPanel';
import { FlagReviewPanel } from './FlagReviewPanel';

/** A patient's AI lesion flags: their stored endoscopy images (to analyse), and every analysis with its flags to review. */
export function LesionAnalysesPage({ params }: PageProps) {
  const findings = useService(findingsService);
  const { t } = useI18n();
  const user = useUser();
  const patientId = params.patientId;
  const analyses = useLoad((signal) => findings.list(patientId, signal), patientId);
  const images = useLoad((signal) => findings.endoscopyImages(patientId, signal), patientId);
  const { busy: running, error, run } = useAction<string>();
  const reviewer = user?.role === 'endoscopist' || user?.role === 'specialist';

  const analyse = (image: StoredImage) => run(image.sopInstanceUid, async () => {
    await findings.analyseStored(patientId, image);
    analyses.reload();
  });
  const replace = (next: LesionAnalysis) => analyses.set((analyses.data ?? []).map((a) => (a.id === next.id ? next : a)));

  return (
    <section aria-busy={analyses.loading}>
      <Link href={`/patients/${encodeURIComponent(patientId)}`}>{t('lesion.backToPatient')}</Link>
      <h1>{t('lesion.title')}</h1>
      <p className="hint">{t('lesion.disclaimer')}</p>
      <ProblemAlert error={error ?? analyses.error} />
      <section aria-labelledby="endoscopy-images">
        <h2 id="endoscopy-images">{t('lesion.images')}</h2>
        {images.error ? <ProblemAlert error={images.error} /> : null}
        {images.data && images.data.length === 0 && <p>{t('lesion.noImages')}</p>}
        <ul className="people">
          {(images.data ?? []).map((i) => (
            <li key={i.sopInstanceUid} data-sop-instance-uid={i.sopInstanceUid}>
              <span>{i.modality || 'ES'} · {i.sopInstanceUid} · {t('lesion.frames', { count: i.frames })}</span>
              {reviewer && (
                <button type="button" disabled={running !== null} onClick={() => void analyse(i)}>
                  {running === i.sopInstanceUid ? t('lesion.analysing') : t('lesion.analyse')}
                </button>)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="analyses">
        <h2 id="analyses">{t('lesion.analyses')}</h2>
        {analyses.data && analyses.data.length === 0 && <p>{t('lesion.none')}</p>}
        {(analyses.data ?? []).map((a) => <AnalysisCard key={a.id} analysis={a} reviewer={reviewer} onChange={replace} />)}
      </section>
    </section>
  );
}

function AnalysisCard({ analysis, reviewer, onChange }: { analysis: LesionAnalysis; reviewer: boolean; onChange(a: LesionAnalysis): void }) {
  const findings = useService(findingsService);
  const { t, dateTime } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(analysis.flags[0]?.id ?? null);
  const ref = analysis.input.dicom;
  useEffect(() => {
    if (!ref) return undefined;
    const controller = new AbortController();
    let made: string | null = null;
    findings.frame(analysis.patientId, ref, controller.signal).then((blob) => {
      made = URL.createObjectURL(blob);
      setUrl(made);
    }, () => setUrl(null));
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [analysis.id]);
  const flag = analysis.flags.find((f) => f.id === selected) ?? null;
  const accepted = analysis.flags.some((f) => f.status === 'accepted' || f.status === 'edited');
  return (
    <article className="lesion-analysis" data-analysis-id={analysis.id}>
      <h3>{dateTime(analysis.createdAt)} · {t(`lesion.source.${analysis.input.source}` as 'lesion.source.upload')}
        {' · '}{analysis.model.id} {analysis.model.version} · {t('lesion.flagCount', { count: analysis.flags.length })}</h3>
      <div className="lesion-frame">
        <div className="lesion-image" style={{ position: 'relative', aspectRatio: `${analysis.input.width} / ${analysis.input.height}` }}>
          {url ? <img src={url} alt={t('lesion.frameAlt')} style={{ width: '100%', height: '100%', display: 'block' }} />
            : <div className="lesion-noimage">{ref ? t('common.loading') : t('lesion.frameNotStored')}</div>}
          <LesionOverlay width={analysis.input.width} height={analysis.input.height} mask={analysis.mask} selected={selected}
            onSelect={setSelected} label={t('lesion.overlay')}
            flags={analysis.flags.map((f) => ({ id: f.id, box: f.current.box, score: f.score, status: f.status,
              label: f.current.label ? t(`lesion.label.${f.current.label}` as 'lesion.label.polyp') : null }))} />
        </div>
        <div className="lesion-flags">
          <ol>
            {analysis.flags.map((f) => (
              <li key={f.id} data-flag-id={f.id} data-status={f.status}>
                <button type="button" className="link" aria-pressed={selected === f.id} onClick={() => setSelected(f.id)}>
                  {Math.round(f.score * 100)}% · {t(`lesion.status.${f.status}`)}
                </button>
              </li>
            ))}
          </ol>
          {flag && <FlagReviewPanel analysis={analysis} flag={flag} reviewer={reviewer} onChange={onChange} />}
          {ref && accepted && <DicomOutputsPanel key={analysis.version} analysis={analysis} source={ref} />}
        </div>
      </div>
    </article>
  );
}
