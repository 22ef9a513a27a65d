import type {
  MisuseFlag,
  ReleaseCameraOption,
  ReleaseDecisionCreate,
  ReleaseNoteCreate,
  ReleaseRequest,
  ReleaseRequestCreate,
  ReleaseRequestSummary,
} from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

const base = '/api/releases';

export const listReleaseRequests = async (signal: AbortSignal) =>
  (await apiRequest<{ requests: ReleaseRequestSummary[] }>(base, { signal })).requests;
export const getReleaseRequest = (id: string, signal?: AbortSignal) =>
  apiRequest<ReleaseRequest>(`${base}/${encodeURIComponent(id)}`, signal ? { signal } : {});
export const listCameraOptions = async (signal: AbortSignal) =>
  (await apiRequest<{ cameras: ReleaseCameraOption[] }>(`${base}/camera-options`, { signal })).cameras;
export const fileReleaseRequest = (body: ReleaseRequestCreate) => apiRequest<ReleaseRequest>(base, { method: 'POST', body });
export const addReleaseNote = (id: string, body: ReleaseNoteCreate) =>
  apiRequest<ReleaseRequest>(`${base}/${encodeURIComponent(id)}/notes`, { method: 'POST', body });
export const decideReleaseRequest = (id: string, body: ReleaseDecisionCreate) =>
  apiRequest<ReleaseRequest>(`${base}/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
export const closeReleaseRequest = (id: string, reason: string) =>
  apiRequest<ReleaseRequest>(`${base}/${encodeURIComponent(id)}/close`, { method: 'POST', body: { reason } });
export const tryDownloadDelivery = (url: string) => apiRequest<unknown>(url);
export const releaseDocumentUrl = (id: string, docId: string) => `${base}/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}`;

export const listMisuseFlags = async (signal: AbortSignal) =>
  (await apiRequest<{ flags: MisuseFlag[] }>('/api/admin/misuse-flags', { signal })).flags;
export const reportMisuse = (userId: string, reason: string) =>
  apiRequest<{ flags: MisuseFlag[] }>(`/api/admin/users/${encodeURIComponent(userId)}/misuse`, {
    method: 'POST',
    body: { reason, flagPartner: true },
  });
/** "Tentar novamente": queues a failed delivery package again (the URL comes from the request's links). */
export const retryDelivery = (url: string) => apiRequest<ReleaseRequest>(url, { method: 'POST' });
