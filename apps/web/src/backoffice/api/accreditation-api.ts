import type {
  ApplicationCreateRequest,
  ApplicationDetail,
  ApplicationHistoryEvent,
  ApplicationSummary,
  ApplicationUpdateRequest,
  CameraPointInput,
  CooperationTerm,
  IntegratorAuthorisation,
  RispCase,
  RispOpinion,
} from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Every accreditation route the back office calls (apps/server/src/modules/accreditation/accreditation.routes.ts). */
const base = '/api/accreditation';
const app = (id: string) => `${base}/applications/${encodeURIComponent(id)}`;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} });

export async function listApplications(signal: AbortSignal): Promise<ApplicationSummary[]> {
  return (await apiRequest<{ applications: ApplicationSummary[] }>(`${base}/applications`, { signal })).applications;
}

export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>(app(id), { signal });
}

/** Download links (same-origin GET; the session cookie authorises them). */
export const generatedDocumentUrl = (id: string, docId: string) => `${app(id)}/generated-documents/${encodeURIComponent(docId)}`;
export const applicationFileUrl = (id: string, fileId: string) => `${app(id)}/files/${encodeURIComponent(fileId)}`;

// partner
export const createApplication = (body: Partial<ApplicationCreateRequest>) => post<ApplicationDetail>(`${base}/applications`, body);
export const updateApplication = (id: string, body: ApplicationUpdateRequest) =>
  apiRequest<ApplicationDetail>(app(id), { method: 'PATCH', body });
export const setCameraPoints = (id: string, points: CameraPointInput[]) =>
  apiRequest<ApplicationDetail>(`${app(id)}/camera-points`, { method: 'PUT', body: { points } });
export const attachDocument = (id: string, requirementKey: string, fileId: string) =>
  post<ApplicationDetail>(`${app(id)}/documents`, { requirementKey, fileId });
export const submitApplication = (id: string, directHandlingReason?: string) =>
  post<ApplicationDetail>(`${app(id)}/submit`, directHandlingReason ? { directHandlingReason } : {});
export const answerDeficiencyNotice = (id: string, answers: { itemId: string; answer: string; fileId?: string }[]) =>
  post<ApplicationDetail>(`${app(id)}/deficiency-response`, { answers });

// committee / municipal manager
export const decideDirectHandling = (id: string, accept: boolean, note: string) =>
  post<ApplicationDetail>(`${app(id)}/direct-handling`, { accept, note });
export const startAnalysis = (id: string) => post<ApplicationDetail>(`${app(id)}/start-analysis`);
export const recordChecklist = (id: string, items: { itemKey: string; verdict: 'ok' | 'fault'; note?: string }[]) =>
  apiRequest<ApplicationDetail>(`${app(id)}/checklist`, { method: 'PUT', body: { items } });
export const scheduleTechnicalVisit = (id: string, scheduledFor: string, place: string) =>
  post<ApplicationDetail>(`${app(id)}/technical-visits`, { scheduledFor, place });
export const recordVisitFindings = (id: string, visitId: string, findings: string) =>
  post<ApplicationDetail>(`${app(id)}/technical-visits/${encodeURIComponent(visitId)}/findings`, { findings });
export const issueDeficiencyNotice = (id: string, businessDays: number, items: { itemKey?: string; description: string }[]) =>
  post<ApplicationDetail>(`${app(id)}/deficiency-notices`, { businessDays, items });
export const approveApplication = (id: string, reason: string) => post<ApplicationDetail>(`${app(id)}/approve`, { reason });
export const rejectApplication = (id: string, reason: string) => post<ApplicationDetail>(`${app(id)}/reject`, { reason });

// RISP
export async function listRispOpinions(signal: AbortSignal): Promise<RispOpinion[]> {
  return (await apiRequest<{ opinions: RispOpinion[] }>(`${base}/risp-opinions`, { signal })).opinions;
}
export const getRispCase = (opinionId: string, signal?: AbortSignal) =>
  apiRequest<RispCase>(`${base}/risp-opinions/${encodeURIComponent(opinionId)}/case`, { signal });
export const rispPhotoUrl = (opinionId: string, fileId: string) =>
  `${base}/risp-opinions/${encodeURIComponent(opinionId)}/files/${encodeURIComponent(fileId)}`;
export const rispDocumentUrl = (opinionId: string, docId: string) =>
  `${base}/risp-opinions/${encodeURIComponent(opinionId)}/generated-documents/${encodeURIComponent(docId)}`;
export const giveRispOpinion = (opinionId: string, favourable: boolean, reasons: string) =>
  post<RispOpinion>(`${base}/risp-opinions/${encodeURIComponent(opinionId)}`, { favourable, reasons });

// homologation and terms (admin)
export interface HomologationResult {
  application: ApplicationSummary;
  term: CooperationTerm;
  gazetteText: string;
}
export const homologateApplication = (id: string) => post<HomologationResult>(`${app(id)}/homologate`);
export async function listCooperationTerms(signal: AbortSignal): Promise<CooperationTerm[]> {
  return (await apiRequest<{ terms: CooperationTerm[] }>(`${base}/cooperation-terms`, { signal })).terms;
}
export const signCooperationTerm = (termId: string, signedOn: string) =>
  post<CooperationTerm>(`${base}/cooperation-terms/${encodeURIComponent(termId)}/sign`, { signedOn });

// case history (audit trail)
export async function getApplicationHistory(id: string, signal?: AbortSignal): Promise<ApplicationHistoryEvent[]> {
  return (await apiRequest<{ events: ApplicationHistoryEvent[] }>(`${app(id)}/history`, { signal })).events;
}

// integrators (Art. 15)
export async function listPartnerIntegrators(signal: AbortSignal): Promise<IntegratorAuthorisation[]> {
  return (await apiRequest<{ authorisations: IntegratorAuthorisation[] }>('/api/partner/integrators', { signal })).authorisations;
}
export const authoriseIntegrator = (integratorEmail: string, validUntil: string) =>
  post<IntegratorAuthorisation>('/api/partner/integrators', { integratorEmail, validUntil });
export const revokeIntegrator = (id: string) => post<IntegratorAuthorisation>(`/api/partner/integrators/${encodeURIComponent(id)}/revoke`);
