import { useState } from 'react';
import { ptzButtons, usePtz } from './use-ptz';

/**
 * On-screen PTZ control of one camera (issue 17): take the lock, move while a button or key is held
 * (arrows, + / −; mouse wheel zooms), home, presets. Renders nothing for a camera without PTZ. The
 * console's tiles use the compact `PtzTileControl`.
 */
export function PtzControl({ cameraId }: { cameraId: string }) {
  const p = usePtz(cameraId);
  const [presetName, setPresetName] = useState('');
  const { st, mine } = p;
  if (!st?.supported) return null;

  return (
    <section className="br-card p-3 mt-3" aria-label="Controle PTZ" data-testid="ptz-control">
      <h2 className="h5 mt-0">Controle PTZ</h2>
      {st.takenOverBy && !mine && (
        <div className="br-message warning" role="status" data-testid="ptz-taken-over">
          Controle assumido por {st.takenOverBy}.
        </div>
      )}
      {p.error && (
        <div className="br-message danger" role="alert">
          {p.error}
        </div>
      )}
      {!mine ? (
        <p>
          {st.lock ? <span data-testid="ptz-holder">Em uso por {st.lock.holderName}. </span> : 'Ninguém está controlando esta câmera. '}
          <button type="button" className="br-button primary small" onClick={p.take}>
            Assumir controle PTZ
          </button>
        </p>
      ) : (
        <div tabIndex={0} onKeyDown={p.onKeyDown} onKeyUp={p.onKeyUp} onWheel={p.onWheel} data-testid="ptz-pad" aria-describedby="ptz-keys">
          <p id="ptz-keys" className="text-down-01">
            Você está no controle. Segure um botão ou use as setas e + / − com este painel em foco; a roda do mouse aproxima e afasta.
          </p>
          <div className="d-flex flex-wrap" style={{ gap: 8 }}>
            {ptzButtons.map((b) => (
              <button
                key={b.label}
                type="button"
                className="br-button circle secondary"
                aria-label={b.label}
                title={b.label}
                onPointerDown={() => p.start(b.v)}
                onPointerUp={p.stop}
                onPointerLeave={p.stop}
              >
                <i className={`fas ${b.icon}`} aria-hidden="true" />
              </button>
            ))}
            <button type="button" className="br-button secondary small" onClick={p.home}>
              Posição inicial
            </button>
            <button type="button" className="br-button secondary small" onClick={p.release}>
              Liberar controle
            </button>
          </div>
          <form
            className="d-flex mt-3"
            style={{ gap: 8 }}
            onSubmit={(e) => {
              e.preventDefault();
              const name = presetName.trim();
              if (name) void p.savePreset(name).then(() => setPresetName(''));
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
          {st.presets.map((x) => (
            <li key={x.token} className="mb-1">
              {x.name}
              {x.token === st.approvedPresetToken && <span className="br-tag bg-success text-white ml-2">Vista aprovada</span>}
              {mine && (
                <>
                  <button type="button" className="br-button tertiary small ml-2" onClick={() => p.gotoPreset(x.token)}>
                    Ir
                  </button>
                  {x.token !== st.approvedPresetToken && (
                    <button type="button" className="br-button tertiary small" onClick={() => p.removePreset(x.token)}>
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

/**
 * The PTZ control on a console tile (dark, compact, over the picture): who holds the lock — or that
 * someone took it over from me —, "Assumir PTZ", and for the holder a pad (hold to move; arrows and
 * + / − with the pad in focus; the wheel zooms), home, release, presets (go to, save the position).
 * Renders nothing for a camera without PTZ.
 */
export function PtzTileControl({ cameraId, cameraName }: { cameraId: string; cameraName: string }) {
  const p = usePtz(cameraId);
  const [presetName, setPresetName] = useState('');
  const { st, mine } = p;
  if (!st?.supported) return null;
  const holder = mine ? 'PTZ: você está no controle' : st.lock ? `PTZ em uso por ${st.lock.holderName}` : 'PTZ livre';
  const pad: Record<string, string> = {
    'Para cima': 'up',
    'Para a esquerda': 'left',
    'Para a direita': 'right',
    'Para baixo': 'down',
    'Aproximar (zoom +)': 'zin',
    'Afastar (zoom −)': 'zout',
  };

  return (
    <section
      className="vigia-ptz"
      aria-label={`Controle PTZ de ${cameraName}`}
      data-testid="ptz-control"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={() => undefined}
    >
      <p className="vigia-ptz-holder" data-testid="ptz-holder">
        {holder}
      </p>
      {st.takenOverBy && !mine && (
        <p className="vigia-ptz-warn" role="status" data-testid="ptz-taken-over">
          Controle assumido por {st.takenOverBy}.
        </p>
      )}
      {p.error && (
        <p className="vigia-ptz-warn" role="alert">
          {p.error}
        </p>
      )}
      {!mine ? (
        <button type="button" className="vigia-console-button small primary" onClick={p.take}>
          Assumir PTZ
        </button>
      ) : (
        <>
          <div
            className="vigia-ptz-pad"
            tabIndex={0}
            onKeyDown={p.onKeyDown}
            onKeyUp={p.onKeyUp}
            onWheel={p.onWheel}
            data-testid="ptz-pad"
            aria-label="Setas movem, + e − aproximam e afastam (segure)"
          >
            {ptzButtons.map((b) => (
              <button
                key={b.label}
                type="button"
                className={`vigia-console-button small vigia-ptz-${pad[b.label]}`}
                aria-label={b.label}
                title={b.label}
                onPointerDown={() => p.start(b.v)}
                onPointerUp={p.stop}
                onPointerLeave={p.stop}
              >
                <i className={`fas ${b.icon}`} aria-hidden="true" />
              </button>
            ))}
            <button
              type="button"
              className="vigia-console-button small vigia-ptz-home"
              onClick={p.home}
              aria-label="Posição inicial"
              title="Posição inicial"
            >
              <i className="fas fa-home" aria-hidden="true" />
            </button>
          </div>
          {st.presets.length > 0 && (
            <ul className="vigia-ptz-presets" data-testid="ptz-presets">
              {st.presets.map((x) => (
                <li key={x.token}>
                  <button
                    type="button"
                    className="vigia-console-button small"
                    onClick={() => p.gotoPreset(x.token)}
                    title="Ir para o preset"
                  >
                    {x.name}
                    {x.token === st.approvedPresetToken ? ' (vista aprovada)' : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="vigia-ptz-save"
            onSubmit={(e) => {
              e.preventDefault();
              const name = presetName.trim();
              if (name) void p.savePreset(name).then(() => setPresetName(''));
            }}
          >
            <label htmlFor={`ptz-tile-preset-${cameraId}`} className="sr-only">
              Nome do preset
            </label>
            <input
              id={`ptz-tile-preset-${cameraId}`}
              value={presetName}
              maxLength={60}
              placeholder="Nome do preset"
              onChange={(e) => setPresetName(e.target.value)}
            />
            <button type="submit" className="vigia-console-button small">
              Salvar preset
            </button>
          </form>
          <button type="button" className="vigia-console-button small" onClick={p.release}>
            Liberar PTZ
          </button>
        </>
      )}
    </section>
  );
}
