import type { AnonymousManifestationBody, CitizenManifestationBody, ManifestationCreated, ManifestationFollowUp } from '@vigia/contracts';
import { solveAltcha } from '../../shared/altcha/solve-altcha';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';

/** Ombudsman routes of the portal (apps/server/src/modules/ombudsman/ombudsman.routes.ts). */
export const fileSignedIn = (body: CitizenManifestationBody) =>
  apiRequest<ManifestationCreated>('/api/citizen/ombudsman/manifestations', { method: 'POST', body });

/** Anonymous: the visitor's CSRF pair first, then the proof of work solved in a worker. */
export async function fileAnonymously(body: Omit<AnonymousManifestationBody, 'altcha'>): Promise<ManifestationCreated> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<ManifestationCreated>('/api/public/ombudsman/manifestations', { method: 'POST', body: { ...body, altcha } });
}

export const followManifestation = (protocol: string, code: string, signal?: AbortSignal) =>
  apiRequest<ManifestationFollowUp>(
    `/api/public/ombudsman/manifestations/${encodeURIComponent(protocol)}?code=${encodeURIComponent(code)}`,
    {
      signal,
    },
  );

export async function replyByProtocol(protocol: string, code: string, text: string): Promise<ManifestationFollowUp> {
  await fetchSession();
  return apiRequest<ManifestationFollowUp>(`/api/public/ombudsman/manifestations/${encodeURIComponent(protocol)}/messages`, {
    method: 'POST',
    body: { code, text },
  });
}

export const fetchMyManifestations = (signal?: AbortSignal) =>
  apiRequest<{ manifestations: ManifestationFollowUp[] }>('/api/citizen/ombudsman/manifestations', { signal });

export const replySignedIn = (id: string, text: string) =>
  apiRequest<ManifestationFollowUp>(`/api/citizen/ombudsman/manifestations/${id}/messages`, { method: 'POST', body: { text } });
