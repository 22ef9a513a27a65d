import type {
  Camera,
  CameraCreateInput,
  CameraSharingConsent,
  ConsentMeans,
  IntegratorClient,
  IntegratorClientInput,
  SelfTestBatch,
} from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Integrator portfolio, client consent and batch self-tests (issue 18; Art. 15; BH + Segura). */
export const listClients = (signal: AbortSignal) =>
  apiRequest<{ clients: IntegratorClient[] }>('/api/integrator/clients', { signal }).then((r) => r.clients);

export const addClient = (body: IntegratorClientInput) => apiRequest<IntegratorClient>('/api/integrator/clients', { method: 'POST', body });

export const getClient = (clientId: string, signal: AbortSignal) =>
  apiRequest<IntegratorClient>(`/api/integrator/clients/${encodeURIComponent(clientId)}`, { signal });

/** A client's camera, managed by the company (it streams only once the client consents). */
export const createClientCamera = (clientId: string, body: CameraCreateInput) =>
  apiRequest<Camera>(`/api/integrator/clients/${encodeURIComponent(clientId)}/cameras`, { method: 'POST', body });

export const requestConsent = (clientId: string, cameraIds: string[], means: ConsentMeans) =>
  apiRequest<CameraSharingConsent>(`/api/integrator/clients/${encodeURIComponent(clientId)}/consents`, {
    method: 'POST',
    body: { cameraIds, means },
  });

export const consentTermUrl = (consentId: string) => `/api/integrator/consents/${encodeURIComponent(consentId)}/term`;

export const recordSignedTerm = (consentId: string, signedFileId: string, signerName: string) =>
  apiRequest<CameraSharingConsent>(`/api/integrator/consents/${encodeURIComponent(consentId)}/signed-term`, {
    method: 'POST',
    body: { signedFileId, signerName },
  });

export const startSelfTestBatch = (clientPartnerId?: string) =>
  apiRequest<SelfTestBatch>('/api/integrator/self-test-batches', { method: 'POST', body: clientPartnerId ? { clientPartnerId } : {} });

export const getSelfTestBatch = (id: string, signal?: AbortSignal) =>
  apiRequest<SelfTestBatch>(`/api/integrator/self-test-batches/${encodeURIComponent(id)}`, signal ? { signal } : {});

/** The client's side (partner user): its shared cameras, who manages them, and revocation. */
export const listOwnSharing = (signal: AbortSignal) =>
  apiRequest<{ consents: CameraSharingConsent[] }>('/api/partner/camera-sharing', { signal }).then((r) => r.consents);

export const revokeOwnSharing = (id: string) =>
  apiRequest<CameraSharingConsent>(`/api/partner/camera-sharing/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
