import type { ServiceModule } from '../../core/ServiceRegistry';
import { ImagingService } from './ImagingService';

export { ImagingService };
export type { DicomJson, PulledStudy, Series, StackImage, Study } from './ImagingService';
export const imagingService: ServiceModule<ImagingService> = {
  name: 'imaging',
  create: ({ api, session }) => new ImagingService(api, () => session.accessToken()),
};
