import type { CameraPages } from './use-camera-pages';

/** Name search and "more" for a paged camera list or picker (issue 13). */
export function CameraSearch<T>({ id, pages }: { id: string; pages: CameraPages<T> }) {
  return (
    <div className="d-flex align-items-end flex-wrap mb-2">
      <div className="br-input mr-2">
        <label htmlFor={id}>Buscar câmera pelo nome</label>
        <input id={id} type="search" value={pages.q} onChange={(e) => pages.setQ(e.target.value)} autoComplete="off" />
      </div>
      {pages.loadMore && (
        <button type="button" className="br-button small secondary" onClick={pages.loadMore}>
          Mostrar mais câmeras
        </button>
      )}
    </div>
  );
}
