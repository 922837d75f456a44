// The only module that imports Cornerstone3D: a stack viewport bound to a ViewerState.
import {
  Enums, RenderingEngine, eventTarget, getShouldUseCPURendering, init as coreInit, metaData, utilities, type Types,
} from '@cornerstonejs/core';
import { init as loaderInit, wadors } from '@cornerstonejs/dicom-image-loader';
import {
  EllipticalROITool, Enums as ToolEnums, LengthTool, PanTool, RectangleROITool, ToolGroupManager,
  WindowLevelTool, ZoomTool, addTool, annotation as toolAnnotations, init as toolsInit,
} from '@cornerstonejs/tools';
import type { DicomJson, StackImage } from './ImagingService';
import { ellipseOutline, rectangleOutline, type Annotation, type Point, type ViewerSnapshot, type ViewerState } from './ViewerState';

export type Tool = 'windowLevel' | 'pan' | 'zoom' | 'length' | 'rectangle' | 'ellipse';

const TOOL_NAMES: Record<Tool, string> = {
  windowLevel: WindowLevelTool.toolName, pan: PanTool.toolName, zoom: ZoomTool.toolName, length: LengthTool.toolName,
  rectangle: RectangleROITool.toolName, ellipse: EllipticalROITool.toolName,
};

let started: Promise<void> | null = null;

/** Cornerstone once per page; the image loader asks for our bearer token before every request. */
function start(token: () => Promise<string | null>): Promise<void> {
  started ??= (async () => {
    coreInit();
    toolsInit();
    loaderInit({
      maxWebWorkers: 1,
      beforeSend: async (): Promise<Record<string, string>> => {
        const t = await token();
        return t ? { Authorization: `Bearer ${t}` } : {};
      },
    });
    [WindowLevelTool, PanTool, ZoomTool, LengthTool, RectangleROITool, EllipticalROITool].forEach((t) => addTool(t));
  })();
  return started;
}

let nextId = 0;

/**
 * One Cornerstone stack viewport showing what a {@link ViewerState} says. With `interactive` the user's tools
 * (wheel scroll, window/level drag, zoom, pan, measurements) write into the state; without, the viewport only
 * follows the state (a room participant watching the presenter).
 */
export class StackView {
  private readonly id = `stack-${++nextId}`;
  private readonly engine: RenderingEngine;
  private readonly viewport: Types.IStackViewport;
  private readonly toolGroup;
  private imageIds: string[] = [];
  private seriesKey = '';
  private applying = false;
  private readonly unsubscribe: () => void;

  static async create(element: HTMLDivElement, state: ViewerState, token: () => Promise<string | null>) {
    await start(token);
    return new StackView(element, state);
  }

  private constructor(private readonly element: HTMLDivElement, private readonly state: ViewerState) {
    this.engine = new RenderingEngine(this.id);
    this.engine.enableElement({ viewportId: this.id, type: Enums.ViewportType.STACK, element });
    this.viewport = this.engine.getViewport(this.id) as Types.IStackViewport;
    this.toolGroup = ToolGroupManager.createToolGroup(this.id)!;
    Object.values(TOOL_NAMES).forEach((n) => this.toolGroup.addTool(n));
    this.toolGroup.addViewport(this.id, this.id);
    element.dataset.rendering = getShouldUseCPURendering() ? 'cpu' : 'webgl';
    element.addEventListener(Enums.Events.STACK_NEW_IMAGE, this.onImage);
    element.addEventListener(Enums.Events.VOI_MODIFIED, this.onVoi);
    element.addEventListener(Enums.Events.CAMERA_MODIFIED, this.onCamera);
    element.addEventListener(Enums.Events.IMAGE_RENDERED, this.onRendered);
    this.unsubscribe = state.onChange((s) => void this.show(s));
  }

