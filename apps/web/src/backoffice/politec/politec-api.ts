import type {
  CertificateQueueItem,
  CertificateRequest,
  CriminalRecordEntry,
  CriminalRecordStatus,
  IdentityCardStage,
  IdentityCardWorkItem,
  SecurityFee,
} from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Politec back office (issue 15): identity-card stages and exemptions, posts, certificate analysis, manual payments. */
export const listOpenIdentityCards = (signal: AbortSignal) =>
  apiRequest<{ requests: IdentityCardWorkItem[] }>('/api/identity-cards', { signal }).then((r) => r.requests);

export const advanceIdentityCard = (id: string, stage: IdentityCardStage, rgNumber?: string) =>
  apiRequest<{ stage: IdentityCardStage }>(`/api/identity-cards/${encodeURIComponent(id)}/stage`, {
    method: 'POST',
    body: rgNumber ? { stage, rgNumber } : { stage },
  });

export const decideExemption = (id: string, granted: boolean) =>
  apiRequest<{ stage: IdentityCardStage }>(`/api/identity-cards/${encodeURIComponent(id)}/exemption`, {
    method: 'POST',
    body: { granted },
  });

export interface PostWithPlaces {
  id: string;
  name: string;
  municipality: string;
  address: string;
  placesLeft: number;
}

export const listPosts = (date: string, signal: AbortSignal) =>
  apiRequest<{ posts: PostWithPlaces[] }>(`/api/public/identification-posts?date=${encodeURIComponent(date)}`, { signal }).then(
    (r) => r.posts,
  );

export const addPost = (body: { name: string; municipality: string; address: string; dailyCapacity: number }) =>
  apiRequest<{ id: string }>('/api/identification-posts', { method: 'POST', body });

export const listCertificateQueue = (signal: AbortSignal) =>
  apiRequest<{ requests: CertificateQueueItem[] }>('/api/criminal-certificates/queue', { signal }).then((r) => r.requests);

export const decideCertificate = (id: string, decision: { decision: 'issue' } | { decision: 'answer'; reason: string }) =>
  apiRequest<CertificateRequest>(`/api/criminal-certificates/${encodeURIComponent(id)}/decision`, { method: 'POST', body: decision });

export const listPendingFees = (signal: AbortSignal) =>
  apiRequest<{ fees: SecurityFee[] }>('/api/fees/pending', { signal }).then((r) => r.fees);

export const confirmFee = (id: string, body: { amountCents: number; reference: string }) =>
  apiRequest<SecurityFee>(`/api/fees/${encodeURIComponent(id)}/confirm`, { method: 'POST', body });

/** The services a fee can be charged for (server: the `service` of each charge). */
export const feeServiceLabels: Record<string, string> = {
  identity_card_second_copy: '2ª via da carteira de identidade',
};

export const formatCents = (cents: number) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' });

export const listCriminalRecords = (cpf: string, purpose: string) =>
  apiRequest<{ records: CriminalRecordEntry[] }>(
    `/api/criminal-records?cpf=${encodeURIComponent(cpf)}&purpose=${encodeURIComponent(purpose)}`,
  ).then((r) => r.records);

export const addCriminalRecord = (body: Omit<CriminalRecordEntry, 'id' | 'createdAt'>) =>
  apiRequest<{ id: string }>('/api/criminal-records', { method: 'POST', body });

export const changeCriminalRecordStatus = (id: string, status: CriminalRecordStatus, reason: string) =>
  apiRequest<CriminalRecordEntry>(`/api/criminal-records/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status, reason } });
