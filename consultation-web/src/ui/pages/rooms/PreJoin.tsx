import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../platform';

/**
 * The device check before entering: pick camera and microphone, see yourself, then join. Without a camera or
 * microphone (or permission), one can still join to follow and chat.
 */
export function PreJoin({ onJoin }: { onJoin(stream: MediaStream): void }) {
  const { t } = useI18n();
  const preview = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [microphone, setMicrophone] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let acquired: MediaStream | null = null;
    navigator.mediaDevices.getUserMedia({
      video: camera ? { deviceId: { exact: camera } } : true,
      audio: microphone ? { deviceId: { exact: microphone } } : true,
    }).then(async (s) => {
      if (cancelled) return s.getTracks().forEach((track) => track.stop());
      acquired = s;
      setFailed(false);
      setStream(s);
      setDevices(await navigator.mediaDevices.enumerateDevices());
    }, () => { if (!cancelled) setFailed(true); });
    return () => {
      cancelled = true;
      acquired?.getTracks().forEach((track) => track.stop());
    };
  }, [camera, microphone]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);

  const join = () => {
    const s = stream ?? new MediaStream();
    setStream(null);
    onJoin(s.clone());
  };
  const cameras = devices.filter((d) => d.kind === 'videoinput');
  const microphones = devices.filter((d) => d.kind === 'audioinput');
  const selected = (kind: 'audio' | 'video') => stream?.getTracks().find((tr) => tr.kind === kind)?.getSettings().deviceId ?? '';

  return (
    <section className="prejoin" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">{t('room.prejoin.title')}</h1>
      <video ref={preview} className="preview" autoPlay muted playsInline aria-label={t('room.prejoin.preview')} />
      {failed && <p role="alert" className="alert alert-error">{t('room.prejoin.deviceError')}</p>}
      <div className="field">
        <label htmlFor="camera">{t('room.prejoin.camera')}</label>
        <select id="camera" value={camera || selected('video')} onChange={(e) => setCamera(e.target.value)}>
          {cameras.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || `${t('room.prejoin.camera')} ${i + 1}`}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="microphone">{t('room.prejoin.microphone')}</label>
        <select id="microphone" value={microphone || selected('audio')} onChange={(e) => setMicrophone(e.target.value)}>
          {microphones.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || `${t('room.prejoin.microphone')} ${i + 1}`}</option>)}
        </select>
      </div>
      <button type="button" className="primary" onClick={join}>{t('room.prejoin.join')}</button>
    </section>
  );
}
