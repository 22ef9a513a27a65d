import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';

export interface CameraPage<T> {
  items: T[];
  nextCursor: string | null;
}
export type CameraPageLoader<T> = (query: { q?: string; cursor?: string }, signal: AbortSignal) => Promise<CameraPage<T>>;

export interface CameraPages<T> {
  /** Cameras of the pages loaded so far (null before the first). */
  data: T[] | null;
  error: ApiError | null;
  loading: boolean;
  /** Name search (the server filters; the list starts over). */
  q: string;
  setQ: (q: string) => void;
  /** Loads the next page; null on the last one. */
  loadMore: (() => void) | null;
  setData: (update: (current: T[] | null) => T[] | null) => void;
}

/**
 * The cameras the user may see a page at a time (issue 13: GET /api/cameras and
 * /api/cameras/options page by name), with a name search asked of the server 300 ms after typing.
 * `load` must be stable (module-level function or useCallback).
 */
export function useCameraPages<T>(load: CameraPageLoader<T>): CameraPages<T> {
  const [data, setDataState] = useState<T[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [nextCursor, setNextCursor] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(q.trim());
      setCursor(undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load({ ...(search ? { q: search } : {}), ...(cursor ? { cursor } : {}) }, controller.signal)
      .then((page) => {
        if (controller.signal.aborted) return;
        setDataState((current) => (cursor ? [...(current ?? []), ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [load, search, cursor]);

  const more = useCallback(() => setCursor(nextCursor ?? undefined), [nextCursor]);
  const setData = useCallback((update: (current: T[] | null) => T[] | null) => setDataState(update), []);
  return { data, error, loading, q, setQ, loadMore: nextCursor && !loading ? more : null, setData };
}
