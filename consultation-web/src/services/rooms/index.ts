import type { ServiceModule } from '../../core/ServiceRegistry';
import { RoomsService } from './RoomsService';

export { RoomsService };
export type { ChatMessage, JitsiJoin, RoomTicket, SessionRecording } from './RoomsService';
export const roomsService: ServiceModule<RoomsService> = {
  name: 'rooms',
  create: ({ api }) => new RoomsService(api),
};