  /** Lets the user drive (the primary button does `tool`, right drag zooms, middle pans) or not; the page scrolls the stack. */
  interactive(tool: Tool | null): void {
    const P = ToolEnums.MouseBindings;
    for (const n of Object.values(TOOL_NAMES)) this.toolGroup.setToolPassive(n);
    if (!tool) {
      for (const n of Object.values(TOOL_NAMES)) this.toolGroup.setToolDisabled(n);
      return;
    }
    this.toolGroup.setToolActive(TOOL_NAMES[tool], { bindings: [{ mouseButton: P.Primary }] });
    if (tool !== 'zoom') this.toolGroup.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: P.Secondary }] });
    if (tool !== 'pan') this.toolGroup.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: P.Auxiliary }] });
  }

  /** A series to show: its WADO-RS metadata is handed to the loader so frames need no second metadata call. */
  setSeries(base: string, study: string, series: string, metadata: DicomJson[], images: StackImage[]): void {
    this.imageIds = images.map((im) => {
      const id = `wadors:${location.origin}${base}/studies/${study}/series/${series}/instances/${im.sopInstanceUid}/frames/${im.frame}`;
      const meta = metadata.find((d) => d['00080018']?.Value?.[0] === im.sopInstanceUid);
      if (meta) wadors.metaDataManager.add(id, meta as never);
      return id;
    });
    this.seriesKey = '';
    void this.show(this.state.snapshot());
  }

  get count(): number {
    return this.imageIds.length;
  }

  destroy(): void {
    this.unsubscribe();
    ToolGroupManager.destroyToolGroup(this.id);
    this.engine.destroy();
  }

  private async show(s: ViewerSnapshot): Promise<void> {
    if (!this.imageIds.length) return;
    this.applying = true;
    try {
      const key = `${s.seriesInstanceUid}|${this.imageIds.length}`;
      const index = Math.min(s.imageIndex, this.imageIds.length - 1);
      if (key !== this.seriesKey) {
        this.seriesKey = key;
        await this.viewport.setStack(this.imageIds, index);
      } else if (this.viewport.getCurrentImageIdIndex() !== index) {
        await this.viewport.setImageIdIndex(index);
      }
      if (s.window) this.viewport.setProperties({ voiRange: { lower: s.window.center - s.window.width / 2, upper: s.window.center + s.window.width / 2 } });
      if (Math.abs(this.viewport.getZoom() - s.zoom) > 1e-3) this.viewport.setZoom(s.zoom);
      const pan = this.viewport.getPan();
      if (Math.abs(pan[0] - s.pan.x) > 1e-3 || Math.abs(pan[1] - s.pan.y) > 1e-3) this.viewport.setPan([s.pan.x, s.pan.y]);
      this.viewport.render();
    } catch (e) {
      this.element.dataset.error = String((e as Error)?.message ?? e);
    } finally {
      this.applying = false;
    }
  }

  private readonly onImage = () => {
    const index = this.viewport.getCurrentImageIdIndex();
    if (!this.applying && index !== this.state.snapshot().imageIndex) this.state.showImage(index, this.imageIds.length);
  };

  private readonly onVoi = () => {
    if (this.applying) return;
    const range = this.viewport.getProperties().voiRange;
    if (!range) return;
    const window = { center: (range.lower + range.upper) / 2, width: Math.max(1, range.upper - range.lower) };
    const now = this.state.snapshot().window;
    if (!now || Math.abs(now.center - window.center) > 0.5 || Math.abs(now.width - window.width) > 0.5) this.state.setWindow(window);
  };

  private readonly onCamera = () => {
    if (this.applying) return;
    const pan = this.viewport.getPan();
    this.state.setView(this.viewport.getZoom(), { x: pan[0], y: pan[1] });
  };

  /** What the screen shows now, for tests and for the room's delay measurement. */
  private readonly onRendered = () => {
    const index = this.viewport.getCurrentImageIdIndex();
    const id = this.imageIds[index] ?? '';
    const voi = this.viewport.getProperties().voiRange;
    Object.assign(this.element.dataset, {
      imageIndex: String(index),
      sopInstanceUid: id.match(/instances\/([^/]+)\/frames/)?.[1] ?? '',
      frame: id.match(/frames\/(\d+)$/)?.[1] ?? '',
      windowCenter: voi ? String(Math.round((voi.lower + voi.upper) / 2)) : '',
      windowWidth: voi ? String(Math.round(voi.upper - voi.lower)) : '',
      renderedAt: String(performance.timeOrigin + performance.now()),
    });
    this.element.dispatchEvent(new CustomEvent('consilium:rendered', { bubbles: true }));
  };

  /**
   * Measurements the user drew on this viewport, in image pixel coordinates, as the state records them: a length
   * as its two ends, a rectangle or ellipse as its outline polygon (so followers draw and measure it the same way).
   */
  measurements(): Annotation[] {
    const out: Annotation[] = [];
    const imageIndex = this.viewport.getCurrentImageIdIndex();
    const imageId = this.imageIds[imageIndex];
    const shapes = [[LengthTool.toolName, (p: Point[]) => p], [RectangleROITool.toolName, rectangleOutline],
      [EllipticalROITool.toolName, (p: Point[]) => ellipseOutline(p)]] as const;
    for (const [tool, outline] of shapes) {
      for (const a of toolAnnotations.state.getAnnotations(tool, this.element) ?? []) {
        const handles = (a.data.handles?.points ?? []).map((p: Types.Point3) => {
          const [x, y] = utilities.worldToImageCoords(imageId, p) ?? [0, 0];
          return { x, y };
        });
        if (!a.annotationUID || handles.length < 2) continue;
        out.push(tool === LengthTool.toolName ? { id: a.annotationUID, kind: 'length', imageIndex, points: [handles[0], handles[1]] }
          : { id: a.annotationUID, kind: 'area', imageIndex, points: outline(handles) });
      }
    }
    return out;
  }

  /** Row and column spacing of the current image in mm, when the image states it. */
  pixelSpacing(): [number, number] | null {
    const imageId = this.imageIds[this.viewport.getCurrentImageIdIndex()];
    const plane = imageId ? metaData.get('imagePlaneModule', imageId) : null;
    return plane?.rowPixelSpacing && plane?.columnPixelSpacing ? [plane.rowPixelSpacing, plane.columnPixelSpacing] : null;
  }

  /** Calls `listener` whenever a measurement is drawn, moved or removed (Cornerstone tells it page-wide). */
  onMeasurements(listener: () => void): () => void {
    const events = [ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED];
    events.forEach((e) => eventTarget.addEventListener(e, listener));
    return () => events.forEach((e) => eventTarget.removeEventListener(e, listener));
  }

  /** Where an image pixel lands on the canvas (for drawing a presenter's measurements on a follower's screen). */
  toCanvas(p: { x: number; y: number }): [number, number] | null {
    const imageId = this.imageIds[this.viewport.getCurrentImageIdIndex()];
    if (!imageId) return null;
    const world = utilities.imageToWorldCoords(imageId, [p.x, p.y]);
    if (!world) return null;
    const c = this.viewport.worldToCanvas(world);
    return [c[0], c[1]];
  }
}

