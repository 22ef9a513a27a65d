import type { VehicleStatus, VehicleStatusQuery, WarrantLookupInput, WarrantLookupResult } from '@vigia/contracts';
import { solveAltcha } from '../../shared/altcha/solve-altcha';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';

/**
 * The anonymous lookups. Each query takes the CSRF token (session read) and solves a fresh
 * proof-of-work challenge in a web worker (the server spends one per query).
 */
export async function lookupWarrant(query: Omit<WarrantLookupInput, 'altcha'>): Promise<WarrantLookupResult> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<WarrantLookupResult>('/api/public/warrants/lookup', { method: 'POST', body: { ...query, altcha } });
}

export async function vehicleStatus(query: Omit<VehicleStatusQuery, 'altcha'>): Promise<VehicleStatus> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<VehicleStatus>('/api/public/vehicles/status', { method: 'POST', body: { ...query, altcha } });
}
