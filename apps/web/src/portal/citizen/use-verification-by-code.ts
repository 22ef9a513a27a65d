import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';

/**
 * A public check by authenticity code kept in the address (`?codigo=`, so a QR code or a shared
 * link opens the answer): the typed code, the answer or the API's error, and the form's submit.
 */
export function useVerificationByCode<T>(verify: (code: string, signal: AbortSignal) => Promise<T>) {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('codigo') ?? '';
  const [code, setCode] = useState(fromUrl);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!fromUrl) return;
    const controller = new AbortController();
    setError(null);
    verify(fromUrl.trim().toUpperCase(), controller.signal).then(setResult, (e: unknown) => {
      if (!controller.signal.aborted) {
        setResult(null);
        setError(toApiError(e));
      }
    });
    return () => controller.abort();
  }, [fromUrl, verify]);
  function submit(e: FormEvent) {
    e.preventDefault();
    setParams({ codigo: code.trim().toUpperCase() });
  }
  return { code, setCode, result, error, submit };
}
