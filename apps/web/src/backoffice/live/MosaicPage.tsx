import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraPages } from '../cameras/use-camera-pages';
import { LivePlayer } from './LivePlayer';

export const mosaicSizes = [1, 4, 9, 16] as const;
type MosaicSize = (typeof mosaicSizes)[number];

/**
 * /app/operacoes/mosaico?n=9&c=id1,id2,… — 1, 4, 9 or 16 cameras live. Tiles start with the first
 * cameras of the list (GET /api/cameras/options, scope applied by the server); each tile can be changed.
 * The layout is in the address, so a mosaic can be bookmarked.
 */
export function MosaicPage() {
  useDocumentTitle('Mosaico ao vivo');
  const cams = useCameraPages(listCameraOptions);
  const [params, setParams] = useSearchParams();
  const n = (mosaicSizes as readonly number[]).includes(Number(params.get('n'))) ? (Number(params.get('n')) as MosaicSize) : 4;
  const chosen = useMemo(() => (params.get('c') ?? '').split(',').filter(Boolean), [params]);
  const grid = useRef<HTMLDivElement>(null);
  const [, force] = useState(0);

  const items = cams.data ?? [];
  const tiles = useMemo(() => {
    const ids = items.map((c) => c.id);
    return Array.from({ length: n }, (_, i): string | null => {
      if (!chosen.length) return ids[i] ?? null;
      const pick = chosen[i];
      return pick && ids.includes(pick) ? pick : null;
    });
  }, [items, chosen, n]);

  useEffect(() => {
    const onFs = () => force((x) => x + 1);
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, []);

  const setSize = (size: MosaicSize) =>
    setParams(
      (p) => {
        p.set('n', String(size));
        return p;
      },
      { replace: true },
    );
  const setTile = (i: number, id: string) =>
    setParams(
      (p) => {
        const next = [...tiles].map((x) => x ?? '-');
        next[i] = id || '-';
        p.set('c', next.join(','));
        return p;
      },
      { replace: true },
    );
  const cols = Math.sqrt(n);

  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Mosaico' }]} />
      <h1>Mosaico ao vivo</h1>
      <div className="d-flex align-items-center flex-wrap mb-2" role="group" aria-label="Tamanho do mosaico">
        {mosaicSizes.map((s) => (
          <button
            key={s}
            type="button"
            className={`br-button small mr-1 ${s === n ? 'primary' : 'secondary'}`}
            aria-pressed={s === n}
            onClick={() => setSize(s)}
          >
            {s === 1 ? '1 câmera' : `${Math.sqrt(s)}×${Math.sqrt(s)}`}
          </button>
        ))}
        <button type="button" className="br-button small secondary ml-auto" onClick={() => void grid.current?.requestFullscreen?.()}>
          <i className="fas fa-expand mr-1" aria-hidden="true" /> Tela cheia
        </button>
      </div>
      <CameraSearch id="mosaic-camera-search" pages={cams} />
      {cams.loading && <Loading />}
      {cams.error && <ApiErrorMessage error={cams.error} />}
      {cams.data && (
        <div ref={grid} className="vigia-mosaic" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }} data-testid="mosaic">
          {tiles.map((id, i) => {
            const cam = items.find((c) => c.id === id);
            return (
              <div className="vigia-mosaic-tile" key={`${i}-${id ?? 'none'}`}>
                {cam ? <LivePlayer cameraId={cam.id} title={cam.name} compact /> : <div className="vigia-mosaic-empty">Sem câmera</div>}
                <select
                  className="vigia-mosaic-pick"
                  aria-label={`Câmera do quadro ${i + 1}`}
                  value={id ?? ''}
                  onChange={(e) => setTile(i, e.target.value)}
                >
                  <option value="">— nenhuma —</option>
                  {items.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      )}
    </>
  );
}
