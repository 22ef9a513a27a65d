import type { Integration, IntegrationCreate, IntegrationWithSecret } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export const listIntegrations = (signal: AbortSignal) =>
  apiRequest<{ items: Integration[] }>('/api/admin/integrations', { signal }).then((r) => r.items);
export const createIntegration = (input: IntegrationCreate) =>
  apiRequest<IntegrationWithSecret>('/api/admin/integrations', { method: 'POST', body: input });
export const rotateIntegration = (id: string) =>
  apiRequest<IntegrationWithSecret>(`/api/admin/integrations/${encodeURIComponent(id)}/rotate`, { method: 'POST', body: {} });
export const revokeIntegration = (id: string, reason: string) =>
  apiRequest<Integration>(`/api/admin/integrations/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } });
