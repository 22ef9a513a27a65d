import type { CameraEvent, CameraEventKind } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export interface EventFilter {
  kind?: CameraEventKind | undefined;
  cameraId?: string | undefined;
}

export const listEvents = (filter: EventFilter, signal: AbortSignal) => {
  const q = new URLSearchParams();
  if (filter.kind) q.set('kind', filter.kind);
  if (filter.cameraId) q.set('cameraId', filter.cameraId);
  const qs = q.toString();
  return apiRequest<{ events: CameraEvent[] }>(`/api/events${qs ? `?${qs}` : ''}`, { signal }).then((r) => r.events);
};
