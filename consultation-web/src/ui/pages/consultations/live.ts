import { useEffect } from 'react';
import { liveNotificationsService } from '../../../services/consultations';
import { useService } from '../../platform';

/** Calls `refresh` whenever a notification for the user arrives, so a worklist changes without a reload. */
export function useLiveRefresh(refresh: () => void): void {
  const live = useService(liveNotificationsService);
  useEffect(() => live.listen(() => refresh()), [live]);
}
