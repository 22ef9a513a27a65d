import type { Bookmark } from '@vigia/contracts';
import { useEffect, useState } from 'react';
import { searchBookmarks } from '../api/bookmarks-api';
import { BookmarkDialog } from '../console/BookmarkDialog';

/** Bookmarks of the page's cameras in the timeline window, by camera (reloaded with `version`). */
export function useBookmarks(ids: readonly string[], win: { from: number; to: number }, enabled: boolean, version: number) {
  const [byCamera, setByCamera] = useState<Record<string, Bookmark[]>>({});
  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    for (const id of ids)
      searchBookmarks({ cameraId: id, from: new Date(win.from).toISOString(), to: new Date(win.to).toISOString() }, ctl.signal)
        .then((items) => setByCamera((m) => ({ ...m, [id]: items })))
        .catch(() => undefined);
    return () => ctl.abort();
  }, [ids, win, enabled, version]);
  return byCamera;
}

const when = (iso: string) => new Date(iso).toLocaleString('pt-BR');

interface PlaybackBookmarksProps {
  cameraId: string;
  cameraName: string;
  /** The instant at the playhead (ms), if one was picked. */
  cursor: number | undefined;
  onPick(ms: number): void;
  onSaved(): void;
}

/**
 * Bookmarks on the playback page: mark the instant at the playhead (10 s), search the unit's
 * bookmarks of this camera by text or tag, jump to one.
 */
export function PlaybackBookmarks({ cameraId, cameraName, cursor, onPick, onSaved }: PlaybackBookmarksProps) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Bookmark[]>([]);
  const [marking, setMarking] = useState<number | undefined>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    const query: Record<string, string> = { cameraId };
    const term = q.trim();
    if (term.startsWith('#')) query.tag = term.slice(1);
    else if (term) query.q = term;
    const t = window.setTimeout(
      () =>
        void searchBookmarks(query, ctl.signal)
          .then(setResults)
          .catch(() => undefined),
      250,
    );
    return () => (ctl.abort(), window.clearTimeout(t));
  }, [cameraId, q, version]);
  return (
    <section className="mt-3" aria-labelledby="pb-bookmarks-h" data-testid="playback-bookmarks">
      <h2 id="pb-bookmarks-h" className="h5">
        Marcadores
      </h2>
      <div className="d-flex align-items-end flex-wrap">
        <div className="br-input mr-2">
          <label htmlFor="pb-bookmark-search">Buscar (texto ou #etiqueta)</label>
          <input id="pb-bookmark-search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="button" className="br-button secondary small" disabled={cursor === undefined} onClick={() => setMarking(cursor)}>
          Marcar este momento
        </button>
      </div>
      <ul className="mt-2">
        {results.map((b) => (
          <li key={b.id} data-testid="bookmark-item">
            <button type="button" className="br-button small" onClick={() => onPick(Date.parse(b.from))}>
              {when(b.from)}
            </button>{' '}
            <strong>{b.title}</strong>
            {b.note && ` — ${b.note}`} {b.tags.map((t) => `#${t}`).join(' ')}
          </li>
        ))}
        {!results.length && <li>Nenhum marcador.</li>}
      </ul>
      {marking !== undefined && (
        <BookmarkDialog
          cameraId={cameraId}
          cameraName={cameraName}
          from={marking}
          to={marking + 10_000}
          onClose={(saved) => {
            setMarking(undefined);
            if (saved) {
              setVersion((v) => v + 1);
              onSaved();
            }
          }}
        />
      )}
    </section>
  );
}
