import { useEffect } from 'react';

/** Sets the tab title as "<page> — Vigia Mais MT". */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} — Vigia Mais MT`;
  }, [page]);
}
