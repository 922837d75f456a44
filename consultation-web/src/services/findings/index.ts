import type { ServiceModule } from '../../core/ServiceRegistry';
import { FindingsService } from './FindingsService';

export { FindingsService };
export type { DicomFrameRef, DicomOutputs, LesionAnalysis, LesionFlag, PacsSent, ReviewDraft, StoredImage, StoredObject } from './FindingsService';
export const findingsService: ServiceModule<FindingsService> = {
  name: 'findings',
  create: ({ api }) => new FindingsService(api),
};
