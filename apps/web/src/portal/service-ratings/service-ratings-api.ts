import type { PendingRating, RatedServiceId, ServicePerformanceReport, ServiceRating } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Service ratings (apps/server/src/modules/service-ratings). */
export const SERVICE_PERFORMANCE_URL = '/api/public/service-performance.json';

export const fetchPerformance = (signal?: AbortSignal) => apiRequest<ServicePerformanceReport>(SERVICE_PERFORMANCE_URL, { signal });

export const fetchPendingRatings = (signal?: AbortSignal) =>
  apiRequest<{ pending: PendingRating[] }>('/api/citizen/service-ratings/pending', { signal });

export const rateService = (body: { service: RatedServiceId; requestId: string; score: number; comment: string | null }) =>
  apiRequest<ServiceRating>('/api/citizen/service-ratings', { method: 'POST', body });
