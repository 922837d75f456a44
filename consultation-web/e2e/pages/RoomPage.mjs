import { Screen } from './Screen.mjs';

/**
 * Watches what a test cannot see on screen: every RTCPeerConnection and WebSocket the page makes (wrapped
 * before the app loads, so the app is unchanged), for getStats() and for cutting the connection.
 */
export const WATCH_CONNECTIONS = () => {
  const NativePeer = window.RTCPeerConnection;
  window.__peers = [];
  window.RTCPeerConnection = class extends NativePeer {
    constructor(config) {
      super(config);
      window.__peers.push(this);
    }
  };
  const NativeSocket = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends NativeSocket {
    constructor(url, protocols) {
      super(url, protocols);
      window.__sockets.push(this);
    }
  };
};

/** The live room of a consultation session, as a participant sees and uses it. */
export class RoomPage extends Screen {
  async open(sessionId) {
    await this.page.goto(`/rooms/${sessionId}`);
    await this.page.getByRole('button', { name: this.text.joinRoom }).waitFor();
    return this;
  }

  /** Device check done: enter. */
  async join() {
    // The fake camera is listed once the device check has opened it.
    await this.page.getByLabel(this.text.camera, { exact: true }).locator('option').first().waitFor({ state: 'attached' });
    await this.page.getByRole('button', { name: this.text.joinRoom }).click();
  }

  async joined(timeout = 20_000) {
    await this.page.locator('[data-room-phase="joined"]').waitFor({ timeout });
  }

  phase() {
    return this.page.locator('[data-room-phase]').first().getAttribute('data-room-phase');
  }

  alert() {
    return this.page.getByRole('alert');
  }

  async knock() {
    await this.page.getByRole('button', { name: this.text.knock }).click();
  }

  async admit(name) {
    await this.page.locator('li', { hasText: name }).getByRole('button', { name: this.text.admit }).click();
  }

  async say(text) {
    await this.page.getByPlaceholder(this.text.chatMessage).fill(text);
    await this.page.getByRole('button', { name: this.text.send, exact: true }).click();
  }

  /** Moderator: starts recording; resolves once the room shows it is on. */
  async record() {
    await this.page.getByRole('button', { name: this.text.record, exact: true }).click();
    await this.recordingIndicator().waitFor();
  }

  /** Moderator: stops and waits until the upload is complete. */
  async stopRecording(timeout = 60_000) {
    await this.page.getByRole('button', { name: this.text.stopRecording }).click();
    await this.page.getByRole('status').filter({ hasText: this.text.recordingSaved }).waitFor({ timeout });
  }

  recordingIndicator() {
    return this.page.locator('[data-recording="on"]').filter({ hasText: this.text.recordingOn });
  }

  chatLines() {
    return this.page.locator('.chat-log li p').allTextContents();
  }

  /** Video tiles of the others whose peer connection is connected. */
  connectedTiles() {
    return this.page.locator('figure.tile[data-connection="connected"]');
  }

  /** Per open peer connection: its state, decoded video frames, and the local candidate type of the pair in use. */
  stats() {
    return this.page.evaluate(async () => Promise.all(window.__peers.filter((pc) => pc.connectionState !== 'closed').map(async (pc) => {
      const report = await pc.getStats();
      let framesDecoded = 0;
      let pair = null;
      const byId = new Map();
      report.forEach((s) => {
        byId.set(s.id, s);
        if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
        if (s.type === 'transport' && s.selectedCandidatePairId) pair = s.selectedCandidatePairId;
      });
      if (!pair) report.forEach((s) => { if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pair = s.id; });
      const local = pair ? byId.get(byId.get(pair)?.localCandidateId) : null;
      return { state: pc.connectionState, framesDecoded, candidateType: local?.candidateType ?? null };
    })));
  }

  /** Cuts the room WebSocket as a lost network would (the app did not ask for it). */
  dropSignaling() {
    return this.page.evaluate(() => window.__sockets.filter((s) => s.readyState === 1).forEach((s) => s.close()));
  }
}
