import type { ApiClient } from '../../core/api/ApiClient';

/** A DICOM JSON dataset (PS3.18 F.2): tag → {vr, Value}. */
export type DicomJson = Record<string, { vr: string; Value?: unknown[] }>;

export interface Study {
  studyInstanceUid: string;
  date: string | null;
  description: string | null;
  modalities: string[];
}

export interface Series {
  seriesInstanceUid: string;
  modality: string | null;
  description: string | null;
  number: number | null;
  /** The series' first instance, for its thumbnail. */
  firstInstanceUid: string | null;
}

/** One study found in the hospital PACS and asked for by C-MOVE, and what of it is now stored here. */
export interface PulledStudy {
  studyInstanceUid: string;
  studyDate: string | null;
  studyDescription: string | null;
  modalities: string | null;
  /** As the PACS's C-FIND answered (0 when it does not say). */
  pacsInstances: number;
  /** The C-MOVE status: 0 all sent, 0xB000 some refused here, others failed; null when not asked for (`alreadyStored`). */
  moveStatus: number | null;
  /** Every instance the PACS reports was already stored here, so the study was not moved again. */
  alreadyStored: boolean;
  storedInstances: number;
}

/** What became of a pulled study, in the clinic's terms. */
export type PullOutcome = 'alreadyHere' | 'received' | 'someRefused' | 'noneStored';

const SOME_REFUSED = 0xb000;

/** Received: the PACS sent all and we kept all; some refused: a warning or a partial store; else nothing kept. */
export function pullOutcome(s: Pick<PulledStudy, 'moveStatus' | 'storedInstances'>): PullOutcome {
  if (s.moveStatus === null) return 'alreadyHere';
  if (s.moveStatus === 0) return 'received';
  return s.moveStatus === SOME_REFUSED || s.storedInstances > 0 ? 'someRefused' : 'noneStored';
}

/** One image of a stack: an instance, or one frame of a multi-frame instance (an endoscopy video, say). */
export interface StackImage {
  sopInstanceUid: string;
  frame: number;
}

export function value<T = string>(d: DicomJson, tag: string): T | null {
  const v = d[tag]?.Value?.[0];
  return v === undefined ? null : (v as T);
}

/**
 * The patient's images, through our own DICOMweb (QIDO-RS, WADO-RS) with the user's bearer token: the server
 * checks the care relationship and audits every read, exactly as for any other client.
 */
export class ImagingService {
  constructor(private readonly api: ApiClient, private readonly token: () => Promise<string | null>) {}

  base(patientId: string): string {
    return `/api/patients/${encodeURIComponent(patientId)}/dicomweb`;
  }

  async studies(patientId: string, signal?: AbortSignal): Promise<Study[]> {
    const { body } = await this.api.get<DicomJson[]>(`${this.base(patientId)}/studies`, { signal });
    return (body ?? []).map((d) => ({
      studyInstanceUid: value(d, '0020000D') ?? '',
      date: value(d, '00080020'),
      description: value(d, '00081030'),
      modalities: (d['00080061']?.Value as string[] | undefined) ?? [],
    }));
  }

  async series(patientId: string, study: string, signal?: AbortSignal): Promise<Series[]> {
    const path = `${this.base(patientId)}/studies/${study}`;
    const [series, instances] = await Promise.all([
      this.api.get<DicomJson[]>(`${path}/series`, { signal }),
      this.api.get<DicomJson[]>(`${path}/instances`, { signal }),
    ]);
    return (series.body ?? []).map((d) => {
      const uid = value(d, '0020000E') ?? '';
      const first = sortInstances((instances.body ?? []).filter((i) => value(i, '0020000E') === uid))[0];
      return { seriesInstanceUid: uid, modality: value(d, '00080060'), description: value(d, '0008103E'),
        number: value<number>(d, '00200011'), firstInstanceUid: first ? value(first, '00080018') : null };
    }).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  }

  /** A series' metadata (WADO-RS), one dataset per instance, in stack order (instance number). */
  async metadata(patientId: string, study: string, series: string, signal?: AbortSignal): Promise<DicomJson[]> {
    const { body } = await this.api.get<DicomJson[]>(`${this.base(patientId)}/studies/${study}/series/${series}/metadata`, { signal });
    return sortInstances(body ?? []);
  }

  /** A rendered JPEG of an instance (WADO-RS rendered), as an object URL the caller revokes. */
  async thumbnail(patientId: string, study: string, series: string, instance: string, signal?: AbortSignal): Promise<string> {
    const blob = await this.api.blob(`${this.base(patientId)}/studies/${study}/series/${series}/instances/${instance}/rendered`,
      { query: { accept: 'image/jpeg' }, signal });
    return URL.createObjectURL(blob);
  }

  /** C-FIND then C-MOVE of the patient's studies from the hospital PACS into Consilium (blocks until all are sent). */
  async pullFromPacs(patientId: string): Promise<PulledStudy[]> {
    const { body } = await this.api.post<{ studies: PulledStudy[] }>(`/api/patients/${encodeURIComponent(patientId)}/imaging/pacs-pulls`);
    return body?.studies ?? [];
  }

  /** The bearer token for the image loader's own requests (frames). */
  accessToken(): Promise<string | null> {
    return this.token();
  }
}

export function sortInstances(list: DicomJson[]): DicomJson[] {
  return [...list].sort((a, b) => (value<number>(a, '00200013') ?? 0) - (value<number>(b, '00200013') ?? 0));
}

/** Every image of a series in order: each instance, each of its frames. */
export function stackOf(metadata: DicomJson[]): StackImage[] {
  return metadata.flatMap((d) => {
    const frames = Math.max(1, Number(value(d, '00280008') ?? 1));
    const uid = value(d, '00080018') ?? '';
    return Array.from({ length: frames }, (_, i) => ({ sopInstanceUid: uid, frame: i + 1 }));
  });
}
