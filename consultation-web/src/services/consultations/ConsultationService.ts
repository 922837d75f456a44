import type { ApiClient } from '../../core/api/ApiClient';

export type Urgency = 'emergency' | 'urgent' | 'routine';
export const URGENCIES: readonly Urgency[] = ['emergency', 'urgent', 'routine'];
export type RequestStatus = 'draft' | 'submitted' | 'accepted' | 'declined' | 'scheduled' | 'in_session' | 'concluded' | 'signed' | 'cancelled';
export type Worklist = 'mine' | 'hospital' | 'incoming' | 'participating';

export interface ConsultationRequest {
  id: string;
  patientId: string;
  requesterId: string;
  requesterHospitalId: string;
  targetHospitalId: string | null;
  answeringHospitalId: string | null;
  urgency: Urgency;
  specialty: string;
  status: RequestStatus;
  allowedTransitions: RequestStatus[];
  sessionId: string | null;
  acceptedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  requestToRoomMillis?: number;
  history: { from: RequestStatus | null; to: RequestStatus; by: string; at: string; note: string | null }[];
  /** Absent in an administrator's view: administrators schedule without the clinical text. */
  reason?: string | null;
  clinicalSummary?: string | null;
  question?: string | null;
  immediateSessionId?: string;
  attachments?: Attachment[];
}

/** One signed version of a consultation's report (Circular 46/2018: digital signature, verified on every read). */
export interface SignedReport {
  id: string;
  version: number;
  status: 'final' | 'amended';
  signedBy: string;
  signerName: string;
  signedAt: string;
  signature: { valid: boolean };
}

export interface Attachment {
  id: string;
  kind: 'document' | 'lab_result' | 'imaging_study';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string | null;
  /** The Study Instance UID of an attached imaging study. */
  reference?: string | null;
  addedAt: string;
}

export interface RequestDraft {
  patientId?: string;
  targetHospitalId?: string;
  urgency: Urgency | '';
  specialty: string;
  reason: string;
  clinicalSummary: string;
  question: string;
}

export interface ConsultationSession {
  id: string;
  hostHospitalId: string;
  requestIds: string[];
  patientIds: string[];
  moderatorId: string;
  specialistIds: string[];
  participants: string[];
  start: string;
  end: string;
  durationMinutes: number;
  place: string | null;
  emergency: boolean;
  status: 'scheduled' | 'open' | 'concluded' | 'cancelled';
  version: number;
}

export interface SessionPlan {
  requestIds?: string[];
  /** ISO 8601 with offset, e.g. 2026-12-10T08:30:00+07:00 */
  start: string;
  durationMinutes: number;
  moderatorId: string;
  specialistIds: string[];
  place?: string;
}

export interface Minutes {
  requestId: string;
  sessionId: string;
  edition: number;
  version: number;
  state: 'draft' | 'signed';
  participants: { userId: string; name: string; role: 'chair' | 'member' | 'requesting_doctor'; hospital: string }[];
  patientSummary: string | null;
  discussion: string | null;
  conclusion: string | null;
  treatmentRecommendation: string | null;
  chairId: string;
  chairName: string;
}

export type MinutesText = Pick<Minutes, 'patientSummary' | 'discussion' | 'conclusion' | 'treatmentRecommendation'>;

export interface Notification {
  id: string;
  kind: string;
  requestId: string | null;
  sessionId: string | null;
  at: string;
  read: boolean;
}

export interface Availability {
  userId: string;
  weekly: { day: string; from: string; to: string }[];
  leave: { from: string; to: string; note: string | null }[];
  onCall: boolean;
  version: number;
}

const REQUESTS = '/api/consultations';
const SESSIONS = '/api/consultation-sessions';
const id = encodeURIComponent;

/** Consultation requests, sessions and minutes. The server decides who sees what; this only calls it. */
export class ConsultationService {
  constructor(private readonly api: ApiClient) {}

  async worklist(view: Worklist, status?: RequestStatus, signal?: AbortSignal): Promise<ConsultationRequest[]> {
    return (await this.api.get<{ items: ConsultationRequest[] }>(REQUESTS, { query: { view, status }, signal })).body.items;
  }

  /** One patient's consultations that the caller may see, newest first (the patient's record). */
  async forPatient(patientId: string, signal?: AbortSignal): Promise<ConsultationRequest[]> {
    return (await this.api.get<{ items: ConsultationRequest[] }>(REQUESTS, { query: { view: 'patient', patientId }, signal })).body.items;
  }

  async get(requestId: string, signal?: AbortSignal): Promise<ConsultationRequest> {
    return (await this.api.get<ConsultationRequest>(`${REQUESTS}/${id(requestId)}`, { signal })).body;
  }

