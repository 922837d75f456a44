/** What a link sends to its peer through the room WebSocket. */
export type SignalOut =
  | { type: 'offer' | 'answer'; to: string; sdp: string }
  | { type: 'ice'; to: string; candidate: RTCIceCandidateInit };

/** How often a link checks that it is getting anywhere. */
const WATCH_MS = 4000;

/**
 * One RTCPeerConnection to one other participant, negotiated with the perfect-negotiation pattern: both sides
 * may offer at any time; on a collision the polite side rolls back and the impolite side ignores the other's offer.
 * A failed ICE connection restarts ICE (a new offer with fresh credentials) instead of giving up, and so does a
 * link stuck unconnected for two checks in a row (a lost or superseded description, a network that went away).
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private closed = false;
  private stuckChecks = 0;
  private readonly watch: ReturnType<typeof setInterval>;

  constructor(
    readonly remoteId: string,
    private readonly polite: boolean,
    config: RTCConfiguration,
    private readonly signal: (message: SignalOut) => void,
    onStream: (stream: MediaStream) => void,
    onState: (state: RTCPeerConnectionState) => void,
  ) {
    this.pc = new RTCPeerConnection(config);
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate && candidate.candidate) this.signal({ type: 'ice', to: remoteId, candidate: candidate.toJSON() });
    };
    this.pc.ontrack = ({ streams, track }) => onStream(streams[0] ?? new MediaStream([track]));
    this.pc.onconnectionstatechange = () => onState(this.pc.connectionState);
    this.pc.oniceconnectionstatechange = () => {
      if (this.pc.iceConnectionState === 'failed') this.pc.restartIce();
    };
    this.watch = setInterval(() => this.check(), WATCH_MS);
  }

  private check(): void {
    const state = this.pc.connectionState;
    this.stuckChecks = state === 'connected' || state === 'connecting' ? 0 : this.stuckChecks + 1;
    if (this.stuckChecks < 2) return;
    this.stuckChecks = 0;
    // An offer nobody answered is taken back first: a new one can only start from a stable state.
    const ready = this.pc.signalingState === 'have-local-offer'
      ? this.pc.setLocalDescription({ type: 'rollback' }) : Promise.resolve();
    void ready.then(() => { if (!this.closed && this.pc.signalingState === 'stable') this.pc.restartIce(); }, () => undefined);
  }

  /** Sends our tracks; renegotiation follows by itself. */
  addTracks(stream: MediaStream): void {
    for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
  }

  /** Swaps the outgoing video (camera <-> screen) without renegotiating. */
  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === 'video');
    if (sender) await sender.replaceTrack(track);
  }

  async description(type: 'offer' | 'answer', sdp: string): Promise<void> {
    const collision = type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer || this.closed) return;
    await this.pc.setRemoteDescription({ type, sdp });
    if (type === 'offer') {
      await this.pc.setLocalDescription();
      this.sendLocal();
    }
  }

  async candidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (e) {
      if (!this.ignoreOffer && !this.closed) throw e;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.watch);
    this.pc.close();
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendLocal();
    } finally {
      this.makingOffer = false;
    }
  }

  /**
   * Sends the local description with its own type: by the time setLocalDescription() resolves, a colliding
   * remote offer may have turned ours into an answer.
   */
  private sendLocal(): void {
    const local = this.pc.localDescription;
    if (!local || this.closed || (local.type !== 'offer' && local.type !== 'answer')) return;
    this.signal({ type: local.type, to: this.remoteId, sdp: local.sdp });
  }
}
