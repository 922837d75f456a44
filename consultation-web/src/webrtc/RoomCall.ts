import { ApiProblem } from '../core/api/ApiProblem';
import { PubSub } from '../core/pubsub';
import type { ChatMessage, RoomTicket } from '../services/rooms';
import type { ModeratorAction, RoomParticipant, ServerMessage, WaitingPerson } from './messages';
import { PeerLink, type SignalOut } from './PeerLink';

export type RoomPhase = 'connecting' | 'waiting' | 'joined' | 'reconnecting' | 'refused' | 'removed' | 'ended'
  | 'replaced' | 'left' | 'failed';

export interface RoomState {
  phase: RoomPhase;
  selfId: string;
  moderatorUserId: string | null;
  media: 'mesh' | 'jitsi';
  participants: RoomParticipant[];
  chat: ChatMessage[];
  waiting: WaitingPerson[];
  recording: boolean;
  streams: Record<string, MediaStream>;
  links: Record<string, RTCPeerConnectionState>;
  /** The last refusal the server sent (code CNS-3xxx), shown to the user. */
  error: { code: string; detail: string } | null;
  mutedBy: string | null;
  ticket: RoomTicket | null;
}

/** What the call needs from outside: tickets, and where the WebSocket lives. */
export interface RoomCallHost {
  ticket(knock: boolean): Promise<RoomTicket>;
  socketUrl(path: string): string;
}

const RECONNECT_MS = 1000;

/**
 * A participant's side of a live room: the signaling WebSocket, one {@link PeerLink} per other participant
 * (mesh), local media state, chat and moderation. A dropped WebSocket reconnects with a new ticket and
 * rejoins; the server keeps the place, so role, hand and chat come back as they were.
 */
export class RoomCall {
  readonly events = new PubSub<{ changed: RoomState }>();
  /** Every server message as it arrives, for features layered on the room (live lesion flags, shared viewing). */
  readonly messages = new PubSub<{ message: ServerMessage }>();
  private state: RoomState;
  private socket: WebSocket | null = null;
  private readonly links = new Map<string, PeerLink>();
  private screen: MediaStream | null = null;
  private stopped = false;

  constructor(private readonly host: RoomCallHost, selfId: string, private readonly local: MediaStream) {
    this.state = {
      phase: 'connecting', selfId, moderatorUserId: null, media: 'mesh', participants: [], chat: [], waiting: [],
      recording: false, streams: {}, links: {}, error: null, mutedBy: null, ticket: null,
    };
  }

  get current(): RoomState {
    return this.state;
  }

  /** Enters as a participant, or knocks at the waiting room. Rejects with the server's problem if refused. */
  async enter(knock: boolean): Promise<void> {
    const ticket = await this.host.ticket(knock);
    this.update({ ticket, media: ticket.media ?? 'mesh', error: null });
    this.open(ticket);
  }

  leave(): void {
    this.stopped = true;
    this.send({ type: 'leave' });
    this.teardown('left');
  }

  setAudio(on: boolean): void {
    this.local.getAudioTracks().forEach((t) => { t.enabled = on; });
    if (on) this.update({ mutedBy: null });
    this.sendMediaState();
  }

  setVideo(on: boolean): void {
    this.local.getVideoTracks().forEach((t) => { t.enabled = on; });
    this.sendMediaState();
  }

