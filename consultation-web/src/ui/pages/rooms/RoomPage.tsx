import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { roomsService } from '../../../services/rooms';
import { RoomCall } from '../../../webrtc/RoomCall';
import { SharedViewing } from '../../../webrtc/SharedViewing';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useService, useUser } from '../../platform';
import type { PageProps } from '../../routes';
import { PreJoin } from './PreJoin';
import { RoomView } from './RoomView';

/** A consultation session's live room: device check, then the call (or the waiting room). */
export function RoomPage({ params }: PageProps) {
  const [local, setLocal] = useState<MediaStream | null>(null);
  return local ? <Room sessionId={params.sessionId} local={local} /> : <PreJoin onJoin={setLocal} />;
}

function Room({ sessionId, local }: { sessionId: string; local: MediaStream }) {
  const rooms = useService(roomsService);
  const user = useUser();
  const { t } = useI18n();
  const call = useMemo(() => new RoomCall({
    ticket: (knock) => rooms.ticket(sessionId, knock),
    socketUrl: (path) => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`,
  }, user?.id ?? '', local), [sessionId, local]);
  const shared = useMemo(() => new SharedViewing(call), [call]);
  const state = useSyncExternalStore((notify) => call.events.subscribe('changed', notify), () => call.current);
  const [refusal, setRefusal] = useState<unknown>(null);

  const enter = (knock: boolean) => {
    setRefusal(null);
    call.enter(knock).catch(setRefusal);
  };
  useEffect(() => {
    enter(false);
    return () => {
      call.leave();
      local.getTracks().forEach((track) => track.stop());
    };
  }, [call]);

  const notParticipant = refusal instanceof ApiProblem && refusal.code === 'CNS-3001';
  if (refusal) {
    return (
      <section>
        <h1>{t('room.title')}</h1>
        <ProblemAlert error={refusal} />
        {notParticipant && <button type="button" className="primary" onClick={() => enter(true)}>{t('room.knock')}</button>}
      </section>
    );
  }
  return <RoomView sessionId={sessionId} call={call} state={state} local={local} shared={shared} />;
}
