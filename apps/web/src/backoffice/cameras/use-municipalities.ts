import type { MunicipalitySummary } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';
import { useApiData } from '../../shared/hooks/use-api-data';

const load = (signal: AbortSignal) =>
  apiRequest<{ municipalities: MunicipalitySummary[] }>('/api/public/reference/municipalities', { signal }).then((r) => r.municipalities);

/** The 142 municipalities of Mato Grosso (public reference endpoint, cached by the browser for a day). */
export function useMunicipalities() {
  return useApiData(load);
}
