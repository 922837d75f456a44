import type { ApiClient } from '../../core/api/ApiClient';

export interface Box { x: number; y: number; width: number; height: number }

export interface FlagReview {
  decision: 'accept' | 'reject' | 'edit';
  box: Box | null;
  label: string | null;
  parisClass: string | null;
  sizeMm: number | null;
  reason: string | null;
  by: string;
  byRole: string;
  at: string;
}

export interface LesionFlag {
  id: string;
  box: Box;
  score: number;
  areaPixels: number;
  status: 'pending' | 'accepted' | 'rejected' | 'edited';
  current: { box: Box; label?: string | null; parisClass?: string | null; sizeMm?: number | null };
  reviews: FlagReview[];
}

export interface DicomFrameRef { studyUid: string; seriesUid: string; sopInstanceUid: string; sopClassUid: string; frame: number }

export interface LesionAnalysis {
  id: string;
  patientId: string;
  model: { id: string; version: string };
  input: { source: string; contentType: string; width: number; height: number; sha256: string; dicom?: DicomFrameRef | null };
  flags: LesionFlag[];
  mask: { width: number; height: number; encoding: 'label-rle'; rle: number[] };
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface ReviewDraft {
  decision: 'accept' | 'reject' | 'edit';
  box?: Box;
  label?: string;
  parisClass?: string;
  sizeMm?: number;
  reason?: string;
}

/** What became of one DICOM object Consilium wrote (the ingest's answer). */
export interface StoredObject {
  status: 'stored' | 'already_stored' | string;
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  reason: string | null;
}

/** The SR (TID 1500) and SEG written from an analysis' accepted flags. */
export interface DicomOutputs { measurementReport: StoredObject; segmentation: StoredObject }

/** One object sent to the hospital PACS by C-STORE, or why not. */
export interface PacsSent { sopInstanceUid: string; sopClassUid: string; status: 'sent' | 'failed'; reason: string | null }

/** A stored image of the patient that can be analysed (one row of QIDO-RS instances). */
export interface StoredImage { studyUid: string; seriesUid: string; sopInstanceUid: string; modality: string; frames: number }

export const LABELS = ['polyp', 'suspected_early_cancer', 'adenoma', 'hyperplastic', 'inflammatory', 'other'] as const;
export const PARIS = ['0-Ip', '0-Ips', '0-Is', '0-IIa', '0-IIa+IIc', '0-IIb', '0-IIc', '0-IIc+IIa', '0-III'] as const;
export const REASONS = ['not_a_lesion', 'artefact', 'duplicate', 'other'] as const;

type DicomJson = Record<string, { Value?: unknown[] }>;

/** AI lesion flags of a patient: analyses, analysis of stored images, and the review of each flag. */
export class FindingsService {
  constructor(private readonly api: ApiClient) {}

  private base(patientId: string) {
    return `/api/patients/${encodeURIComponent(patientId)}/lesion-analyses`;
  }

  async list(patientId: string, signal?: AbortSignal): Promise<LesionAnalysis[]> {
    const { body } = await this.api.get<{ items: LesionAnalysis[] }>(this.base(patientId), { query: { limit: 100 }, signal });
    return body.items;
  }

  async analyseStored(patientId: string, image: Pick<StoredImage, 'studyUid' | 'sopInstanceUid'>): Promise<{ items: LesionAnalysis[]; failed: { detail: string }[] }> {
    const { body } = await this.api.post<{ items: LesionAnalysis[]; failed: { detail: string }[] }>(`${this.base(patientId)}/stored`,
      { studyUid: image.studyUid, sopInstanceUid: image.sopInstanceUid });
    return body;
  }

  /** Stores a still (JPEG) as a VL Endoscopic Image in the patient's images, then analyses it: a stored analysis to review. */
  async captureAndAnalyse(patientId: string, jpeg: Blob, description: string): Promise<LesionAnalysis[]> {
    const { body: stored } = await this.api.request<{ studyInstanceUid: string; sopInstanceUid: string }>('POST',
      `/api/patients/${encodeURIComponent(patientId)}/imaging/captures`, { body: jpeg, contentType: 'image/jpeg', query: { description } });
    return (await this.analyseStored(patientId, { studyUid: stored.studyInstanceUid, sopInstanceUid: stored.sopInstanceUid })).items;
  }

  async review(analysis: LesionAnalysis, flagId: string, draft: ReviewDraft): Promise<LesionAnalysis> {
    const { body } = await this.api.post<LesionAnalysis>(
      `${this.base(analysis.patientId)}/${encodeURIComponent(analysis.id)}/flags/${encodeURIComponent(flagId)}/review`,
      { ...draft, version: analysis.version });
    return body;
  }

  /** Writes the accepted flags as a DICOM SR and SEG in the analysed image's study (again: nothing new is stored). */
  async writeDicom(analysis: LesionAnalysis, source: DicomFrameRef): Promise<DicomOutputs> {
    const { body } = await this.api.post<DicomOutputs>(`${this.base(analysis.patientId)}/${encodeURIComponent(analysis.id)}/dicom-outputs`,
      { sopInstanceUid: source.sopInstanceUid, frame: source.frame });
    return body;
  }

  /** C-STORE of stored objects to the hospital PACS; each one's outcome, also when some failed. */
  async sendToPacs(patientId: string, sopInstanceUids: string[]): Promise<PacsSent[]> {
    const { body } = await this.api.post<{ results: PacsSent[] }>(`/api/patients/${encodeURIComponent(patientId)}/imaging/pacs-sends`,
      { sopInstanceUids }, { answers: [502] });
    return body.results;
  }

  /** The analysed frame of a stored instance, rendered by the server (WADO-RS, with the bearer token). */
  frame(patientId: string, ref: DicomFrameRef, signal?: AbortSignal): Promise<Blob> {
    return this.api.blob(`/api/patients/${encodeURIComponent(patientId)}/dicomweb/studies/${ref.studyUid}/series/${ref.seriesUid}`
      + `/instances/${ref.sopInstanceUid}/frames/${ref.frame}/rendered`, { query: { accept: 'image/jpeg' }, signal });
  }

  /** The patient's stored endoscopy images (modality ES or VL Endoscopic Image), newest study first. */
  async endoscopyImages(patientId: string, signal?: AbortSignal): Promise<StoredImage[]> {
    const root = `/api/patients/${encodeURIComponent(patientId)}/dicomweb`;
    const { body: studies } = await this.api.get<DicomJson[]>(`${root}/studies`, { signal });
    const out: StoredImage[] = [];
    for (const study of studies ?? []) {
      const studyUid = text(study, '0020000D');
      const { body: instances } = await this.api.get<DicomJson[]>(`${root}/studies/${studyUid}/instances`, { signal });
      for (const i of instances ?? []) {
        const modality = text(i, '00080060');
        if (modality === 'ES' || text(i, '00080016') === '1.2.840.10008.5.1.4.1.1.77.1.1') {
          out.push({ studyUid, seriesUid: text(i, '0020000E'), sopInstanceUid: text(i, '00080018'), modality,
            frames: Number(text(i, '00280008') || '1') });
        }
      }
    }
    return out;
  }
}

function text(item: DicomJson, tag: string): string {
  const v = item[tag]?.Value?.[0];
  return v === undefined || v === null ? '' : String(v);
}
