import { useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';

/** Runs one write; keeps busy/error for the form and hands the result to onDone. */
export function useWrite<T>(onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(call: () => Promise<T>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
