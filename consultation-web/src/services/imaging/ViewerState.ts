import { PubSub } from '../../core/pubsub';

/**
 * What one viewer shows, as plain data: which study, series and image, the window, zoom/pan and annotations.
 * It serialises to JSON so that a room can mirror a presenter's viewer to every participant (and a late joiner
 * can start from a snapshot); the viewer itself only renders whatever state it is given.
 */
export interface ViewerSnapshot {
  studyInstanceUid: string | null;
  seriesInstanceUid: string | null;
  /** 0-based position in the series' stack (frames of a multi-frame object count as images). */
  imageIndex: number;
  /** In modality units (Hounsfield for CT); null: the image's own window. */
  window: { center: number; width: number } | null;
  zoom: number;
  /** Pan of the camera in the viewport's world units (mm in the patient frame), as Cornerstone reports it. */
  pan: { x: number; y: number };
  annotations: Annotation[];
  /** Grows with every change; a mirror ignores snapshots older than the one it shows. */
  revision: number;
}

export type Annotation =
  | { id: string; kind: 'length'; imageIndex: number; points: [Point, Point] }
  | { id: string; kind: 'area'; imageIndex: number; points: Point[] };

export interface Point {
  x: number;
  y: number;
}

/** Window presets a radiologist expects, in Hounsfield units. */
export const WINDOW_PRESETS = {
  softTissue: { center: 40, width: 400 },
  lung: { center: -600, width: 1500 },
  bone: { center: 400, width: 1800 },
  brain: { center: 40, width: 80 },
} as const;

type Events = { change: ViewerSnapshot };

const ZOOM_MIN = 0.1;
const ZOOM_MAX = 20;

export class ViewerState {
  private state: ViewerSnapshot = ViewerState.empty();
  private readonly events = new PubSub<Events>();

  static empty(): ViewerSnapshot {
    return { studyInstanceUid: null, seriesInstanceUid: null, imageIndex: 0, window: null, zoom: 1, pan: { x: 0, y: 0 },
      annotations: [], revision: 0 };
  }

  snapshot(): ViewerSnapshot {
    return structuredClone(this.state);
  }

  /** Every change, with the whole new snapshot (a copy: listeners cannot change the state behind our back). */
  onChange(listener: (s: ViewerSnapshot) => void): () => void {
    return this.events.subscribe('change', listener);
  }

  /** Opens a series at its first image, keeping nothing of the previous one but the window. */
  openSeries(studyInstanceUid: string, seriesInstanceUid: string): void {
    this.update({ studyInstanceUid, seriesInstanceUid, imageIndex: 0, zoom: 1, pan: { x: 0, y: 0 }, annotations: [] });
  }

  /** Moves to an image of a stack of `count` images (clamped), e.g. by scrolling or cine. */
  showImage(index: number, count: number): void {
    this.update({ imageIndex: Math.max(0, Math.min(count - 1, Math.round(index))) });
  }

  setWindow(window: { center: number; width: number } | null): void {
    if (window && !(window.width >= 1)) throw new RangeError('a window needs a width of at least 1');
    this.update({ window: window && { ...window } });
  }

  setView(zoom: number, pan: Point): void {
    this.update({ zoom: Math.max(ZOOM_MIN, Math.min(ZOOM_MAX, zoom)), pan: { ...pan } });
  }

  addAnnotation(annotation: Annotation): void {
    this.update({ annotations: [...this.state.annotations.filter((a) => a.id !== annotation.id), structuredClone(annotation)] });
  }

  /** Every measurement at once, as the viewer's tools hold them; no change, no new revision. */
  replaceAnnotations(annotations: Annotation[]): void {
    if (JSON.stringify(annotations) === JSON.stringify(this.state.annotations)) return;
    this.update({ annotations: structuredClone(annotations) });
  }

  removeAnnotation(id: string): void {
    this.update({ annotations: this.state.annotations.filter((a) => a.id !== id) });
  }

  /**
   * Takes a snapshot from elsewhere (the presenter, through the room). Older or equal revisions are ignored, so
   * messages arriving out of order never move a follower backwards. Returns whether it was applied.
   */
  apply(remote: ViewerSnapshot): boolean {
    if (remote.revision <= this.state.revision) return false;
    this.state = structuredClone(remote);
    this.events.publish('change', this.snapshot());
    return true;
  }

  private update(change: Partial<ViewerSnapshot>): void {
    this.state = { ...this.state, ...change, revision: this.state.revision + 1 };
    this.events.publish('change', this.snapshot());
  }
}

/** Length of a measurement in millimetres, given the pixel spacing (row, column) in mm. */
export function lengthMm(a: Point, b: Point, spacing: [number, number]): number {
  return Math.hypot((b.x - a.x) * spacing[1], (b.y - a.y) * spacing[0]);
}

/** Area of a closed polygon in mm² (shoelace formula), given the pixel spacing (row, column) in mm. */
export function areaMm2(points: Point[], spacing: [number, number]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const q = points[(i + 1) % points.length];
    twice += p.x * q.y - q.x * p.y;
  }
  return (Math.abs(twice) / 2) * spacing[0] * spacing[1];
}

/** The outline of a rectangle measurement from its corner handles, in drawing order (any handle order). */
export function rectangleOutline(handles: Point[]): Point[] {
  const { minX, minY, maxX, maxY } = bounds(handles);
  return [{ x: minX, y: minY }, { x: maxX, y: minY }, { x: maxX, y: maxY }, { x: minX, y: maxY }];
}

/** An ellipse measurement (its four axis-end handles) as a polygon of `sides` points, so area and drawing need no ellipse type. */
export function ellipseOutline(handles: Point[], sides = 32): Point[] {
  const { minX, minY, maxX, maxY } = bounds(handles);
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, rx = (maxX - minX) / 2, ry = (maxY - minY) / 2;
  return Array.from({ length: sides }, (_, i) => {
    const t = (2 * Math.PI * i) / sides;
    return { x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t) };
  });
}

function bounds(points: Point[]) {
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}
