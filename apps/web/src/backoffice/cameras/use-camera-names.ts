import { useEffect, useState } from 'react';
import { getCamera } from '../api/cameras-api';

/**
 * Names of a few given cameras (a page's own cameras may be beyond the pickers' first page, issue
 * 13): each read once with GET /api/cameras/:id, inside the user's scope; "Câmera" until then or
 * when it is not visible.
 */
export function useCameraNames(ids: readonly string[]): (id: string) => string {
  const key = ids.filter(Boolean).join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void Promise.all(
      key.split(',').map((id) =>
        getCamera(id, controller.signal).then(
          (c) => [id, c.name] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      if (controller.signal.aborted) return;
      setNames((prev) => new Map([...prev, ...found.filter((x) => x !== null)]));
    });
    return () => controller.abort();
  }, [key]);
  return (id) => names.get(id) ?? 'Câmera';
}
