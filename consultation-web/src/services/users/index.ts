import type { ServiceModule } from '../../core/ServiceRegistry';
import { UserService } from './UserService';

export { UserService };
export type { NewUser, UserAccount, UserChanges } from './UserService';
export const usersService: ServiceModule<UserService> = {
  name: 'users',
  create: ({ api }) => new UserService(api),
};
