import type {
  AccountabilityReport,
  Asset,
  AssetStatus,
  Complaint,
  ComplianceCase,
  CooperationTerm,
  Incident,
  IncidentKind,
  Inspection,
  Loan,
  Sanction,
  SanctionDecision,
  StoredFile,
  UptimeScorecard,
} from '@vigia/contracts';
import { apiRequest, apiUpload } from '../../shared/api/api-client';

/**
 * Every obligations route the back office calls (apps/server/src/modules/{loans,accountability,
 * inspections,complaints,sanctions}/*.routes.ts). Access and scope are enforced by the server.
 */
const enc = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} });
const put = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });

// Cooperation terms (accreditation module) — the "cooperation" every obligation belongs to.
export async function listTerms(signal: AbortSignal): Promise<CooperationTerm[]> {
  return (await apiRequest<{ terms: CooperationTerm[] }>('/api/accreditation/cooperation-terms', { signal })).terms;
}

export function uploadObligationFile(file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<StoredFile>('/api/files', form);
}

// Loans (Art. 17–18)
export async function listAssets(signal: AbortSignal, status?: AssetStatus): Promise<Asset[]> {
  return (await apiRequest<{ assets: Asset[] }>(`/api/loans/assets${status ? `?status=${status}` : ''}`, { signal })).assets;
}
export const getAsset = (id: string, signal?: AbortSignal) => apiRequest<Asset>(`/api/loans/assets/${enc(id)}`, { signal });
export const createAsset = (body: { model: string; serial: string; assetTag: string; warrantyEndsOn: string | null }) =>
  post<Asset>('/api/loans/assets', body);
export const setAssetStatus = (id: string, status: 'in_stock' | 'under_repair' | 'written_off', note: string) =>
  post<Asset>(`/api/loans/assets/${enc(id)}/status`, { status, note });
export async function listLoans(signal: AbortSignal): Promise<Loan[]> {
  return (await apiRequest<{ loans: Loan[] }>('/api/loans', { signal })).loans;
}
export const getLoan = (id: string, signal?: AbortSignal) => apiRequest<Loan>(`/api/loans/${enc(id)}`, { signal });
export const loanDocumentUrl = (id: string, docId: string) => `/api/loans/${enc(id)}/documents/${enc(docId)}`;
export const createLoan = (termId: string, assetIds: string[]) => post<Loan>('/api/loans', { termId, assetIds });
export const schedulePickup = (
  id: string,
  body: { pickupOn: string; personName: string; personCpf: string; authorisationFileId: string | null },
) => post<Loan>(`/api/loans/${enc(id)}/pickup-schedule`, body);
export const recordPickup = (id: string, pickedUpOn?: string) =>
  post<Loan>(`/api/loans/${enc(id)}/pickup`, pickedUpOn ? { pickedUpOn } : {});
export const recordReturn = (id: string, items: { assetId: string; condition: 'good' | 'damaged' | 'missing'; note?: string }[]) =>
  post<Loan>(`/api/loans/${enc(id)}/return`, { items });
export async function listIncidents(signal: AbortSignal): Promise<Incident[]> {
  return (await apiRequest<{ incidents: Incident[] }>('/api/loans/incidents', { signal })).incidents;
}
export const reportIncident = (
  loanId: string,
  body: { assetId: string; kind: IncidentKind; occurredOn: string; description: string; policeReportNumber: string | null },
) => post<Incident>(`/api/loans/${enc(loanId)}/incidents`, body);
export const replaceUnderWarranty = (id: string, newAssetId: string, note?: string) =>
  post<Incident>(`/api/loans/incidents/${enc(id)}/replace`, { newAssetId, note });
export const closeIncident = (id: string, resolution: string, assetOutcome: 'back_in_service' | 'written_off' | 'unchanged') =>
  post<Incident>(`/api/loans/incidents/${enc(id)}/close`, { resolution, assetOutcome });

// Accountability (Art. 19)
export async function listReports(signal: AbortSignal): Promise<AccountabilityReport[]> {
  return (await apiRequest<{ reports: AccountabilityReport[] }>('/api/accountability/reports', { signal })).reports;
}
export const getReport = (id: string, signal?: AbortSignal) =>
  apiRequest<AccountabilityReport>(`/api/accountability/reports/${enc(id)}`, { signal });
export const reportFileUrl = (id: string, fileId: string) => `/api/accountability/reports/${enc(id)}/files/${enc(fileId)}`;
export const requestReport = (body: { termId: string; kind: 'requested' | 'special_audit'; dueOn: string; reason: string }) =>
  post<AccountabilityReport>('/api/accountability/reports', body);
