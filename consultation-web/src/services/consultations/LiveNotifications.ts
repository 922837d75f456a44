import type { Session } from '../../core/auth/Session';
import { PubSub } from '../../core/pubsub';
import type { Notification } from './ConsultationService';

type Events = { notification: Notification };

/**
 * The live push of the signed-in user's notifications (/api/notifications/ws). The socket authenticates with
 * its first message (a WebSocket cannot carry the Authorization header) and reconnects after a drop while
 * someone listens. Pages subscribe to refresh their worklists without a reload.
 */
export class LiveNotifications {
  readonly events = new PubSub<Events>();
  private socket: WebSocket | null = null;
  private listeners = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly session: Session, private readonly location: Location) {}

  /** Calls `onNotification` for each push until the returned function is called. */
  listen(onNotification: (n: Notification) => void): () => void {
    const unsubscribe = this.events.subscribe('notification', onNotification);
    if (this.listeners++ === 0) void this.connect();
    return () => {
      unsubscribe();
      if (--this.listeners === 0) this.disconnect();
    };
  }

  private async connect(): Promise<void> {
    const token = await this.session.accessToken();
    if (!token || this.listeners === 0) return;
    const scheme = this.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${this.location.host}/api/notifications/ws`);
    this.socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data));
      if (msg.type === 'notification') this.events.publish('notification', msg as Notification);
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (this.listeners > 0) this.retry = setTimeout(() => void this.connect(), 3000);
    };
  }

  /** Signed out: nobody listens any more. */
  reset(): void {
    this.listeners = 0;
    this.events.clear();
    this.disconnect();
  }

  private disconnect(): void {
    if (this.retry) clearTimeout(this.retry);
    const ws = this.socket;
    this.socket = null;
    ws?.close();
  }
}
