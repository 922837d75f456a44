import { PubSub } from '../core/pubsub';
import type { ServerMessage } from './messages';
import type { RoomCall } from './RoomCall';

/** The last flags drawn over one participant's video. */
export interface LiveFlags {
  seq: number;
  width: number;
  height: number;
  flags: { box: { x: number; y: number; width: number; height: number }; score: number }[];
  receivedAt: number;
}

/** One frame's timings on this screen, in epoch milliseconds (the bench reads them from window.__consiliumLiveFlags). */
export interface LiveTiming { from: string; seq: number; clientTime: number; receivedAt: number; drawnAt?: number; serverMs: number; flags: number }

export interface LiveState {
  /** Participants whose camera is the endoscopy stream now. */
  streams: string[];
  flags: Record<string, LiveFlags>;
  sending: boolean;
}

const FRAME_KIND = 1;
const HEADER_BYTES = 13;
const MAX_SIDE = 384;
const MAX_BYTES = 60_000;
const INTERVAL_MS = 250;
const ANSWER_TIMEOUT_MS = 2000;
/** Flags older than this are cleared, so a box never lingers over a scene that has moved on. */
const STALE_MS = 1500;

function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Live AI lesion flags in a room (docs/ai.md, "Live flags"). As a sender: samples the local camera a few times a
 * second, one frame in flight at a time, as a downscaled JPEG in a binary room message. As a viewer: keeps the
 * latest flags per streaming participant, for the overlay on their tile, and records when they arrived and were drawn.
 */
export class LiveLesionFlags {
  readonly events = new PubSub<{ changed: LiveState }>();
  private state: LiveState = { streams: [], flags: {}, sending: false };
  private timer: number | null = null;
  private seq = 0;
  private inFlight: { seq: number; at: number } | null = null;
  private video: HTMLVideoElement | null = null;
  private readonly canvas = document.createElement('canvas');
  private readonly timings: LiveTiming[] = [];

  constructor(private readonly call: RoomCall, private readonly local: MediaStream, private readonly selfId: () => string) {}

  /** Listens to the room; the returned function stops listening and sending. */
  attach(): () => void {
    const unsubscribe = this.call.messages.subscribe('message', (m) => this.receive(m));
    (window as unknown as { __consiliumLiveFlags?: LiveTiming[] }).__consiliumLiveFlags = this.timings;
    return () => {
      unsubscribe();
      this.stopSampling();
    };
  }

  get current(): LiveState {
    return this.state;
  }

  /** Marks this participant's camera as the endoscopy stream and starts sending frames. */
  start(): void {
    this.call.signal({ type: 'endoscopy-stream', on: true });
  }

  stop(): void {
    this.call.signal({ type: 'endoscopy-stream', on: false });
    this.stopSampling();
  }

  /** The overlay for `userId` has been painted: the bench's frame-to-drawn delay ends here. */
  drawn(userId: string, seq: number): void {
    const t = this.timings.find((x) => x.from === userId && x.seq === seq && x.drawnAt === undefined);
    if (t) t.drawnAt = now();
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this.update({ streams: m.endoscopyStreams ?? [] });
        break;
      case 'endoscopy-stream': {
        const streams = m.on ? [...new Set([...this.state.streams, m.userId])] : this.state.streams.filter((u) => u !== m.userId);
        const { [m.userId]: _gone, ...flags } = this.state.flags;
        this.update({ streams, flags: m.on ? this.state.flags : flags });
        if (m.userId === this.selfId()) {
          if (m.on) this.startSampling();
          else this.stopSampling();
        }
        break;
      }
      case 'lesion-flags': {
        const receivedAt = now();
        this.timings.push({ from: m.from, seq: m.seq, clientTime: m.clientTime, receivedAt, serverMs: m.serverMs, flags: m.flags.length });
        if (this.timings.length > 5000) this.timings.shift();
        if (m.from === this.selfId() && this.inFlight?.seq === m.seq) this.inFlight = null;
        this.update({ flags: { ...this.state.flags, [m.from]: { seq: m.seq, width: m.width, height: m.height, flags: m.flags, receivedAt } } });
        break;
      }
      case 'error':
        if (m.inReplyTo === 'lesion-frame' && (m.seq === undefined || m.seq === this.inFlight?.seq)) this.inFlight = null;
        break;
      default:
        break;
    }
  }

  private startSampling(): void {
    if (this.timer !== null) return;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = this.local;
    void video.play().catch(() => undefined);
    this.video = video;
    this.update({ sending: true });
    this.timer = window.setInterval(() => void this.sample(), INTERVAL_MS);
  }

  private stopSampling(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    if (this.video) this.video.srcObject = null;
    this.video = null;
    this.inFlight = null;
    if (this.state.sending) this.update({ sending: false });
  }

  /** The camera's current frame at full size as a JPEG, for a capture; null when the camera shows nothing yet. */
  async grab(): Promise<Blob | null> {
    const video = this.video;
    if (!video || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  }

  private async sample(): Promise<void> {
    const video = this.video;
    if (!video || video.videoWidth === 0) return;
    if (this.inFlight && now() - this.inFlight.at < ANSWER_TIMEOUT_MS) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    this.canvas.width = Math.round(video.videoWidth * scale);
    this.canvas.height = Math.round(video.videoHeight * scale);
    this.canvas.getContext('2d')!.drawImage(video, 0, 0, this.canvas.width, this.canvas.height);
    const seq = ++this.seq;
    const clientTime = now();
    let jpeg: Blob | null = null;
    for (const quality of [0.8, 0.6, 0.4]) {
      jpeg = await new Promise<Blob | null>((resolve) => this.canvas.toBlob(resolve, 'image/jpeg', quality));
      if (jpeg && jpeg.size + HEADER_BYTES <= MAX_BYTES) break;
    }
    if (!jpeg || jpeg.size + HEADER_BYTES > MAX_BYTES) return;
    const body = new Uint8Array(await jpeg.arrayBuffer());
    const message = new ArrayBuffer(HEADER_BYTES + body.length);
    const view = new DataView(message);
    view.setUint8(0, FRAME_KIND);
    view.setUint32(1, seq);
    view.setFloat64(5, clientTime);
    new Uint8Array(message, HEADER_BYTES).set(body);
    if (this.call.sendBinary(message)) this.inFlight = { seq, at: clientTime };
  }

  private update(patch: Partial<LiveState>): void {
    const cutoff = now() - STALE_MS;
    const flags = Object.fromEntries(Object.entries(patch.flags ?? this.state.flags).filter(([, f]) => f.receivedAt >= cutoff));
    this.state = { ...this.state, ...patch, flags };
    this.events.publish('changed', this.state);
  }
}
