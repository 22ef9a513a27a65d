import type {
  AccidentCertificateVerification,
  AccidentDeclaration,
  AccidentDeclarationBody,
  AccidentParticipation,
  CertificateConsentLink,
  CertificateRequest,
  CertificateVerification,
  CitizenSession,
  ConsentAnswer,
  IdentityCardRequest,
  LookupEntry,
  PoliceReport,
  PoliceReportContentInput,
  PoliceReportDraftBody,
  PoliceReportVerification,
  PoliceStation,
  SecurityFee,
} from '@vigia/contracts';
import { apiRequest, apiUpload, setCsrfToken } from '../../shared/api/api-client';

/** Citizen services API (apps/server/src/modules/citizen-*). The citizen session has its own CSRF token. */
export async function fetchCitizenSession(signal?: AbortSignal): Promise<CitizenSession> {
  const s = await apiRequest<CitizenSession>('/api/citizen/session', { signal });
  if (s.csrfToken) setCsrfToken(s.csrfToken);
  return s;
}

export const signInUrl = (returnTo = '/cidadao') => `/api/citizen/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
export const signOut = () => apiRequest<{ ok: true }>('/api/citizen/auth/logout', { method: 'POST' });

export interface MyServices {
  certificates: CertificateRequest[];
  consentLinks: CertificateConsentLink[];
  identityCards: IdentityCardRequest[];
  lookups: LookupEntry[];
}

export async function fetchMyServices(signal?: AbortSignal): Promise<MyServices> {
  const [c, k, i, l] = await Promise.all([
    apiRequest<{ certificates: CertificateRequest[] }>('/api/citizen/criminal-certificates', { signal }),
    apiRequest<{ links: CertificateConsentLink[] }>('/api/citizen/consent-links', { signal }),
    apiRequest<{ requests: IdentityCardRequest[] }>('/api/citizen/identity-cards', { signal }),
    apiRequest<{ lookups: LookupEntry[] }>('/api/citizen/lookups', { signal }),
  ]);
  return { certificates: c.certificates, consentLinks: k.links, identityCards: i.requests, lookups: l.lookups };
}

export const requestCertificate = (purpose: string) =>
  apiRequest<CertificateRequest>('/api/citizen/criminal-certificates', { method: 'POST', body: { purpose } });

export const createConsentLink = (id: string, grantee: string, days: number) =>
  apiRequest<{ id: string; url: string; expiresAt: string }>(`/api/citizen/criminal-certificates/${id}/consent-links`, {
    method: 'POST',
    body: { grantee, days },
  });

export const revokeConsentLink = (linkId: string) =>
  apiRequest<CertificateConsentLink>(`/api/citizen/consent-links/${encodeURIComponent(linkId)}/revoke`, { method: 'POST' });

export interface PostPlaces {
  id: string;
  name: string;
  municipality: string;
  address: string;
  placesLeft: number;
}

export const fetchPosts = (date: string, signal?: AbortSignal) =>
  apiRequest<{ posts: PostPlaces[] }>(`/api/public/identification-posts?date=${date}`, { signal });

export interface IdentityCardForm {
  birthDate: string;
  motherName: string;
  documents: string[];
  postId: string;
  appointmentDate: string;
  exemptionProof?: string;
}

export const requestIdentityCard = (body: IdentityCardForm) =>
  apiRequest<IdentityCardRequest>('/api/citizen/identity-cards', { method: 'POST', body });

export const reissueFee = (id: string) => apiRequest<SecurityFee>(`/api/citizen/fees/${id}/reissue`, { method: 'POST' });

export const identityCardStatus = (protocol: string, signal?: AbortSignal) =>
  apiRequest<{ protocol: string; stageLabel: string; post: string }>(`/api/public/identity-cards/${encodeURIComponent(protocol)}`, {
    signal,
  });

export const verifyCertificate = (code: string, signal?: AbortSignal) =>
  apiRequest<CertificateVerification>(`/api/public/criminal-certificates/${encodeURIComponent(code)}`, { signal });

export const answerConsentLink = (token: string, signal?: AbortSignal) =>
  apiRequest<ConsentAnswer>(`/api/public/consent/${encodeURIComponent(token)}`, { signal });

// Traffic-accident certificate (apps/server/src/modules/citizen-accident-certificate)

export const fetchMyAccidents = (signal?: AbortSignal) =>
  apiRequest<{ declarations: AccidentDeclaration[] }>('/api/citizen/accident-certificates', { signal });

export const fetchMyAccident = (id: string, signal?: AbortSignal) =>
  apiRequest<AccidentDeclaration>(`/api/citizen/accident-certificates/${id}`, { signal });

export const fetchParticipations = (signal?: AbortSignal) =>
  apiRequest<{ participations: AccidentParticipation[] }>('/api/citizen/accident-participations', { signal });

export const declareAccident = (body: AccidentDeclarationBody) =>
  apiRequest<AccidentDeclaration>('/api/citizen/accident-certificates', { method: 'POST', body });

export const resubmitAccident = (id: string, body: AccidentDeclarationBody) =>
  apiRequest<AccidentDeclaration>(`/api/citizen/accident-certificates/${id}`, { method: 'PUT', body });

export const confirmParticipation = (id: string) =>
  apiRequest<AccidentParticipation>(`/api/citizen/accident-participations/${id}/confirm`, { method: 'POST' });

export function uploadAccidentPhoto(file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ id: string; originalName: string }>('/api/citizen/accident-photos', form);
}

export const verifyAccidentCertificate = (code: string, signal?: AbortSignal) =>
  apiRequest<AccidentCertificateVerification>(`/api/public/accident-certificates/${encodeURIComponent(code)}`, { signal });

// Online police station (apps/server/src/modules/police-reports)
export const fetchPoliceStationsForCitizen = (signal?: AbortSignal) =>
  apiRequest<{ stations: PoliceStation[] }>('/api/citizen/police-stations', { signal });

export const fetchMyPoliceReports = (signal?: AbortSignal) =>
  apiRequest<{ reports: PoliceReport[] }>('/api/citizen/police-reports', { signal });

export const fetchMyPoliceReport = (id: string, signal?: AbortSignal) =>
  apiRequest<PoliceReport>(`/api/citizen/police-reports/${id}`, { signal });

export const startPoliceReport = (body: PoliceReportDraftBody) =>
  apiRequest<PoliceReport>('/api/citizen/police-reports', { method: 'POST', body });

export const savePoliceReport = (id: string, body: { stationId: string | null; content: PoliceReportContentInput }) =>
  apiRequest<PoliceReport>(`/api/citizen/police-reports/${id}`, { method: 'PUT', body });

export const submitPoliceReport = (id: string) => apiRequest<PoliceReport>(`/api/citizen/police-reports/${id}/submit`, { method: 'POST' });

export const writeToStation = (id: string, text: string) =>
  apiRequest<PoliceReport>(`/api/citizen/police-reports/${id}/messages`, { method: 'POST', body: { text } });

export const policeReportPdfUrl = (id: string) => `/api/citizen/police-reports/${id}/pdf`;

export function uploadPoliceReportFile(file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ id: string; originalName: string }>('/api/citizen/police-report-files', form);
}

export const verifyPoliceReport = (code: string, signal?: AbortSignal) =>
  apiRequest<PoliceReportVerification>(`/api/public/police-reports/${encodeURIComponent(code)}`, { signal });
