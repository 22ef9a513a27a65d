import type { ExportCreate, ExportJob } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export const listExports = async (signal?: AbortSignal) =>
  (await apiRequest<{ exports: ExportJob[] }>('/api/exports', signal ? { signal } : {})).exports;
export const requestExport = (body: ExportCreate) => apiRequest<ExportJob>('/api/exports', { method: 'POST', body });
