import type { SecurityUnit, SecurityUnitInput } from '@vigia/contracts';
import { apiRequest, apiUpload } from '../../shared/api/api-client';

const ADMIN = '/api/security-units';

export const listUnits = async (signal: AbortSignal) =>
  (await apiRequest<{ units: SecurityUnit[] }>('/api/public/security-units', { signal })).units;
export const createUnit = (body: SecurityUnitInput) => apiRequest<SecurityUnit>(ADMIN, { method: 'POST', body });
export const updateUnit = (id: string, body: SecurityUnitInput) =>
  apiRequest<SecurityUnit>(`${ADMIN}/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const deleteUnit = (id: string) => apiRequest<void>(`${ADMIN}/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const unitsTemplateUrl = (format: 'csv' | 'xlsx') => `${ADMIN}/template?format=${format}`;
export function importUnits(file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ imported: number }>(`${ADMIN}/import`, form);
}
