import type { RoomsService, SessionRecording } from '../services/rooms';

/** What the recorder composes: the video elements of every tile on screen, and every audio stream in the room. */
export interface RecordingSources {
  videos(): HTMLVideoElement[];
  audio(): MediaStream[];
}

const TIMESLICE_MS = 3000;
const WIDTH = 1280;
const HEIGHT = 720;
const MAX_BACKOFF_MS = 15000;

/**
 * Records the consultation as the moderator sees it: every tile drawn into one canvas, every voice mixed into
 * one track, WebM from MediaRecorder. Each timeslice is uploaded in order at its byte offset; a failed upload is
 * kept and retried with back-off, asking the server first where it stands, so a network drop resumes where the
 * server's copy ends. Stop waits for the queue, then completes with the SHA-256 of the whole file.
 */
export class SessionRecorder {
  private readonly chunks: Blob[] = [];
  private uploaded = 0;
  private recording: SessionRecording | null = null;
  private recorder: MediaRecorder | null = null;
  private audioContext: AudioContext | null = null;
  private drawTimer = 0;
  private pump: Promise<void> = Promise.resolve();
  private readonly stopped: Promise<void>;
  private resolveStopped = () => {};
  private failures = 0;

  constructor(private readonly rooms: RoomsService, private readonly sessionId: string, private readonly sources: RecordingSources,
              private readonly onRetry: (failures: number) => void = () => {}) {
    this.stopped = new Promise((resolve) => { this.resolveStopped = resolve; });
  }

  async start(): Promise<void> {
    const mimeType = ['video/webm;codecs=vp8,opus', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
    this.recording = await this.rooms.startRecording(this.sessionId, mimeType);
    const stream = new MediaStream([...this.canvasTrack(), ...this.mixedAudio()]);
    const recorder = new MediaRecorder(stream, { mimeType });
    recorder.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      this.chunks.push(e.data);
      this.drain();
    };
    recorder.onstop = () => this.resolveStopped();
    recorder.start(TIMESLICE_MS);
    this.recorder = recorder;
  }

  /** Stops recording, uploads what is left, and completes; resolves with the stored recording. */
  async stop(): Promise<SessionRecording> {
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    window.clearInterval(this.drawTimer);
    void this.audioContext?.close();
    this.drain();
    await this.pump;
    const whole = new Blob(this.chunks, { type: this.recording!.mimeType });
    const digest = await crypto.subtle.digest('SHA-256', await whole.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    return this.withRetry(() => this.rooms.completeRecording(this.sessionId, this.recording!.id, hex));
  }

  private drain(): void {
    this.pump = this.pump.then(async () => {
      while (this.uploaded < this.chunks.length) await this.withRetry(() => this.upload());
    });
  }

  /** Sends the next chunk the server lacks, at the offset the server says it has reached. */
  private async upload(): Promise<void> {
    const r = this.recording!;
    const at = offsetOf(this.chunks, this.uploaded);
    const saved = await this.rooms.uploadChunk(this.sessionId, r.id, this.uploaded, at, this.chunks[this.uploaded]);
    this.uploaded = saved.nextIndex;
  }

  private async withRetry<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const done = await step();
        this.failures = 0;
        return done;
      } catch (e) {
        if (isRefusal(e)) throw e;
        this.failures++;
        this.onRetry(this.failures);
        await sleep(Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.failures, 5)));
        await this.resume();
      }
    }
  }

  /** After a drop: the server's copy decides which chunk comes next. */
  private async resume(): Promise<void> {
    try {
      const where = await this.rooms.recording(this.sessionId, this.recording!.id);
      this.uploaded = where.nextIndex;
    } catch {
      // still offline: the next attempt asks again
    }
  }

  private canvasTrack(): MediaStreamTrack[] {
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const g = canvas.getContext('2d')!;
    const draw = () => {
      const videos = this.sources.videos().filter((v) => v.videoWidth > 0);
      g.fillStyle = '#111';
      g.fillRect(0, 0, WIDTH, HEIGHT);
      const cols = Math.ceil(Math.sqrt(videos.length || 1));
      const rows = Math.ceil((videos.length || 1) / cols);
      const w = WIDTH / cols;
      const h = HEIGHT / rows;
      videos.forEach((v, i) => {
        const scale = Math.min(w / v.videoWidth, h / v.videoHeight);
        const dw = v.videoWidth * scale;
        const dh = v.videoHeight * scale;
        g.drawImage(v, (i % cols) * w + (w - dw) / 2, Math.floor(i / cols) * h + (h - dh) / 2, dw, dh);
      });
    };
    // A timer, not requestAnimationFrame: the recording must go on while the tab is in the background.
    this.drawTimer = window.setInterval(draw, 1000 / 15);
    draw();
    return canvas.captureStream(15).getVideoTracks();
  }

  private mixedAudio(): MediaStreamTrack[] {
    const streams = this.sources.audio().filter((s) => s.getAudioTracks().length > 0);
    if (streams.length === 0) return [];
    const ctx = new AudioContext();
    const out = ctx.createMediaStreamDestination();
    streams.forEach((s) => ctx.createMediaStreamSource(s).connect(out));
    this.audioContext = ctx;
    return out.stream.getAudioTracks();
  }
}

function offsetOf(chunks: Blob[], index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at += chunks[i].size;
  return at;
}

/** A problem the server answered on purpose (not a network failure or a server outage): retrying will not help. */
function isRefusal(e: unknown): boolean {
  const status = (e as { status?: number })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429 && status !== 409;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
