import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { consultationsService } from '../../../services/consultations';
import { findingsService } from '../../../services/findings';
import { LiveLesionFlags, type LiveState } from '../../../webrtc/LiveLesionFlags';
import type { RoomCall } from '../../../webrtc/RoomCall';
import { LesionOverlay } from '../../components/LesionOverlay';
import { Link } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, usePlace, useService, useUser } from '../../platform';

/** Live AI lesion flags of the room: one per call, listening while the room is shown. */
export function useLiveFlags(call: RoomCall, local: MediaStream): { live: LiveLesionFlags; state: LiveState } {
  const live = useMemo(() => new LiveLesionFlags(call, local, () => call.current.selfId), [call, local]);
  useEffect(() => live.attach(), [live]);
  const state = useSyncExternalStore((notify) => live.events.subscribe('changed', notify), () => live.current);
  return { live, state };
}

/** Endoscopists and specialists mark their camera (the tower's capture card) as the endoscopy stream. */
export function LiveFlagsToggle({ live, state, selfId }: { live: LiveLesionFlags; state: LiveState; selfId: string }) {
  const { t } = useI18n();
  const user = useUser();
  if (user?.role !== 'endoscopist' && user?.role !== 'specialist') return null;
  const on = state.streams.includes(selfId);
  return (
    <div className="controls live-flags">
      <button type="button" aria-pressed={on} onClick={() => (on ? live.stop() : live.start())}>
        {on ? t('live.streamOff') : t('live.streamOn')}
      </button>
      {state.sending && <span role="status"> {t('live.streaming')}</span>}
      {on && <Capture live={live} />}
    </div>
  );
}

/** Captures the frame on screen into the session's patient's images and analyses it (a stored analysis to review). */
function Capture({ live }: { live: LiveLesionFlags }) {
  const { t } = useI18n();
  const consultations = useService(consultationsService);
  const findings = useService(findingsService);
  const sessionId = usePlace().path.split('/').pop() ?? '';   // the room's page is /rooms/:sessionId
  const session = useLoad((signal) => consultations.session(sessionId, signal), sessionId);
  const [result, setResult] = useState<{ flags: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const patientId = session.data?.patientIds.length === 1 ? session.data.patientIds[0] : null;
  if (!patientId) return null;
  const capture = async () => {
    setBusy(true);
    setError(null);
    try {
      const jpeg = await live.grab();
      if (!jpeg) return;
      const analyses = await findings.captureAndAnalyse(patientId, jpeg, t('live.captureDescription'));
      setResult({ flags: analyses.reduce((n, a) => n + a.flags.length, 0) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {' '}<button type="button" disabled={busy} onClick={() => void capture()}>{t('live.capture')}</button>
      {result && <span role="status"> {t('live.captured', { count: result.flags })}{' '}
        <Link href={`/patients/${encodeURIComponent(patientId)}/lesion-analyses`}>{t('live.review')}</Link></span>}
      <ProblemAlert error={error} />
    </>
  );
}

/** The latest flags over one participant's video tile (object-fit: cover), and when they were painted. */
export function TileFlags({ live, state, userId, name }: { live: LiveLesionFlags; state: LiveState; userId: string; name: string }) {
  const { t } = useI18n();
  const latest = state.flags[userId];
  useEffect(() => {
    if (!latest) return undefined;
    const frame = requestAnimationFrame(() => live.drawn(userId, latest.seq));
    return () => cancelAnimationFrame(frame);
  }, [latest?.seq]);
  if (!latest || !state.streams.includes(userId)) return null;
  return (
    <div data-live-flags-for={userId} data-seq={latest.seq} data-flag-count={latest.flags.length}>
      <LesionOverlay width={latest.width} height={latest.height} fit="cover" label={t('live.flagsFrom', { name })}
        flags={latest.flags.map((f, i) => ({ id: `${latest.seq}-${i}`, box: f.box, score: f.score }))} />
    </div>
  );
}
