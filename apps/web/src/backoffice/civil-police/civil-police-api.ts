import type { VehicleRecord, VehicleRecordInput, Warrant, WarrantInput, WarrantStatusChange } from '@vigia/contracts';
import { apiRequest, apiUpload } from '../../shared/api/api-client';

const WARRANTS = '/api/warrants';
const VEHICLES = '/api/vehicle-records';

export const listWarrants = async (signal: AbortSignal) => (await apiRequest<{ warrants: Warrant[] }>(WARRANTS, { signal })).warrants;
export const registerWarrant = (body: WarrantInput) => apiRequest<Warrant>(WARRANTS, { method: 'POST', body });
export const changeWarrantStatus = (id: string, body: WarrantStatusChange) =>
  apiRequest<Warrant>(`${WARRANTS}/${encodeURIComponent(id)}/status`, { method: 'POST', body });

export const listVehicles = async (q: string, signal: AbortSignal) =>
  (await apiRequest<{ vehicles: VehicleRecord[] }>(`${VEHICLES}?q=${encodeURIComponent(q)}`, { signal })).vehicles;
export const createVehicle = (body: VehicleRecordInput) => apiRequest<VehicleRecord>(VEHICLES, { method: 'POST', body });
export const vehiclesTemplateUrl = (format: 'csv' | 'xlsx') => `${VEHICLES}/template?format=${format}`;
export function importVehicles(file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ imported: number }>(`${VEHICLES}/import`, form);
}
