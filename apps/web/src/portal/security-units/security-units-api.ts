import type { MunicipalitySummary, SecurityUnit, SecurityUnitKind } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export interface UnitsQuery {
  kind: SecurityUnitKind | '';
  municipality: string;
  near: { latitude: number; longitude: number } | null;
}

export const PUBLIC_UNITS = '/api/public/security-units';
export const unitsGeoJsonUrl = `${PUBLIC_UNITS}.geojson`;
export const unitsCsvUrl = `${PUBLIC_UNITS}.csv`;

export function fetchUnits(q: UnitsQuery, signal: AbortSignal) {
  const params = new URLSearchParams();
  if (q.kind) params.set('kind', q.kind);
  if (q.municipality) params.set('municipality', q.municipality);
  if (q.near) params.set('near', `${q.near.latitude.toFixed(5)},${q.near.longitude.toFixed(5)}`);
  const query = params.toString();
  return apiRequest<{ units: SecurityUnit[]; licence: string }>(`${PUBLIC_UNITS}${query ? `?${query}` : ''}`, { signal });
}

export const fetchMunicipalities = (signal: AbortSignal) =>
  apiRequest<{ municipalities: MunicipalitySummary[] }>('/api/public/reference/municipalities', { signal }).then((r) => r.municipalities);

/** "850 m" / "12,4 km". */
export const formatDistance = (meters: number) =>
  meters < 1000 ? `${meters} m` : `${(meters / 1000).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} km`;
