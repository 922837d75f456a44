import type { ServiceModule } from '../../core/ServiceRegistry';
import { ImagingService, pullOutcome } from './ImagingService';

export { ImagingService, pullOutcome };
export type { DicomJson, PulledStudy, PullOutcome, Series, StackImage, Study } from './ImagingService';
export const imagingService: ServiceModule<ImagingService> = {
  name: 'imaging',
  create: ({ api, session }) => new ImagingService(api, () => session.accessToken()),
};
