import { useEffect, useRef, useState } from 'react';
import { roomsService } from '../../../services/rooms';
import type { RoomCall, RoomState } from '../../../webrtc/RoomCall';
import { SessionRecorder } from '../../../webrtc/SessionRecorder';
import { useI18n, useService } from '../../platform';

/** The moderator's Record / Stop: records what the room shows and hears, and tells everyone it is on. */
export function RecordButton({ sessionId, call, state, local }: { sessionId: string; call: RoomCall; state: RoomState; local: MediaStream }) {
  const { t } = useI18n();
  const rooms = useService(roomsService);
  const recorder = useRef<SessionRecorder | null>(null);
  const streams = useRef(state.streams);
  streams.current = state.streams;
  const [phase, setPhase] = useState<'idle' | 'starting' | 'recording' | 'saving'>('idle');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => () => { void recorder.current?.stop().catch(() => {}); }, []);

  const start = async () => {
    setPhase('starting');
    setNote(null);
    const r = new SessionRecorder(rooms, sessionId, {
      videos: () => Array.from(document.querySelectorAll<HTMLVideoElement>('.tiles video')),
      audio: () => [local, ...Object.values(streams.current)],
    }, (failures) => setNote(t('room.recordingRetry', { count: failures })));
    try {
      await r.start();
      recorder.current = r;
      call.setRecording(true);
      setPhase('recording');
    } catch {
      setNote(t('room.recordingFailed'));
      setPhase('idle');
    }
  };
  const stop = async () => {
    const r = recorder.current;
    if (!r) return;
    setPhase('saving');
    call.setRecording(false);
    try {
      const saved = await r.stop();
      setNote(t('room.recordingSaved', { size: Math.round((saved.size ?? 0) / 1024) }));
    } catch {
      setNote(t('room.recordingFailed'));
    } finally {
      recorder.current = null;
      setPhase('idle');
    }
  };
  return (
    <>
      {phase === 'recording'
        ? <button type="button" className="danger" onClick={() => void stop()}>{t('room.stopRecording')}</button>
        : <button type="button" disabled={phase !== 'idle'} onClick={() => void start()}>
          {phase === 'saving' ? t('room.recordingSaving') : t('room.record')}
        </button>}
      {note && <span role="status" data-recording-note>{note}</span>}
    </>
  );
}
