import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RoomState } from '../../../webrtc/RoomCall';
import type { SharedViewing } from '../../../webrtc/SharedViewing';
import { useI18n } from '../../platform';
import { ImagingViewer } from '../imaging/ImagingViewer';

/** The room's shared viewer: the presenter drives, everyone else follows; control is asked for and granted. */
export function SharedImaging({ shared, room }: { shared: SharedViewing; room: RoomState }) {
  const { t } = useI18n();
  const s = useSyncExternalStore((n) => shared.events.subscribe('changed', n), () => shared.current);
  const box = useRef<HTMLElement>(null);
  const name = (id: string | null) => room.participants.find((p) => p.userId === id)?.displayName ?? id ?? '';
  const presenting = s.presenterUserId === room.selfId;
  const mayGrant = presenting || room.moderatorUserId === room.selfId;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The follower's change → screen delay, kept on the element for the benchmark and tests to read.
    const keep = (name: 'delays' | 'relays', ms: number | null) => {
      if (ms !== null) el.dataset[name] = [...(el.dataset[name]?.split(',').filter(Boolean) ?? []), ms.toFixed(1)].slice(-500).join(',');
    };
    const onRendered = () => {
      const delay = shared.rendered();
      if (delay === null) return;
      keep('delays', delay);
      keep('relays', shared.lastRelayMs);
    };
    el.addEventListener('consilium:rendered', onRendered);
    return () => el.removeEventListener('consilium:rendered', onRendered);
  }, [shared]);

  if (!shared.patientId) return <p className="shared-viewer">{t('imaging.noPatient')}</p>;
  return (
    <section ref={box} className="shared-viewer" aria-label={t('imaging.shared')} data-presenter={s.presenterUserId ?? ''}
      data-presenting={presenting || undefined}>
      <p role="status" className="presenter">
        {presenting ? t('imaging.youPresent') : t('imaging.presenter', { name: name(s.presenterUserId) })}
        {!presenting && <button type="button" onClick={() => shared.askForControl()}>{t('imaging.askControl')}</button>}
      </p>
      {mayGrant && s.requests.filter((u) => u !== room.selfId).map((u) => (
        <p key={u} className="alert alert-info" data-control-request={u}>
          {t('imaging.asked', { name: name(u) })} <button type="button" onClick={() => shared.grant(u)}>{t('imaging.grant')}</button>
        </p>
      ))}
      <ImagingViewer patientId={shared.patientId} state={shared.viewer} follow={!presenting} />
    </section>
  );
}
