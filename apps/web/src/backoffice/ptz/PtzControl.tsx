import type { PtzStatus, PtzVelocityInput } from '@vigia/contracts';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState, type WheelEvent } from 'react';
import { toApiError } from '../../shared/api/api-error';
import { ptzApi } from './ptz-api';

const SPEED = 0.6;
/** Keyboard: arrows pan/tilt, + / - zoom (held down: moves; released: stops). */
const keyMoves: Record<string, PtzVelocityInput> = {
  ArrowLeft: { pan: -SPEED, tilt: 0, zoom: 0 },
  ArrowRight: { pan: SPEED, tilt: 0, zoom: 0 },
  ArrowUp: { pan: 0, tilt: SPEED, zoom: 0 },
  ArrowDown: { pan: 0, tilt: -SPEED, zoom: 0 },
  '+': { pan: 0, tilt: 0, zoom: SPEED },
  '=': { pan: 0, tilt: 0, zoom: SPEED },
  '-': { pan: 0, tilt: 0, zoom: -SPEED },
};
const buttons: { label: string; icon: string; v: PtzVelocityInput }[] = [
  { label: 'Para cima', icon: 'fa-arrow-up', v: keyMoves.ArrowUp! },
  { label: 'Para a esquerda', icon: 'fa-arrow-left', v: keyMoves.ArrowLeft! },
  { label: 'Para a direita', icon: 'fa-arrow-right', v: keyMoves.ArrowRight! },
  { label: 'Para baixo', icon: 'fa-arrow-down', v: keyMoves.ArrowDown! },
  { label: 'Aproximar (zoom +)', icon: 'fa-search-plus', v: keyMoves['+']! },
  { label: 'Afastar (zoom −)', icon: 'fa-search-minus', v: keyMoves['-']! },
];

/**
 * On-screen PTZ control of one camera (issue 17): take the lock, move while a button or key is held
 * (arrows, + / −; mouse wheel zooms), home, presets. Renders nothing for a camera without PTZ.
 * Self-contained so the operations console can place it on any live tile.
 */
export function PtzControl({ cameraId }: { cameraId: string }) {
  const [st, setSt] = useState<PtzStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [presetName, setPresetName] = useState('');
  const moving = useRef(false);
  const wheelTimer = useRef<number | undefined>(undefined);

  const refresh = useCallback(
    (signal?: AbortSignal) =>
      ptzApi.status(cameraId, signal).then(
        (s) => setSt(s),
        () => undefined,
      ),
    [cameraId],
  );
  useEffect(() => {
    const ctl = new AbortController();
    void refresh(ctl.signal);
    const t = window.setInterval(() => void refresh(), 3000);
    return () => (ctl.abort(), window.clearInterval(t));
  }, [refresh]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
    } catch (e) {
      setError(toApiError(e).message);
      void refresh();
    }
  };
  const start = (v: PtzVelocityInput) => {
    moving.current = true;
    void act(() => ptzApi.move(cameraId, v));
  };
  const stop = () => {
    if (!moving.current) return;
    moving.current = false;
    void act(() => ptzApi.stop(cameraId));
  };

  if (!st?.supported) return null;
  const mine = st.lock?.mine === true;
  const onKeyDown = (e: KeyboardEvent) => {
    const v = keyMoves[e.key];
    if (!mine || !v || e.repeat) return;
    e.preventDefault();
    start(v);
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (keyMoves[e.key]) stop();
  };
  const onWheel = (e: WheelEvent) => {
    if (!mine) return;
    window.clearTimeout(wheelTimer.current);
    if (!moving.current) start({ pan: 0, tilt: 0, zoom: e.deltaY < 0 ? SPEED : -SPEED });
    wheelTimer.current = window.setTimeout(stop, 300);
  };

  return (
    <section className="br-card p-3 mt-3" aria-label="Controle PTZ" data-testid="ptz-control">
      <h2 className="h5 mt-0">Controle PTZ</h2>
      {st.takenOverBy && !mine && (
        <div className="br-message warning" role="status" data-testid="ptz-taken-over">
          Controle assumido por {st.takenOverBy}.
        </div>
      )}
      {error && (
        <div className="br-message danger" role="alert">
          {error}
        </div>
      )}
      {!mine ? (
        <p>
          {st.lock ? <span data-testid="ptz-holder">Em uso por {st.lock.holderName}. </span> : 'Ninguém está controlando esta câmera. '}
          <button type="button" className="br-button primary small" onClick={() => act(() => ptzApi.lock(cameraId).then(setSt))}>
            Assumir controle PTZ
          </button>
        </p>
      ) : (
        <div tabIndex={0} onKeyDown={onKeyDown} onKeyUp={onKeyUp} onWheel={onWheel} data-testid="ptz-pad" aria-describedby="ptz-keys">
          <p id="ptz-keys" className="text-down-01">
            Você está no controle. Segure um botão ou use as setas e + / − com este painel em foco; a roda do mouse aproxima e afasta.
          </p>
          <div className="d-flex flex-wrap" style={{ gap: 8 }}>
            {buttons.map((b) => (
              <button
                key={b.label}
                type="button"
                className="br-button circle secondary"
                aria-label={b.label}
                title={b.label}
                onPointerDown={() => start(b.v)}
                onPointerUp={stop}
                onPointerLeave={stop}
              >
                <i className={`fas ${b.icon}`} aria-hidden="true" />
              </button>
            ))}
            <button type="button" className="br-button secondary small" onClick={() => act(() => ptzApi.home(cameraId))}>
              Posição inicial
            </button>
            <button
              type="button"
              className="br-button secondary small"
              onClick={() => act(() => ptzApi.release(cameraId).then(() => refresh()))}
            >
              Liberar controle
            </button>
          </div>
          <form
            className="d-flex mt-3"
            style={{ gap: 8 }}
            onSubmit={(e) => {
              e.preventDefault();
              const name = presetName.trim();
              if (name) void act(() => ptzApi.savePreset(cameraId, name).then(() => (setPresetName(''), refresh())));
            }}
          >
            <div className="br-input">
              <label htmlFor={`ptz-preset-${cameraId}`}>Nome do preset</label>
              <input id={`ptz-preset-${cameraId}`} value={presetName} maxLength={60} onChange={(e) => setPresetName(e.target.value)} />
            </div>
            <button type="submit" className="br-button secondary small align-self-end">
              Salvar posição como preset
            </button>
          </form>
        </div>
      )}
      {st.presets.length > 0 && (
        <ul className="list-unstyled mt-3 mb-0" data-testid="ptz-presets">
          {st.presets.map((p) => (
            <li key={p.token} className="mb-1">
              {p.name}
              {p.token === st.approvedPresetToken && <span className="br-tag bg-success text-white ml-2">Vista aprovada</span>}
              {mine && (
                <>
                  <button
                    type="button"
                    className="br-button tertiary small ml-2"
                    onClick={() => act(() => ptzApi.gotoPreset(cameraId, p.token))}
                  >
                    Ir
                  </button>
                  {p.token !== st.approvedPresetToken && (
                    <button
                      type="button"
                      className="br-button tertiary small"
                      onClick={() => act(() => ptzApi.removePreset(cameraId, p.token).then(() => refresh()))}
                    >
                      Remover
                    </button>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
