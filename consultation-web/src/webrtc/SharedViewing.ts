import { PubSub } from '../core/pubsub';
import { ViewerState, type ViewerSnapshot } from '../services/imaging/ViewerState';
import type { ServerMessage, SharedViewState, SharedViewWelcome } from './messages';

/** At most one view message per this many ms; the latest state wins. */
export const VIEW_INTERVAL_MS = 50;

export interface SharedViewingState {
  presenterUserId: string | null;
  patientIds: string[];
  /** Who asked for control, newest last (the moderator and presenter see it). */
  requests: string[];
}

interface Room {
  messages: PubSub<{ message: ServerMessage }>;
  signal(message: { type: string; [field: string]: unknown }): void;
  readonly current: { selfId: string };
}

/**
 * Shared viewing in a room: the presenter's {@link ViewerState} goes out on the room socket (coalesced, at most
 * one message per {@link VIEW_INTERVAL_MS}), every other participant's state follows it. Each message carries
 * the presenter's clock, so a follower on the same machine can tell the delay until its screen showed it.
 */
export class SharedViewing {
  readonly viewer = new ViewerState();
  readonly events = new PubSub<{ changed: SharedViewingState }>();
  private state: SharedViewingState = { presenterUserId: null, patientIds: [], requests: [] };
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = 0;
  private changedAt = 0;
  private applying = false;
  /** The presenter's send time of the state last applied here, until it is on screen. */
  private arrived: number | null = null;
  /** Presenter's change → this browser's receipt of the last view message, in ms (the socket's share of the delay). */
  lastRelayMs: number | null = null;

  constructor(private readonly room: Room, private readonly clock: () => number = () => performance.timeOrigin + performance.now()) {
    room.messages.subscribe('message', (m) => this.receive(m));
    this.viewer.onChange(() => { if (!this.applying && this.presenting) this.schedule(); });
  }

  get current(): SharedViewingState {
    return this.state;
  }

  get presenting(): boolean {
    return this.state.presenterUserId !== null && this.state.presenterUserId === this.room.current.selfId;
  }

  /** The patient whose images the room looks at: the session's (first) patient. */
  get patientId(): string | null {
    return this.state.patientIds[0] ?? null;
  }

  askForControl(): void {
    this.room.signal({ type: 'control-request' });
  }

  grant(userId: string): void {
    this.room.signal({ type: 'control-grant', userId });
  }

  /** The follower's screen now shows the last state applied: the presenter's change → rendered delay, in ms. */
  rendered(at: number = this.clock()): number | null {
    if (this.arrived === null) return null;
    const delay = at - this.arrived;
    this.arrived = null;
    return delay;
  }

  private receive(m: ServerMessage): void {
    if (m.type === 'welcome') {
      const w = m as unknown as Partial<SharedViewWelcome>;
      this.update({ presenterUserId: w.presenterUserId ?? null, patientIds: w.patientIds ?? [], requests: [] });
      if (w.view) this.follow(w.view.state, w.view.sentAt);
      else if (this.presenting) this.schedule();
    } else if (m.type === 'view') {
      if (!this.presenting) this.follow(m.state, m.sentAt);
    } else if (m.type === 'presenter') {
      this.update({ presenterUserId: m.userId, requests: this.state.requests.filter((u) => u !== m.userId) });
      if (this.presenting) this.schedule();
    } else if (m.type === 'control-requested') {
      this.update({ requests: [...this.state.requests.filter((u) => u !== m.userId), m.userId] });
    }
  }

  private follow(state: SharedViewState, sentAt: number): void {
    const { patientId: _patient, ...snapshot } = state;
    this.applying = true;
    try {
      // Force the presenter's revision: a new presenter may have counted from a lower one.
      const mine = this.viewer.snapshot().revision;
      const remote: ViewerSnapshot = { ...snapshot, revision: Math.max(snapshot.revision, mine + 1) };
      if (this.viewer.apply(remote)) {
        this.arrived = sentAt;
        this.lastRelayMs = this.clock() - sentAt;
      }
    } finally {
      this.applying = false;
    }
  }

  private schedule(): void {
    // The delay is counted from the oldest change a message carries, so coalescing waits count too.
    if (!this.pending) this.changedAt = this.clock();
    this.pending = true;
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + VIEW_INTERVAL_MS - this.clock());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const patientId = this.patientId;
    const snapshot = this.viewer.snapshot();
    if (!this.pending || !this.presenting || !patientId || !snapshot.studyInstanceUid || !snapshot.seriesInstanceUid) return;
    this.pending = false;
    this.lastSent = this.clock();
    this.room.signal({ type: 'view', state: { ...snapshot, patientId }, sentAt: this.changedAt });
  }

  private update(patch: Partial<SharedViewingState>): void {
    this.state = { ...this.state, ...patch };
    this.events.publish('changed', this.state);
  }
}