  async shareScreen(): Promise<void> {
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    this.screen = screen;
    const track = screen.getVideoTracks()[0];
    track.onended = () => void this.stopScreen();
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(track)));
    this.sendMediaState();
  }

  async stopScreen(): Promise<void> {
    if (!this.screen) return;
    this.screen.getTracks().forEach((t) => t.stop());
    this.screen = null;
    const camera = this.local.getVideoTracks()[0] ?? null;
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(camera)));
    this.sendMediaState();
  }

  get sharingScreen(): boolean {
    return this.screen !== null;
  }

  raiseHand(raised: boolean): void {
    this.send({ type: 'raise-hand', raised });
  }

  chat(text: string): void {
    this.send({ type: 'chat', text });
  }

  moderate(action: ModeratorAction, userId: string): void {
    this.send({ type: action, userId });
  }

  end(): void {
    this.send({ type: 'end' });
  }

  /** Moderator: tells everyone the session is (no longer) recorded. */
  setRecording(on: boolean): void {
    this.send({ type: 'recording', on });
  }

  private open(ticket: RoomTicket): void {
    const ws = new WebSocket(this.host.socketUrl(ticket.socketPath));
    this.socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({
      type: 'join', audio: this.trackOn('audio'), video: this.trackOn('video'),
    }));
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as ServerMessage;
      this.receive(m);
    };
    ws.onclose = (e) => this.closed(ws, e.code, e.reason);
  }

  /** Sends a message of a feature riding on the room (shared viewing, live lesion flags); dropped unless joined. */
  signal(message: { type: string; [field: string]: unknown }): void {
    this.send(message);
  }

  private receive(m: ServerMessage): void {
    this.messages.publish('message', m);
    switch (m.type) {
      case 'welcome':
        this.closeLinks();
        this.update({ phase: 'joined', selfId: m.userId, moderatorUserId: m.moderatorUserId, media: m.media,
          participants: m.participants, chat: m.chat, recording: m.recording, waiting: m.waiting ?? [] });
        this.sendMediaState();
        if (m.media === 'mesh') m.participants.filter((p) => p.connected && p.userId !== m.userId).forEach((p) => this.link(p.userId));
        break;
      case 'joined':
        // The newcomer offers to everyone its welcome lists; the others only answer. Offering from both ends at
        // once (glare) makes the polite side roll its offer back mid-gathering, after which Chromium's ICE agent
        // may gather no candidate at all and the link stays 'new' for good, through every ICE restart.
        this.upsert(m.participant);
        this.unlink(m.participant.userId);
        break;
      case 'presence':
        this.upsert(m.participant);
        break;
      case 'left':
        this.unlink(m.userId);
        this.update({ participants: m.reason === 'removed' ? this.state.participants.filter((p) => p.userId !== m.userId)
          : this.state.participants.map((p) => (p.userId === m.userId ? { ...p, connected: false, hand: false } : p)) });
        break;
      case 'offer':
        void this.linkFor(m.from).description('offer', m.sdp).catch((e) => console.warn('negotiation failed', e));
        break;
      case 'answer':
        // An answer or a candidate without a link belongs to a link already closed: only an offer opens one.
        void this.links.get(m.from)?.description('answer', m.sdp).catch((e) => console.warn('negotiation failed', e));
        break;
      case 'ice':
        void this.links.get(m.from)?.candidate(m.candidate).catch((e) => console.warn('ICE candidate refused', e));
        break;
      case 'chat':
        this.update({ chat: [...this.state.chat.filter((c) => c.id !== m.message.id), m.message].sort((a, b) => a.seq - b.seq) });
        break;
      case 'waiting':
        this.update({ phase: 'waiting' });
        break;
      case 'waiting-room':
        this.update({ waiting: m.waiting });
        break;
      case 'admitted':
        this.update({ phase: 'connecting' });
        break;
      case 'refused':
      case 'removed':
      case 'ended':
        this.stopped = true;
        this.update({ phase: m.type });
        break;
      case 'muted':
        this.local.getAudioTracks().forEach((t) => { t.enabled = false; });
        this.update({ mutedBy: m.by });
        this.sendMediaState();
        break;
      case 'moderator':
        this.update({ moderatorUserId: m.userId,
          participants: this.state.participants.map((p) => ({ ...p, moderator: p.userId === m.userId })) });
        break;
      case 'recording':
        this.update({ recording: m.on });
        break;
      case 'error':
        // Live frames are dropped when busy by design; LiveLesionFlags shows its own state.
        if (m.inReplyTo !== 'lesion-frame') this.update({ error: { code: m.code, detail: m.detail } });
        break;
    }
  }

  /** A close we did not ask for: reconnect (after an admission at once), unless the server turned us away. */
  private closed(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.socket) return;
    this.socket = null;
    if (this.stopped) {
      if (this.state.phase !== 'left') this.teardown(this.state.phase);
      return;
    }
    if (code === 4409) return this.teardown('replaced');
    if (code === 4403) return this.teardown(this.state.phase === 'joined' ? 'removed' : 'refused');
    const admitted = reason.startsWith('admitted');
    this.closeLinks();
    this.update({ phase: admitted ? 'connecting' : 'reconnecting' });
    setTimeout(() => void this.retry(), admitted ? 0 : RECONNECT_MS);
  }

  private async retry(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.enter(false);
    } catch (e) {
      if (e instanceof ApiProblem && e.status >= 400 && e.status < 500 && e.status !== 429) {
        this.update({ error: { code: e.code, detail: e.detail } });
        this.teardown('failed');
      } else {
        setTimeout(() => void this.retry(), RECONNECT_MS * 2);
      }
    }
  }

  private link(userId: string): PeerLink {
    this.unlink(userId);
    const ticket = this.state.ticket;
    const link = new PeerLink(userId, this.state.selfId < userId,
      { iceServers: ticket?.iceServers ?? [], iceTransportPolicy: ticket?.iceTransportPolicy ?? 'all' },
      (message: SignalOut) => this.send(message),
      (stream) => this.update({ streams: { ...this.state.streams, [userId]: stream } }),
      (s) => this.update({ links: { ...this.state.links, [userId]: s } }));
    this.links.set(userId, link);
    link.addTracks(this.local);
    const screen = this.screen?.getVideoTracks()[0];
    if (screen) void link.replaceVideo(screen);
    return link;
  }

  private linkFor(userId: string): PeerLink {
    return this.links.get(userId) ?? this.link(userId);
  }

  private unlink(userId: string): void {
    this.links.get(userId)?.close();
    this.links.delete(userId);
    const { [userId]: _gone, ...streams } = this.state.streams;
    const { [userId]: _state, ...links } = this.state.links;
    this.update({ streams, links });
  }

  private closeLinks(): void {
    [...this.links.keys()].forEach((id) => this.unlink(id));
  }

  private teardown(phase: RoomPhase): void {
    this.stopped = true;
    this.closeLinks();
    void this.stopScreen();
    const ws = this.socket;
    this.socket = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, phase);
    this.update({ phase });
  }

  private upsert(p: RoomParticipant): void {
    const others = this.state.participants.filter((x) => x.userId !== p.userId);
    this.update({ participants: [...others, p] });
  }

  private sendMediaState(): void {
    this.send({ type: 'media', audio: this.trackOn('audio'), video: this.trackOn('video'), screen: this.sharingScreen });
  }

  private trackOn(kind: 'audio' | 'video'): boolean {
    const tracks = kind === 'audio' ? this.local.getAudioTracks() : this.local.getVideoTracks();
    return tracks.some((t) => t.enabled && t.readyState === 'live');
  }

  /** A binary message (a live endoscopy frame); false when it could not be sent now. */
  sendBinary(data: ArrayBuffer): boolean {
    const ws = this.socket;
    if (ws?.readyState !== WebSocket.OPEN || this.state.phase !== 'joined') return false;
    ws.send(data);
    return true;
  }

  private send(message: object): void {
    const ws = this.socket;
    if (ws?.readyState === WebSocket.OPEN && (this.state.phase === 'joined' || (message as { type: string }).type === 'leave')) {
      ws.send(JSON.stringify(message));
    }
  }

  private update(patch: Partial<RoomState>): void {
    this.state = { ...this.state, ...patch };
    this.events.publish('changed', this.state);
  }
}
