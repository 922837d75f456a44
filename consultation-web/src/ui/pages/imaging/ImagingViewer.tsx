import { useEffect, useReducer, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { imagingService, type Series, type Study } from '../../../services/imaging';
import { stackOf } from '../../../services/imaging/ImagingService';
import { StackView, type Tool } from '../../../services/imaging/StackView';
import { areaMm2, lengthMm, WINDOW_PRESETS, type Annotation, type ViewerState } from '../../../services/imaging/ViewerState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PacsPull } from './PacsPull';
import { useI18n, useLoad, useService } from '../../platform';

const TOOLS: Tool[] = ['windowLevel', 'pan', 'zoom', 'length', 'rectangle', 'ellipse'];
const CINE_FPS = 10;

/**
 * A patient's studies, their series as thumbnails, and a stack viewer, all driven by one {@link ViewerState}.
 * `follow` turns the user's controls off: the state comes from elsewhere (the room's presenter).
 */
export function ImagingViewer({ patientId, state, follow = false, pacs = false }: {
  patientId: string; state: ViewerState; follow?: boolean;
  /** Offer "pull from the hospital PACS" (the patient page; not in a room). */
  pacs?: boolean;
}) {
  const imaging = useService(imagingService);
  const { t } = useI18n();
  const snap = useSyncExternalStore((n) => state.onChange(n), () => stateSnapshot(state));
  const studies = useLoad((signal) => imaging.studies(patientId, signal), patientId);

  useEffect(() => {
    const first = studies.data?.[0];
    if (!follow && first && !state.snapshot().studyInstanceUid) {
      void imaging.series(patientId, first.studyInstanceUid).then((s) => {
        if (s[0] && !state.snapshot().seriesInstanceUid) state.openSeries(first.studyInstanceUid, s[0].seriesInstanceUid);
      });
    }
  }, [studies.data, follow]);

  return (
    <section aria-labelledby="imaging" className="imaging">
      <h2 id="imaging">{t('imaging.title')}</h2>
      {pacs && <PacsPull patientId={patientId} onPulled={studies.reload} />}
      {studies.error ? <ProblemAlert error={studies.error} /> : null}
      {studies.data?.length === 0 && <p>{t('imaging.noStudies')}</p>}
      <ul className="studies">
        {studies.data?.map((s) => (
          <StudyRow key={s.studyInstanceUid} patientId={patientId} study={s} open={snap.studyInstanceUid === s.studyInstanceUid}
            current={snap.seriesInstanceUid} onOpen={follow ? undefined : (series) => state.openSeries(s.studyInstanceUid, series)} />
        ))}
      </ul>
      {snap.studyInstanceUid && snap.seriesInstanceUid && (
        <Stack patientId={patientId} state={state} study={snap.studyInstanceUid} series={snap.seriesInstanceUid} follow={follow} />
      )}
    </section>
  );
}

// useSyncExternalStore needs the same object until the state changes.
const cached = new WeakMap<ViewerState, { revision: number; snap: ReturnType<ViewerState['snapshot']> }>();
function stateSnapshot(state: ViewerState) {
  const now = state.snapshot();
  const c = cached.get(state);
  if (c && c.revision === now.revision && c.snap.seriesInstanceUid === now.seriesInstanceUid) return c.snap;
  cached.set(state, { revision: now.revision, snap: now });
  return now;
}

function StudyRow({ patientId, study, open, current, onOpen }: {
  patientId: string; study: Study; open: boolean; current: string | null; onOpen?: (series: string) => void;
}) {
  const imaging = useService(imagingService);
  const { t } = useI18n();
  const series = useLoad((signal) => imaging.series(patientId, study.studyInstanceUid, signal), study.studyInstanceUid);
  return (
    <li data-study-uid={study.studyInstanceUid} aria-current={open || undefined}>
      <strong>{study.description || t('imaging.study')}</strong> {study.date ?? ''} {study.modalities.join(', ')}
      <ul className="series">
        {series.data?.map((s) => (
          <li key={s.seriesInstanceUid}>
            <button type="button" data-series-uid={s.seriesInstanceUid} aria-pressed={current === s.seriesInstanceUid}
              disabled={!onOpen} onClick={() => onOpen?.(s.seriesInstanceUid)}>
              <Thumbnail patientId={patientId} study={study.studyInstanceUid} series={s} />
              <span>{s.modality} {s.description ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}

function Thumbnail({ patientId, study, series }: { patientId: string; study: string; series: Series }) {
  const imaging = useService(imagingService);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!series.firstInstanceUid) return;
    const controller = new AbortController();
    let url: string | null = null;
    imaging.thumbnail(patientId, study, series.seriesInstanceUid, series.firstInstanceUid, controller.signal)
      .then((u) => { url = u; setSrc(u); }, () => setSrc(null));
    return () => { controller.abort(); if (url) URL.revokeObjectURL(url); };
  }, [series.firstInstanceUid]);
  return src ? <img src={src} alt="" width={64} height={64} className="thumbnail" /> : <span className="thumbnail" />;
}

function Stack({ patientId, state, study, series, follow }: {
  patientId: string; state: ViewerState; study: string; series: string; follow: boolean;
}) {
  const imaging = useService(imagingService);
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<StackView | null>(null);
  const [count, setCount] = useState(0);
  const [tool, setTool] = useState<Tool>('windowLevel');
  const [cine, setCine] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const snap = useSyncExternalStore((n) => state.onChange(n), () => stateSnapshot(state));

  useEffect(() => {
    let made: StackView | null = null;
    let gone = false;
    void StackView.create(element.current!, state, () => imaging.accessToken()).then((v) => {
      if (gone) return v.destroy();
      made = v;
      setView(v);
    }, setError);
    return () => { gone = true; made?.destroy(); };
  }, [state]);

  useEffect(() => {
    if (!view) return;
    const controller = new AbortController();
    imaging.metadata(patientId, study, series, controller.signal).then((metadata) => {
      const images = stackOf(metadata);
      view.setSeries(imaging.base(patientId), study, series, metadata, images);
      setCount(images.length);
    }, (e) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [view, study, series]);

  useEffect(() => view?.interactive(follow ? null : tool), [view, tool, follow]);

  useEffect(() => {
    if (!view || follow) return;
    return view.onMeasurements(() => state.replaceAnnotations(view.measurements()));
  }, [view, follow]);

  useEffect(() => {
    if (!cine || follow || count < 2) return;
    const timer = setInterval(() => {
      const s = state.snapshot();
      state.showImage((s.imageIndex + 1) % count, count);
    }, 1000 / CINE_FPS);
    return () => clearInterval(timer);
  }, [cine, count, follow]);

  const step = (by: number) => state.showImage(state.snapshot().imageIndex + by, count);
  const onKey = (e: React.KeyboardEvent) => {
    if (follow) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10 };
    if (e.key in moves) step(moves[e.key]);
    else if (e.key === 'Home') state.showImage(0, count);
    else if (e.key === 'End') state.showImage(count - 1, count);
    else return;
    e.preventDefault();
  };

  // Wheel through the stack here rather than in Cornerstone: one image per notch, through the same state as keys.
  useEffect(() => {
    const el = element.current;
    if (!el || follow) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (e.deltaY) step(Math.sign(e.deltaY));
    };
    el.addEventListener('wheel', onWheel, { passive: false, capture: true });
    return () => el.removeEventListener('wheel', onWheel, { capture: true });
  }, [follow, count]);

  return (
    <div className="stack-viewer" data-follow={follow || undefined}>
      {error ? <ProblemAlert error={error} /> : null}
      {!follow && (
        <div className="toolbar" role="toolbar" aria-label={t('imaging.tools')}>
          {TOOLS.map((x) => (
            <button key={x} type="button" aria-pressed={tool === x} onClick={() => setTool(x)}>{t(`imaging.tool.${x}`)}</button>
          ))}
          {(Object.keys(WINDOW_PRESETS) as (keyof typeof WINDOW_PRESETS)[]).map((p) => (
            <button key={p} type="button" data-preset={p} onClick={() => state.setWindow(WINDOW_PRESETS[p])}>{t(`imaging.preset.${p}`)}</button>
          ))}
          <button type="button" aria-pressed={cine} disabled={count < 2} onClick={() => setCine(!cine)}>{t('imaging.cine')}</button>
          <button type="button" onClick={() => state.setView(1, { x: 0, y: 0 })}>{t('imaging.reset')}</button>
        </div>
      )}
      <div className="viewport-frame">
        <div ref={element} className="viewport" tabIndex={0} onKeyDown={onKey} aria-label={t('imaging.viewport')}
          onContextMenu={(e) => e.preventDefault()} data-image-count={count} data-measurements={snap.annotations.length} />
        {follow && view && <MeasurementOverlay state={state} view={view} element={element} />}
      </div>
      <label className="stack-slider">
        {t('imaging.image')} {count ? snap.imageIndex + 1 : 0} / {count}
        <input type="range" min={0} max={Math.max(0, count - 1)} value={snap.imageIndex} disabled={follow || count < 2}
          onChange={(e) => state.showImage(Number(e.target.value), count)} />
      </label>
      {snap.window && <span className="window-readout">{t('imaging.window')} C {Math.round(snap.window.center)} / W {Math.round(snap.window.width)}</span>}
      {follow && view && <MeasurementList state={state} view={view} />}
    </div>
  );
}

/** The presenter's measurements on the image shown now, with their size when the image gives its pixel spacing. */
function useMeasurementsHere(state: ViewerState) {
  const snap = useSyncExternalStore((n) => state.onChange(n), () => stateSnapshot(state));
  return snap.annotations.filter((a) => a.imageIndex === snap.imageIndex);
}

function size(a: Annotation, spacing: [number, number] | null): string {
  if (!spacing) return '';
  return a.kind === 'length' ? `${lengthMm(a.points[0], a.points[1], spacing).toFixed(1)} mm` : `${areaMm2(a.points, spacing).toFixed(1)} mm²`;
}

/**
 * A follower's drawing of the presenter's measurements over its own canvas. Points are in image pixels, so each
 * lands where the presenter drew it whatever the follower's screen size; it is redrawn after every render (new
 * image, zoom, pan, resize).
 */
function MeasurementOverlay({ state, view, element }: { state: ViewerState; view: StackView; element: RefObject<HTMLDivElement | null> }) {
  const here = useMeasurementsHere(state);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const el = element.current;
    el?.addEventListener('consilium:rendered', redraw);
    return () => el?.removeEventListener('consilium:rendered', redraw);
  }, [element]);
  const spacing = view.pixelSpacing();
  return (
    <svg className="measurement-overlay" aria-hidden="true">
      {here.map((a) => {
        const points = a.points.map((p) => view.toCanvas(p));
        if (points.some((p) => !p)) return null;
        const [x, y] = points[0]!;
        const d = points.map((p) => p!.join(',')).join(' ');
        return (
          <g key={a.id} data-annotation-id={a.id} data-annotation-kind={a.kind}>
            {a.kind === 'length' ? <polyline points={d} /> : <polygon points={d} />}
            <text x={x + 4} y={y - 4}>{size(a, spacing)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The same measurements as text, for screen readers and for reading the numbers. */
function MeasurementList({ state, view }: { state: ViewerState; view: StackView }) {
  const { t } = useI18n();
  const here = useMeasurementsHere(state);
  if (!here.length) return null;
  const spacing = view.pixelSpacing();
  return (
    <ul className="measurements" aria-label={t('imaging.measurements')}>
      {here.map((a) => <li key={a.id} data-annotation-kind={a.kind}>{t(`imaging.measure.${a.kind}`)} {size(a, spacing)}</li>)}
    </ul>
  );
}
