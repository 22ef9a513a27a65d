import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';

/** A lookup form's state: the answer, the error, and "busy" while the proof of work and the query run. */
export function useLookup<T>(run: () => Promise<T>) {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      setResult(await run());
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return { result, error, busy, submit };
}
