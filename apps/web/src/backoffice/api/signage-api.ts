import type { SignagePlate } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Signage plates (issue 18; seed 002): artwork per site, installation photo, committee decision. */
export const listPlates = (signal: AbortSignal, status?: SignagePlate['status']) =>
  apiRequest<{ plates: SignagePlate[] }>(`/api/signage-plates${status ? `?status=${status}` : ''}`, { signal }).then((r) => r.plates);

export const plateArtworkUrl = (cameraId: string) => `/api/signage-plates/${encodeURIComponent(cameraId)}/artwork`;
export const platePhotoUrl = (cameraId: string) => `/api/signage-plates/${encodeURIComponent(cameraId)}/photo`;

export const submitPlatePhoto = (cameraId: string, body: { fileId: string; latitude?: number; longitude?: number }) =>
  apiRequest<SignagePlate>(`/api/signage-plates/${encodeURIComponent(cameraId)}/photo`, { method: 'POST', body });

export const decidePlate = (cameraId: string, approve: boolean, reason: string) =>
  apiRequest<SignagePlate>(`/api/signage-plates/${encodeURIComponent(cameraId)}/decision`, { method: 'POST', body: { approve, reason } });
