import type { LiveToken } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export const requestLiveToken = (cameraId: string, nonceHash: string) =>
  apiRequest<LiveToken>(`/api/live/${encodeURIComponent(cameraId)}/token`, { method: 'POST', body: { nonceHash } });
