import { useState } from 'react';
import { toApiError } from '../../shared/api/api-error';
import { createBookmark } from '../api/bookmarks-api';
import './console.css';

interface BookmarkDialogProps {
  cameraId: string;
  cameraName: string;
  /** The marked range (ms). */
  from: number;
  to: number;
  onClose(saved: boolean): void;
}

const hms = (ms: number) => new Date(ms).toLocaleTimeString('pt-BR');

/** Bookmark a moment of a camera: title (required), note and tags; visible to the operator's unit. */
export function BookmarkDialog({ cameraId, cameraName, from, to, onClose }: BookmarkDialogProps) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await createBookmark({
        cameraId,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        title,
        note,
        tags: tags
          .split(/[\s,]+/)
          .map((t) => t.trim())
          .filter(Boolean),
      });
      onClose(true);
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <div className="vigia-console-dialog" role="dialog" aria-modal="true" aria-labelledby="bookmark-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="bookmark-title">Marcar momento</h2>
        <p>
          {cameraName} · {hms(from)}–{hms(to)}
        </p>
        <label htmlFor="bm-title">Título</label>
        <input id="bm-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} autoFocus />
        <label htmlFor="bm-note">Nota</label>
        <textarea id="bm-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
        <label htmlFor="bm-tags">Etiquetas (separadas por espaço)</label>
        <input id="bm-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
        {error && <p role="alert">{error}</p>}
        <div className="vigia-console-dialog-actions">
          <button type="button" className="vigia-console-button" onClick={() => onClose(false)}>
            Cancelar
          </button>
          <button type="submit" className="vigia-console-button primary" disabled={busy || !title.trim()}>
            Salvar marcador
          </button>
        </div>
      </form>
    </div>
  );
}
