import type { PtzApprovedView, PtzStatus, PtzVelocityInput } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

const base = (cameraId: string) => `/api/ptz/${encodeURIComponent(cameraId)}`;

export const ptzApi = {
  status: (cameraId: string, signal?: AbortSignal) => apiRequest<PtzStatus>(base(cameraId), signal ? { signal } : {}),
  lock: (cameraId: string) => apiRequest<PtzStatus>(`${base(cameraId)}/lock`, { method: 'POST' }),
  release: (cameraId: string) => apiRequest<null>(`${base(cameraId)}/lock`, { method: 'DELETE' }),
  move: (cameraId: string, v: PtzVelocityInput) => apiRequest<null>(`${base(cameraId)}/move`, { method: 'POST', body: v }),
  stop: (cameraId: string) => apiRequest<null>(`${base(cameraId)}/stop`, { method: 'POST' }),
  home: (cameraId: string) => apiRequest<null>(`${base(cameraId)}/home`, { method: 'POST' }),
  savePreset: (cameraId: string, name: string) =>
    apiRequest<{ token: string }>(`${base(cameraId)}/presets`, { method: 'POST', body: { name } }),
  gotoPreset: (cameraId: string, token: string) =>
    apiRequest<null>(`${base(cameraId)}/presets/${encodeURIComponent(token)}/goto`, { method: 'POST' }),
  approvedView: (cameraId: string, signal?: AbortSignal) =>
    apiRequest<PtzApprovedView>(`${base(cameraId)}/approved-preset`, signal ? { signal } : {}),
  setApprovedView: (cameraId: string, token: string) =>
    apiRequest<null>(`${base(cameraId)}/approved-preset`, { method: 'PUT', body: { token } }),
  removePreset: (cameraId: string, token: string) =>
    apiRequest<null>(`${base(cameraId)}/presets/${encodeURIComponent(token)}`, { method: 'DELETE' }),
};
