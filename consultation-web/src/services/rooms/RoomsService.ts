import type { ApiClient } from '../../core/api/ApiClient';

export interface JitsiJoin {
  domain: string;
  room: string;
  jwt: string;
  scriptUrl: string;
}

/** What the server hands out to enter a session's room (docs/rooms.md). */
export interface RoomTicket {
  ticket: string;
  expiresAt: string;
  socketPath: string;
  admission: 'participant' | 'waiting-room';
  iceServers: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  media?: 'mesh' | 'jitsi';
  meshLimit?: number;
  jitsi?: JitsiJoin;
}

export interface ChatMessage {
  id: string;
  seq: number;
  userId: string;
  displayName: string;
  text: string;
  at: string;
}

/** Tickets for the room WebSocket, and the chat transcript of a session. */
export class RoomsService {
  constructor(private readonly api: ApiClient) {}

  async ticket(sessionId: string, knock = false): Promise<RoomTicket> {
    const { body } = await this.api.post<RoomTicket>(`/api/rooms/${encodeURIComponent(sessionId)}/tickets`,
      knock ? { knock: true } : {});
    return body;
  }

  async transcript(sessionId: string, signal?: AbortSignal): Promise<ChatMessage[]> {
    const { body } = await this.api.get<{ items: ChatMessage[] }>(`/api/rooms/${encodeURIComponent(sessionId)}/chat`, { signal });
    return body.items;
  }
}
