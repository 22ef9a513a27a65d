import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';

interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the loaded data locally (after a successful write). */
  setData: (update: (current: T | null) => T | null) => void;
}

/** Loads data once on mount (and on reload), aborting the request if the page goes away. */
export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>): ApiData<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal)
      .then((result) => {
        if (!controller.signal.aborted) setDataState(result);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // `load` is expected to be stable (module-level function or useCallback).
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((update: (current: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
