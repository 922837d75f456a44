import type { ViewerSnapshot } from '../services/imaging/ViewerState';
import type { ChatMessage } from '../services/rooms';

/** A participant as the server describes them (docs/rooms.md, server to client). */
export interface RoomParticipant {
  userId: string;
  displayName: string;
  role: string;
  guest: boolean;
  moderator: boolean;
  connected: boolean;
  hand: boolean;
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface WaitingPerson {
  userId: string;
  displayName: string;
  role: string;
  hospitalId: string;
}

/** Every message the server sends on the room WebSocket. */
export type ServerMessage =
  | { type: 'welcome'; sessionId: string; userId: string; moderatorUserId: string; media: 'mesh' | 'jitsi';
      participants: RoomParticipant[]; chat: ChatMessage[]; recording: boolean; waiting?: WaitingPerson[];
      endoscopyStreams?: string[] }
  | { type: 'joined' | 'presence'; participant: RoomParticipant }
  | { type: 'left'; userId: string; reason: 'left' | 'dropped' | 'removed' }
  | { type: 'offer' | 'answer'; from: string; sdp: string }
  | { type: 'ice'; from: string; candidate: RTCIceCandidateInit }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'waiting' }
  | { type: 'waiting-room'; waiting: WaitingPerson[] }
  | { type: 'admitted' | 'refused' | 'removed' | 'muted' | 'ended'; by: string }
  | { type: 'moderator'; userId: string; by: string }
  | { type: 'recording'; on: boolean; by: string }
  | { type: 'error'; code: string; title: string; detail: string; inReplyTo?: string; seq?: number }
  | { type: 'endoscopy-stream'; userId: string; on: boolean }
  | { type: 'lesion-flags'; from: string; seq: number; clientTime: number; width: number; height: number;
      model: { id: string; version: string }; flags: { box: { x: number; y: number; width: number; height: number }; score: number }[];
      serverMs: number }
  // Shared viewing (docs/rooms.md): the presenter's viewer state and who presents.
  | { type: 'view'; presenterUserId: string; state: SharedViewState; sentAt: number }
  | { type: 'presenter'; userId: string; by: string }
  | { type: 'control-requested'; userId: string };

/** A viewer state as it travels through the room: the snapshot plus whose images it names. */
export type SharedViewState = ViewerSnapshot & { patientId: string };

/** What the welcome adds for shared viewing. */
export interface SharedViewWelcome {
  presenterUserId: string;
  view: { presenterUserId: string; state: SharedViewState; sentAt: number } | null;
  patientIds: string[];
}

/** Moderator actions that name a person. */
export type ModeratorAction = 'admit' | 'refuse' | 'mute' | 'remove' | 'hand-over';