export const saveReport = (id: string, body: { activities: string; results: string; photoFileIds: string[] }) =>
  put<AccountabilityReport>(`/api/accountability/reports/${enc(id)}`, body);
export const submitReport = (id: string) => post<AccountabilityReport>(`/api/accountability/reports/${enc(id)}/submit`);
export const reviewReport = (
  id: string,
  body: { decision: 'approve' | 'request_corrections' | 'reject'; reasons: string; endCooperation: boolean; openSanction: boolean },
) => post<AccountabilityReport>(`/api/accountability/reports/${enc(id)}/review`, body);

// Inspections (Art. 28 §1)
export async function listInspections(signal: AbortSignal): Promise<Inspection[]> {
  return (await apiRequest<{ inspections: Inspection[] }>('/api/inspections', { signal })).inspections;
}
export const getInspection = (id: string, signal?: AbortSignal) => apiRequest<Inspection>(`/api/inspections/${enc(id)}`, { signal });
export const inspectionFileUrl = (id: string, fileId: string) => `/api/inspections/${enc(id)}/files/${enc(fileId)}`;
export const scheduleInspection = (body: { termId: string; kind: 'scheduled' | 'unannounced'; scheduledFor: string; place: string }) =>
  post<Inspection>('/api/inspections', body);
export const recordInspection = (
  id: string,
  body: { checklist: Record<string, string>; findings: string; photoFileIds: string[]; followUpDueOn: string | null },
) => post<Inspection>(`/api/inspections/${enc(id)}/record`, body);
export const closeFollowUp = (id: string, note: string) => post<Inspection>(`/api/inspections/${enc(id)}/follow-up/close`, { note });

// Complaints triage (Art. 28 §2)
export async function listComplaints(signal: AbortSignal): Promise<Complaint[]> {
  return (await apiRequest<{ complaints: Complaint[] }>('/api/complaints', { signal })).complaints;
}
export const getComplaint = (id: string, signal?: AbortSignal) => apiRequest<Complaint>(`/api/complaints/${enc(id)}`, { signal });
export const triageComplaint = (id: string, body: { status: 'investigating' | 'dismissed'; termId: string | null; note: string }) =>
  post<Complaint>(`/api/complaints/${enc(id)}/triage`, body);
export const publishOutcome = (id: string, outcome: string) => post<Complaint>(`/api/complaints/${enc(id)}/outcome`, { outcome });

// Sanctions (Art. 29–30), committee cases, uptime scorecard (Art. 25 §3)
export async function listSanctions(signal: AbortSignal): Promise<Sanction[]> {
  return (await apiRequest<{ sanctions: Sanction[] }>('/api/sanctions', { signal })).sanctions;
}
export const getSanction = (id: string, signal?: AbortSignal) => apiRequest<Sanction>(`/api/sanctions/${enc(id)}`, { signal });
export const sanctionDocumentUrl = (id: string, docId: string) => `/api/sanctions/${enc(id)}/documents/${enc(docId)}`;
export const notifySanction = (body: { termId: string; facts: string; receivedOn?: string }) => post<Sanction>('/api/sanctions', body);
export const fileDefence = (id: string, text: string, fileId: string | null) =>
  post<Sanction>(`/api/sanctions/${enc(id)}/defence`, { text, fileId });
export const decideSanction = (id: string, body: { decision: SanctionDecision; reasons: string; suspensionMonths?: number }) =>
  post<Sanction>(`/api/sanctions/${enc(id)}/decide`, body);
export interface Revocation {
  termId: string;
  termNumber: string;
  reasons: string;
  revokedAt: string;
  documents: Loan['documents'];
}
export const revokeCooperation = (termId: string, reasons: string) => post<Revocation>('/api/sanctions/revocations', { termId, reasons });
export async function listCases(signal: AbortSignal): Promise<ComplianceCase[]> {
  return (await apiRequest<{ cases: ComplianceCase[] }>('/api/sanctions/cases', { signal })).cases;
}
export const closeCase = (id: string, note: string) => post<ComplianceCase>(`/api/sanctions/cases/${enc(id)}/close`, { note });
export function getScorecard(signal: AbortSignal, partnerId?: string, month?: string): Promise<UptimeScorecard> {
  const q = new URLSearchParams();
  if (partnerId) q.set('partnerId', partnerId);
  if (month) q.set('month', month);
  const qs = q.toString();
  return apiRequest<UptimeScorecard>(`/api/sanctions/scorecard${qs ? `?${qs}` : ''}`, { signal });
}
