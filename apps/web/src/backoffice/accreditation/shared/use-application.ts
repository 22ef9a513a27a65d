import type { ApplicationDetail } from '@vigia/contracts';
import { useCallback } from 'react';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { getApplication } from '../../api/accreditation-api';

/** Loads one application; `replace` swaps in the detail a write returned. */
export function useApplication(id: string) {
  const load = useCallback((signal: AbortSignal) => getApplication(id, signal), [id]);
  const state = useApiData(load);
  const replace = useCallback((detail: ApplicationDetail) => state.setData(() => detail), [state.setData]);
  return { ...state, replace };
}