  async create(draft: RequestDraft): Promise<ConsultationRequest> {
    return (await this.api.post<ConsultationRequest>(REQUESTS, withoutEmpty(draft))).body;
  }

  /** submitted, accepted, declined or cancelled; decline and cancel need a reason. */
  async move(r: ConsultationRequest, to: RequestStatus, reason?: string): Promise<ConsultationRequest> {
    return (await this.api.post<ConsultationRequest>(`${REQUESTS}/${id(r.id)}/transitions`, { to, version: r.version, reason })).body;
  }

  async sessions(from: string, to: string, signal?: AbortSignal): Promise<ConsultationSession[]> {
    return (await this.api.get<{ items: ConsultationSession[] }>(SESSIONS, { query: { from, to }, signal })).body.items;
  }

  async session(sessionId: string, signal?: AbortSignal): Promise<ConsultationSession> {
    return (await this.api.get<ConsultationSession>(`${SESSIONS}/${id(sessionId)}`, { signal })).body;
  }

  async schedule(plan: SessionPlan): Promise<ConsultationSession> {
    return (await this.api.post<ConsultationSession>(SESSIONS, plan)).body;
  }

  async reschedule(s: ConsultationSession, plan: SessionPlan): Promise<ConsultationSession> {
    return (await this.api.put<ConsultationSession>(`${SESSIONS}/${id(s.id)}`, plan, { ifMatch: s.version })).body;
  }

  /** cancel (with a reason), open, conclude. */
  async sessionStep(s: ConsultationSession, step: 'cancel' | 'open' | 'conclude', reason?: string): Promise<ConsultationSession> {
    return (await this.api.post<ConsultationSession>(`${SESSIONS}/${id(s.id)}/${step}`, { version: s.version, reason })).body;
  }

  async minutes(requestId: string, signal?: AbortSignal): Promise<Minutes> {
    return (await this.api.get<Minutes>(`${REQUESTS}/${id(requestId)}/minutes`, { signal })).body;
  }

  async saveMinutes(m: Minutes, text: MinutesText): Promise<Minutes> {
    return (await this.api.put<Minutes>(`${REQUESTS}/${id(m.requestId)}/minutes`, { ...text, version: m.version })).body;
  }

  async signMinutes(m: Minutes): Promise<Minutes> {
    return (await this.api.post<Minutes>(`${REQUESTS}/${id(m.requestId)}/minutes/sign`, { version: m.version })).body;
  }

  async attach(requestId: string, kind: 'document' | 'lab_result', file: File): Promise<Attachment> {
    return (await this.api.post<Attachment>(`${REQUESTS}/${id(requestId)}/attachments`, file,
      { query: { kind, fileName: file.name }, contentType: file.type })).body;
  }

  /** The signed versions of the request's report, each verified by the server as it is read. */
  async reports(requestId: string, signal?: AbortSignal): Promise<SignedReport[]> {
    return (await this.api.get<{ items: SignedReport[] }>(`${REQUESTS}/${id(requestId)}/reports`, { signal })).body.items;
  }

  /** The responsible specialist signs the conclusion (report and minutes PDF) with their key. */
  async signReport(requestId: string): Promise<SignedReport> {
    return (await this.api.post<SignedReport>(`${REQUESTS}/${id(requestId)}/reports`, undefined)).body;
  }

  /** Attaches one of the patient's stored imaging studies (by its Study Instance UID); the same study twice is one attachment. */
  async attachStudy(requestId: string, studyInstanceUid: string): Promise<Attachment> {
    return (await this.api.post<Attachment>(`${REQUESTS}/${id(requestId)}/studies`, { studyInstanceUid })).body;
  }

  attachment(requestId: string, attachmentId: string): Promise<Blob> {
    return this.api.blob(`${REQUESTS}/${id(requestId)}/attachments/${id(attachmentId)}`);
  }

  minutesPdf(requestId: string): Promise<Blob> {
    return this.api.blob(`${REQUESTS}/${id(requestId)}/minutes/pdf`);
  }

  async availability(signal?: AbortSignal): Promise<Availability> {
    return (await this.api.get<Availability>('/api/availability/me', { signal })).body;
  }

  async publishAvailability(a: Availability): Promise<Availability> {
    const { weekly, leave, onCall } = a;
    return (await this.api.put<Availability>('/api/availability/me', { weekly, leave, onCall }, { ifMatch: a.version })).body;
  }

  async notifications(signal?: AbortSignal): Promise<Notification[]> {
    return (await this.api.get<{ items: Notification[] }>('/api/notifications', { signal })).body.items;
  }
}

function withoutEmpty(draft: RequestDraft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined)) as Record<string, string>;
}
