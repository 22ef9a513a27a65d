import type { ConsoleCamera, ConsoleLayout, ConsoleLayoutInput } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export const listConsoleCameras = (signal: AbortSignal) =>
  apiRequest<{ items: ConsoleCamera[] }>('/api/console/cameras', { signal }).then((r) => r.items);
export const listLayouts = (signal?: AbortSignal) =>
  apiRequest<{ items: ConsoleLayout[] }>('/api/console/layouts', signal ? { signal } : {}).then((r) => r.items);
export const createLayout = (body: ConsoleLayoutInput) => apiRequest<ConsoleLayout>('/api/console/layouts', { method: 'POST', body });
export const updateLayout = (id: string, body: ConsoleLayoutInput) =>
  apiRequest<ConsoleLayout>(`/api/console/layouts/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const deleteLayout = (id: string) => apiRequest<void>(`/api/console/layouts/${encodeURIComponent(id)}`, { method: 'DELETE' });
