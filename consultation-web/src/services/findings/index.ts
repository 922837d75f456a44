import type { ServiceModule } from '../../core/ServiceRegistry';
import { FindingsService } from './FindingsService';

export { FindingsService };
export type { LesionAnalysis, LesionFlag, ReviewDraft, StoredImage } from './FindingsService';
export const findingsService: ServiceModule<FindingsService> = {
  name: 'findings',
  create: ({ api }) => new FindingsService(api),
};
