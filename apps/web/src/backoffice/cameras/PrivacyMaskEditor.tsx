import { MASK_MAX_POINTS, MASK_MAX_POLYGONS, MASK_MIN_POINTS, type MaskPolygon } from '@vigia/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { useApiData } from '../../shared/hooks/use-api-data';
import { listSelfTests, snapshotUrl } from '../api/cameras-api';
import { getPrivacyMasks, putPrivacyMasks } from '../live/privacy-masks';

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10000) / 10000;

/**
 * Privacy masks of a camera (issue 6; SPEC §3.5): polygons drawn by clicking points over the latest
 * self-test snapshot; a polygon closes with "Fechar polígono" (≥ 3 points). Saved as normalised
 * coordinates, so they fit any resolution. Editors (owning partner, admin, committee) see the raw
 * snapshot, which they need to place the masks.
 */
export function PrivacyMaskEditor({ cameraId }: { cameraId: string }) {
  const loadTests = useCallback((signal: AbortSignal) => listSelfTests(cameraId, signal), [cameraId]);
  const tests = useApiData(loadTests);
  const snap = tests.data?.find((t) => t.hasSnapshot) ?? null;
  const [polygons, setPolygons] = useState<MaskPolygon[]>([]);
  const [draft, setDraft] = useState<MaskPolygon>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<SVGSVGElement>(null);

  useEffect(() => {
    void getPrivacyMasks(cameraId).then(
      (m) => setPolygons(m.polygons),
      (e) => setError(toApiError(e)),
    );
  }, [cameraId]);

  const click = (e: React.MouseEvent<SVGSVGElement>) => {
    const r = area.current!.getBoundingClientRect();
    if (draft.length >= MASK_MAX_POINTS) return;
    setDraft([...draft, [round((e.clientX - r.left) / r.width), round((e.clientY - r.top) / r.height)]]);
    setSaved(null);
  };
  const close = () => {
    if (draft.length < MASK_MIN_POINTS || polygons.length >= MASK_MAX_POLYGONS) return;
    setPolygons([...polygons, draft]);
    setDraft([]);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await putPrivacyMasks(cameraId, polygons);
      setPolygons(r.polygons);
      setSaved('Máscaras salvas. Valem para ao vivo, gravações e exportações de quem não tem permissão para ver sem máscara.');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const pts = (p: MaskPolygon) => p.map(([x, y]) => `${x},${y}`).join(' ');

  return (
    <section className="my-4" aria-labelledby="privacy-masks-title" data-testid="privacy-mask-editor">
      <h2 id="privacy-masks-title" className="h4">
        Máscaras de privacidade
      </h2>
      <p className="text-down-01">
        A câmera deve filmar o espaço público. Cubra janelas, quintais e outras áreas privadas: clique nos cantos da área sobre a imagem e
        use “Fechar polígono” ({MASK_MIN_POINTS}–{MASK_MAX_POINTS} pontos, até {MASK_MAX_POLYGONS} polígonos).
      </p>
      {error && <ApiErrorMessage error={error} />}
      {saved && (
        <div className="br-message success" role="status">
          {saved}
        </div>
      )}
      <div style={{ position: 'relative', maxWidth: 640, aspectRatio: '16 / 9', background: '#333' }}>
        {snap ? (
          <img
            src={snapshotUrl(cameraId, snap.id)}
            alt="Última imagem do autoteste"
            style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'fill' }}
          />
        ) : (
          <div
            style={{
              position: 'absolute',
              inset: 0,
              color: '#eee',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              padding: 16,
              textAlign: 'center',
            }}
          >
            Rode o autoteste para obter uma imagem da câmera; sem ela, desenhe sobre a área cinza (proporção do quadro).
          </div>
        )}
        <svg
          ref={area}
          viewBox="0 0 1 1"
          preserveAspectRatio="none"
          onClick={click}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'crosshair' }}
          aria-label="Área de desenho das máscaras"
        >
          {polygons.map((p, i) => (
            <polygon key={i} points={pts(p)} fill="rgba(0,0,0,.75)" stroke="#ff0" strokeWidth="0.003" />
          ))}
          {draft.length > 0 && <polyline points={pts(draft)} fill="rgba(255,255,0,.25)" stroke="#ff0" strokeWidth="0.004" />}
          {draft.map(([x, y], i) => (
            <circle key={i} cx={x} cy={y} r="0.008" fill="#ff0" />
          ))}
        </svg>
      </div>
      <div className="d-flex flex-wrap mt-2" style={{ gap: 8 }}>
        <button
          type="button"
          className="br-button secondary small"
          onClick={close}
          disabled={draft.length < MASK_MIN_POINTS || polygons.length >= MASK_MAX_POLYGONS}
        >
          Fechar polígono ({draft.length} pontos)
        </button>
        <button type="button" className="br-button secondary small" onClick={() => setDraft([])} disabled={!draft.length}>
          Descartar pontos
        </button>
        <button type="button" className="br-button primary small" onClick={() => void save()} disabled={busy || draft.length > 0}>
          Salvar máscaras
        </button>
      </div>
      <ul className="mt-2" aria-label="Polígonos">
        {polygons.map((p, i) => (
          <li key={i}>
            Polígono {i + 1} — {p.length} pontos{' '}
            <button
              type="button"
              className="br-button circle small"
              aria-label={`Remover polígono ${i + 1}`}
              onClick={() => (setPolygons(polygons.filter((_, j) => j !== i)), setSaved(null))}
            >
              <i className="fas fa-trash" aria-hidden="true" />
            </button>
          </li>
        ))}
        {!polygons.length && <li>Nenhuma máscara.</li>}
      </ul>
    </section>
  );
}
