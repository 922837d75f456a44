import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { RoomCall, RoomState } from '../../../webrtc/RoomCall';
import type { RoomParticipant } from '../../../webrtc/messages';
import { useI18n } from '../../platform';
import { ChatPanel } from './ChatPanel';
import { JitsiFrame } from './JitsiFrame';
import { RecordButton } from './RecordButton';
import { LiveFlagsToggle, TileFlags, useLiveFlags } from './LiveFlags';

import { SharedImaging } from './SharedImaging';
import type { SharedViewing } from '../../../webrtc/SharedViewing';

/** The room once entered: video tiles, controls, people (with moderation), waiting room and chat. */
export function RoomView({ sessionId, call, state, local, shared }: {
  sessionId: string; call: RoomCall; state: RoomState; local: MediaStream; shared?: SharedViewing;
}) {
  const { t, lookup } = useI18n();
  const moderator = state.moderatorUserId === state.selfId;
  const others = state.participants.filter((p) => p.userId !== state.selfId);
  const lesions = useLiveFlags(call, local);

  if (state.phase !== 'joined' && state.phase !== 'reconnecting') {
    const known = state.error ? lookup(`problem.${state.error.code}`) : null;
    return (
      <section>
        <h1>{t('room.title')}</h1>
        <p role="status" data-room-phase={state.phase}>{t(`room.phase.${state.phase}`)}</p>
        {state.error && <p role="alert" className="alert alert-error">{known ?? state.error.detail}</p>}
      </section>
    );
  }
  return (
    <section className="room" data-room-phase={state.phase}>
      <header className="room-head">
        <h1>{t('room.title')}</h1>
        {state.recording && <span role="status" className="recording" data-recording="on">● {t('room.recordingOn')}</span>}
        {state.phase === 'reconnecting' && <span role="status">{t('room.phase.reconnecting')}</span>}
      </header>
      {state.mutedBy && <p role="status" className="alert alert-info">{t('room.mutedByModerator')}</p>}
      {state.error && <p role="alert" className="alert alert-error">{lookup(`problem.${state.error.code}`) ?? state.error.detail}</p>}
      <div className="room-body">
        <div className="stage">
          {state.media === 'jitsi' && state.ticket?.jitsi ? <JitsiFrame join={state.ticket.jitsi} /> : (
            <div className="tiles">
              <Tile label={t('room.you')} stream={local} self
                overlay={<TileFlags live={lesions.live} state={lesions.state} userId={state.selfId} name={t('room.you')} />} />
              {others.filter((p) => p.connected).map((p) => (
                <Tile key={p.userId} label={p.displayName} stream={state.streams[p.userId]} userId={p.userId}
                  connection={state.links[p.userId] ?? 'new'} participant={p}
                  overlay={<TileFlags live={lesions.live} state={lesions.state} userId={p.userId} name={p.displayName} />} />
              ))}
            </div>
          )}
          <Controls call={call} state={state} moderator={moderator} />
          {moderator && state.media === 'mesh' && <RecordButton sessionId={sessionId} call={call} state={state} local={local} />}
          <LiveFlagsToggle live={lesions.live} state={lesions.state} selfId={state.selfId} />
          {shared && <SharedImaging shared={shared} room={state} />}
        </div>
        <aside className="side">
          <People state={state} moderator={moderator} call={call} />
          {moderator && <WaitingRoom state={state} call={call} />}
          <ChatPanel messages={state.chat} onSend={(text) => call.chat(text)} />
        </aside>
      </div>
    </section>
  );
}

function Tile({ label, stream, self, userId, connection, participant, overlay }: {
  label: string; stream?: MediaStream; self?: boolean; userId?: string; connection?: RTCPeerConnectionState; participant?: RoomParticipant;
  overlay?: ReactNode;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== (stream ?? null)) video.current.srcObject = stream ?? null;
  }, [stream]);
  return (
    <figure className="tile" data-user-id={userId} data-connection={connection}>
      <video ref={video} autoPlay playsInline muted={self} />
      {overlay}
      <figcaption>
        {label}
        {participant?.hand && <span aria-label={t('room.handRaised')}> ✋</span>}
        {participant && !participant.audio && <span aria-label={t('room.micOff')}> 🔇</span>}
        {connection && connection !== 'connected' && <small> · {t(`room.link.${connection}`)}</small>}
      </figcaption>
    </figure>
  );
}

function Controls({ call, state, moderator }: { call: RoomCall; state: RoomState; moderator: boolean }) {
  const { t } = useI18n();
  const me = state.participants.find((p) => p.userId === state.selfId);
  const [busy, setBusy] = useState(false);
  const audio = me?.audio ?? false;
  const video = me?.video ?? false;
  const share = async () => {
    setBusy(true);
    try {
      if (call.sharingScreen) await call.stopScreen();
      else await call.shareScreen();
    } catch {
      // The user closed the screen picker: nothing to share.
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="controls" role="toolbar" aria-label={t('room.controls')}>
      <button type="button" aria-pressed={!audio} onClick={() => call.setAudio(!audio)}>{audio ? t('room.mute') : t('room.unmute')}</button>
      <button type="button" aria-pressed={!video} onClick={() => call.setVideo(!video)}>{video ? t('room.cameraOff') : t('room.cameraOn')}</button>
      <button type="button" disabled={busy} aria-pressed={call.sharingScreen} onClick={() => void share()}>
        {call.sharingScreen ? t('room.stopShare') : t('room.share')}
      </button>
      <button type="button" aria-pressed={me?.hand ?? false} onClick={() => call.raiseHand(!me?.hand)}>
        {me?.hand ? t('room.lowerHand') : t('room.raiseHand')}
      </button>
      <button type="button" onClick={() => call.leave()}>{t('room.leave')}</button>
      {moderator && <button type="button" className="danger" onClick={() => { if (window.confirm(t('room.endConfirm'))) call.end(); }}>
        {t('room.end')}
      </button>}
    </div>
  );
}

function People({ state, moderator, call }: { state: RoomState; moderator: boolean; call: RoomCall }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t('room.people')}</h2>
      <ul className="people">
        {state.participants.map((p) => (
          <li key={p.userId} data-user-id={p.userId}>
            <span>{p.displayName}{p.userId === state.selfId ? ` (${t('room.you')})` : ''}</span>
            {p.moderator && <small className="badge"> {t('room.moderator')}</small>}
            {p.guest && <small className="badge"> {t('room.guest')}</small>}
            {!p.connected && <small> · {t('room.away')}</small>}
            {p.hand && <span aria-label={t('room.handRaised')}> ✋</span>}
            {moderator && p.userId !== state.selfId && p.connected && (
              <span className="row-actions">
                <button type="button" onClick={() => call.moderate('mute', p.userId)}>{t('room.muteThem')}</button>
                <button type="button" onClick={() => call.moderate('hand-over', p.userId)}>{t('room.handOver')}</button>
                <button type="button" onClick={() => call.moderate('remove', p.userId)}>{t('room.remove')}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WaitingRoom({ state, call }: { state: RoomState; call: RoomCall }) {
  const { t } = useI18n();
  if (state.waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('room.waitingRoom')}</h2>
      <ul className="people">
        {state.waiting.map((w) => (
          <li key={w.userId} data-user-id={w.userId}>
            <span>{w.displayName} · {t(`role.${w.role}` as 'role.specialist')}</span>
            <span className="row-actions">
              <button type="button" className="primary" onClick={() => call.moderate('admit', w.userId)}>{t('room.admit')}</button>
              <button type="button" onClick={() => call.moderate('refuse', w.userId)}>{t('room.refuse')}</button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
