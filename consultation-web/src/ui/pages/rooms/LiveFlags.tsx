import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LiveLesionFlags, type LiveState } from '../../../webrtc/LiveLesionFlags';
import type { RoomCall } from '../../../webrtc/RoomCall';
import { LesionOverlay } from '../../components/LesionOverlay';
import { useI18n, useUser } from '../../platform';

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
    </div>
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
