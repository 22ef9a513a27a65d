import type { ApplicationDetail } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';

/** Runs one write that returns the new application detail; keeps busy/error/done for the form. */
export function useAction(onDone: (detail: ApplicationDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function run(call: () => Promise<ApplicationDetail>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      onDone(await call());
      setDone(true);
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run };
}
