import { useState } from 'react';
import type { LesionAnalysis, LesionFlag, ReviewDraft } from '../../../services/findings';
import { findingsService } from '../../../services/findings';
import { LABELS, PARIS, REASONS } from '../../../services/findings/FindingsService';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useService } from '../../platform';

/** One flag: its decisions (who, when) and, for reviewers, Accept / Reject / Edit with label, Paris class, size and box. */
export function FlagReviewPanel({ analysis, flag, reviewer, onChange }: {
  analysis: LesionAnalysis; flag: LesionFlag; reviewer: boolean; onChange(a: LesionAnalysis): void;
}) {
  const findings = useService(findingsService);
  const { t, dateTime } = useI18n();
  const [label, setLabel] = useState(flag.current.label ?? 'polyp');
  const [paris, setParis] = useState(flag.current.parisClass ?? '');
  const [size, setSize] = useState(flag.current.sizeMm ? String(flag.current.sizeMm) : '');
  const [reason, setReason] = useState<string>('not_a_lesion');
  const [box, setBox] = useState(flag.current.box);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const send = async (draft: ReviewDraft) => {
    setSaving(true);
    setError(null);
    try {
      onChange(await findings.review(analysis, flag.id, draft));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const classification = () => ({ label, ...(paris ? { parisClass: paris } : {}), ...(size ? { sizeMm: Number(size) } : {}) });
  const moved = box.x !== flag.current.box.x || box.y !== flag.current.box.y || box.width !== flag.current.box.width
    || box.height !== flag.current.box.height;

  return (
    <section className="flag-review" aria-label={t('lesion.reviewOf', { score: Math.round(flag.score * 100) })}>
      <ProblemAlert error={error} />
      {flag.reviews.length > 0 && (
        <ul className="flag-history">
          {flag.reviews.map((r, i) => (
            <li key={i} data-decision={r.decision}>
              {t(`lesion.decision.${r.decision}`)} · {t(`role.${r.byRole}` as 'role.specialist')} {r.by.slice(0, 8)} · {dateTime(r.at)}
              {r.label ? ` · ${t(`lesion.label.${r.label}` as 'lesion.label.polyp')}` : ''}{r.parisClass ? ` · ${r.parisClass}` : ''}
              {r.sizeMm ? ` · ${r.sizeMm} mm` : ''}{r.reason ? ` · ${t(`lesion.reason.${r.reason}` as 'lesion.reason.other')}` : ''}
            </li>
          ))}
        </ul>
      )}
      {reviewer && (
        <div className="flag-form">
          <label>{t('lesion.labelField')}
            <select value={label} onChange={(e) => setLabel(e.target.value)}>
              {LABELS.map((l) => <option key={l} value={l}>{t(`lesion.label.${l}`)}</option>)}
            </select>
          </label>
          <label>{t('lesion.paris')}
            <select value={paris} onChange={(e) => setParis(e.target.value)}>
              <option value="">—</option>
              {PARIS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>{t('lesion.sizeMm')}
            <input type="number" min={1} max={300} value={size} onChange={(e) => setSize(e.target.value)} />
          </label>
          <fieldset>
            <legend>{t('lesion.box')}</legend>
            {(['x', 'y', 'width', 'height'] as const).map((k) => (
              <label key={k}>{k}
                <input type="number" min={k === 'x' || k === 'y' ? 0 : 1} value={box[k]}
                  onChange={(e) => setBox({ ...box, [k]: Number(e.target.value) })} />
              </label>
            ))}
          </fieldset>
          <div className="row-actions">
            <button type="button" className="primary" disabled={saving} onClick={() => void send({ decision: 'accept', ...classification() })}>
              {t('lesion.accept')}
            </button>
            <button type="button" disabled={saving} onClick={() => void send({ decision: 'edit', ...classification(), ...(moved ? { box } : {}) })}>
              {t('lesion.edit')}
            </button>
            <select aria-label={t('lesion.reasonField')} value={reason} onChange={(e) => setReason(e.target.value)}>
              {REASONS.map((r) => <option key={r} value={r}>{t(`lesion.reason.${r}`)}</option>)}
            </select>
            <button type="button" className="danger" disabled={saving} onClick={() => void send({ decision: 'reject', reason })}>
              {t('lesion.reject')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
