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
      serverMs: number };

/** Moderator actions that name a person. */
export type ModeratorAction = 'admit' | 'refuse' | 'mute' | 'remove' | 'hand-over';
