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

/** A session recording as the server keeps it (docs/rooms.md, Recording). */
export interface SessionRecording {
  id: string;
  sessionId: string;
  mimeType: string;
  status: 'uploading' | 'complete';
  receivedBytes: number;
  nextIndex: number;
  startedAt: string;
  size?: number;
  sha256?: string;
  retainUntil?: string;
}

/** Tickets for the room WebSocket, the chat transcript and the recordings of a session. */
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

  async startRecording(sessionId: string, mimeType: string): Promise<SessionRecording> {
    return (await this.api.post<SessionRecording>(recordings(sessionId), { mimeType })).body;
  }

  async recording(sessionId: string, id: string): Promise<SessionRecording> {
    return (await this.api.get<SessionRecording>(`${recordings(sessionId)}/${id}`)).body;
  }

  async uploadChunk(sessionId: string, id: string, index: number, offset: number, chunk: Blob): Promise<SessionRecording> {
    return (await this.api.put<SessionRecording>(`${recordings(sessionId)}/${id}/chunks/${index}`, chunk,
      { query: { offset }, contentType: 'application/octet-stream' })).body;
  }

  async completeRecording(sessionId: string, id: string, sha256: string): Promise<SessionRecording> {
    return (await this.api.post<SessionRecording>(`${recordings(sessionId)}/${id}/complete`, { sha256 })).body;
  }

  async recordings(sessionId: string): Promise<SessionRecording[]> {
    return (await this.api.get<{ items: SessionRecording[] }>(recordings(sessionId))).body.items;
  }
}

function recordings(sessionId: string): string {
  return `/api/rooms/${encodeURIComponent(sessionId)}/recordings`;
}
