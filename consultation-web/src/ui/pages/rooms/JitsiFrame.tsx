import { useEffect, useRef, useState } from 'react';
import type { JitsiJoin } from '../../../services/rooms';
import { useI18n } from '../../platform';

interface JitsiApi {
  dispose(): void;
}
type JitsiConstructor = new (domain: string, options: object) => JitsiApi;

/** A large room: the Jitsi deployment's own IFrame API, loaded from its domain, joined with the server's token. */
export function JitsiFrame({ join }: { join: JitsiJoin }) {
  const { t } = useI18n();
  const parent = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let api: JitsiApi | null = null;
    const script = document.createElement('script');
    script.src = join.scriptUrl;
    script.async = true;
    script.onload = () => {
      const Api = (window as unknown as { JitsiMeetExternalAPI?: JitsiConstructor }).JitsiMeetExternalAPI;
      if (!Api || !parent.current) return setFailed(true);
      api = new Api(join.domain, { roomName: join.room, jwt: join.jwt, parentNode: parent.current, width: '100%', height: 560 });
    };
    script.onerror = () => setFailed(true);
    document.head.appendChild(script);
    return () => {
      api?.dispose();
      script.remove();
    };
  }, [join.scriptUrl, join.room, join.jwt]);
  return (
    <div ref={parent} className="jitsi">
      {failed && <p role="alert" className="alert alert-error">{t('room.jitsiFailed')}</p>}
    </div>
  );
}
