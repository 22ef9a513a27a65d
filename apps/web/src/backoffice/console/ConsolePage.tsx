import { type ConsoleGrid, type ConsoleLayout, consoleGrids, gridTiles } from '@vigia/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../shared/api/api-error';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { LivePlayer } from '../live/LivePlayer';
import { PtzTileControl } from '../ptz/PtzControl';
import { BookmarkDialog } from './BookmarkDialog';
import { CAMERA_DRAG_TYPE, CameraTree } from './CameraTree';
import { createLayout, deleteLayout, listConsoleCameras, listLayouts, updateLayout } from './console-api';
import { gridStyle, keyAction, placeCamera, tourGroup, tourGroups } from './console-layout';
import { type ConsoleState, ConsoleSync } from './console-sync';
import { ReplayPlayer } from './ReplayPlayer';
import './console.css';

const gridLabels: Record<ConsoleGrid, string> = { '1': '1', '2x2': '2×2', '3x3': '3×3', '4x4': '4×4', '1+5': '1+5', '1+7': '1+7' };
const REPLAY_SECONDS = [10, 30, 60] as const;
const BOOKMARK_SECONDS = 30;

/**
 * /app/operacoes/console — the operators' console (issue 17): full window, dark, a collapsible
 * camera tree, layouts 1/2×2/3×3/4×4/1+5/1+7 filled by drag and drop, saved personal and shared
 * layouts, tours, windows kept in sync (multi-monitor), keyboard shortcuts, instant replay and
 * bookmarks. Tiles are the live player of the rest of the back office; the selected or hovered
 * tile of a PTZ camera shows its PTZ control and who holds the lock.
 */
export function ConsolePage() {
  useDocumentTitle('Console de operações');
  const cams = useApiData(listConsoleCameras);
  const layouts = useApiData(listLayouts);
  const [grid, setGrid] = useState<ConsoleGrid>('2x2');
  const [cameras, setCameras] = useState<Array<string | null>>([]);
  const [layoutId, setLayoutId] = useState<string | null>(null);
  const [tourSeconds, setTourSeconds] = useState<number | null>(null);
  const [touring, setTouring] = useState(false);
  const [step, setStep] = useState(0);
  const [selected, setSelected] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const [panel, setPanel] = useState(true);
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'personal' | 'shared'>('personal');
  const [message, setMessage] = useState<string>();
  const [replays, setReplays] = useState<Record<number, { from: number; seconds: number }>>({});
  const [reason, setReason] = useState('');
  const [pendingReplay, setPendingReplay] = useState<{ tile: number; seconds: number } | null>(null);
  const [bookmark, setBookmark] = useState<{ cameraId: string; from: number; to: number } | null>(null);

  const tiles = gridTiles[grid];
  const shown = useMemo(
    () => (touring ? tourGroup(cameras, tiles, step) : Array.from({ length: tiles }, (_, i) => cameras[i] ?? null)),
    [cameras, tiles, touring, step],
  );
  const nameOf = useCallback((id: string) => cams.data?.find((c) => c.id === id)?.name ?? 'Câmera', [cams.data]);
  /** PTZ known to be absent: no control (and no device round trip) on hover. */
  const noPtz = useCallback((id: string) => cams.data?.find((c) => c.id === id)?.ptz === false, [cams.data]);

  // ---- windows in sync (multi-monitor) ----
  const state: ConsoleState = { grid, cameras, tourSeconds, touring, layoutId };
  const stateRef = useRef(state);
  stateRef.current = state;
  const lastRemote = useRef<string>('');
  const sync = useRef<ConsoleSync | null>(null);
  useEffect(() => {
    const s = new ConsoleSync(
      (remote) => {
        lastRemote.current = JSON.stringify(remote);
        setGrid(remote.grid);
        setCameras(remote.cameras);
        setTourSeconds(remote.tourSeconds);
        setTouring(remote.touring);
        setLayoutId(remote.layoutId);
      },
      () => s.publish(stateRef.current),
    );
    sync.current = s;
    s.hello();
    return () => s.close();
  }, []);
  const json = JSON.stringify(state);
  useEffect(() => {
    if (json !== lastRemote.current) sync.current?.publish(JSON.parse(json) as ConsoleState);
  }, [json]);

  // ---- tour ----
  useEffect(() => {
    if (!touring || !tourSeconds || tourGroups(cameras, tiles) < 2) return;
    const t = window.setInterval(() => setStep((s) => s + 1), tourSeconds * 1000);
    return () => window.clearInterval(t);
  }, [touring, tourSeconds, cameras, tiles]);

  const place = (tile: number, cameraId: string | null) => {
    setCameras((c) => placeCamera(c, grid, (touring ? (step % tourGroups(c, tiles)) * tiles : 0) + tile, cameraId));
    setReplays(({ [tile]: _, ...rest }) => rest);
  };
  const startReplay = (tile: number, seconds: number) => {
    if (!shown[tile]) return;
    if (!reason) return setPendingReplay({ tile, seconds });
    setReplays((r) => ({ ...r, [tile]: { from: Date.now() - seconds * 1000, seconds } }));
  };
  const markMoment = (tile: number) => {
    const id = shown[tile];
    if (id) setBookmark({ cameraId: id, from: Date.now() - BOOKMARK_SECONDS * 1000, to: Date.now() });
  };

  // ---- keyboard ----
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (bookmark || pendingReplay) return;
    const a = keyAction(e);
    if (!a) return;
    e.preventDefault();
    if (a.kind === 'select') setSelected(Math.min(a.tile, tiles - 1));
    else if (a.kind === 'fullscreen') void document.querySelector<HTMLElement>(`[data-tile="${selected}"]`)?.requestFullscreen?.();
    else if (a.kind === 'replay') startReplay(selected, a.seconds);
    else if (a.kind === 'live') setReplays(({ [selected]: _, ...rest }) => rest);
    else if (a.kind === 'bookmark') markMoment(selected);
    else if (a.kind === 'panel') setPanel((p) => !p);
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  // ---- layouts ----
  const load = (l: ConsoleLayout) => {
    setLayoutId(l.id);
    setGrid(l.grid);
    setCameras(l.cameras);
    setTourSeconds(l.tourSeconds);
    setTouring(false);
    setStep(0);
    setReplays({});
    setName(l.name);
    setScope(l.scope);
  };
  const current = layouts.data?.find((l) => l.id === layoutId);
  const save = async (asNew: boolean) => {
    setMessage(undefined);
    const body = { name: name.trim(), scope, grid, cameras, tourSeconds };
    try {
      // The same name updates the layout on screen (when it is yours); another name saves a new one.
      const saved = !asNew && current?.mine && current.name === body.name ? await updateLayout(current.id, body) : await createLayout(body);
      setLayoutId(saved.id);
      layouts.reload();
      setMessage(`Layout “${saved.name}” salvo.`);
    } catch (e) {
      setMessage(toApiError(e).message);
    }
  };
  const remove = async () => {
    if (!current?.mine) return;
    await deleteLayout(current.id).catch((e: unknown) => setMessage(toApiError(e).message));
    setLayoutId(null);
    layouts.reload();
  };

  const g = gridStyle(grid);
  return (
    <div className={`vigia-console${panel ? '' : ' panel-closed'}`} data-testid="console">
      {panel && (
        <aside className="vigia-console-panel" aria-label="Painel do console">
          <div className="vigia-console-head">
            <Link to="/" className="vigia-console-link">
              ← Vigia Mais MT
            </Link>
            <button type="button" className="vigia-console-button" onClick={() => setPanel(false)} aria-label="Recolher painel (P)">
              <i className="fas fa-angle-double-left" aria-hidden="true" />
            </button>
          </div>
          <label htmlFor="console-search">Buscar câmera</label>
          <input
            id="console-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Nome, parceiro, município ou região"
          />
          {cams.error && <p role="alert">{cams.error.message}</p>}
          {cams.data && <CameraTree cameras={cams.data} search={search} onPick={(id) => place(selected, id)} />}
          <section aria-labelledby="console-layouts-h">
            <h2 id="console-layouts-h">Layouts salvos</h2>
            <ul className="vigia-console-layouts">
              {(layouts.data ?? []).map((l) => (
                <li key={l.id}>
                  <button type="button" className={`vigia-console-button${l.id === layoutId ? ' primary' : ''}`} onClick={() => load(l)}>
                    {l.name}{' '}
                    <span className="vigia-console-muted">
                      ({gridLabels[l.grid]}
                      {l.tourSeconds ? `, ronda ${l.tourSeconds} s` : ''}
                      {l.scope === 'shared' ? ', unidade' : ''})
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <form
              className="vigia-console-save"
              onSubmit={(e) => {
                e.preventDefault();
                void save(false);
              }}
            >
              <label htmlFor="layout-name">Nome do layout</label>
              <input id="layout-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
              <label htmlFor="layout-scope">Visível para</label>
              <select id="layout-scope" value={scope} onChange={(e) => setScope(e.target.value as 'personal' | 'shared')}>
                <option value="personal">Só para mim</option>
                <option value="shared">Minha unidade</option>
              </select>
              <label htmlFor="layout-tour">Ronda: trocar o grupo de câmeras a cada (segundos)</label>
              <input
                id="layout-tour"
                type="number"
                min={5}
                max={3600}
                value={tourSeconds ?? ''}
                onChange={(e) => setTourSeconds(e.target.value ? Number(e.target.value) : null)}
              />
              <div className="vigia-console-row">
                <button type="submit" className="vigia-console-button primary" disabled={!name.trim()}>
                  Salvar layout
                </button>
                {current?.mine && (
                  <>
                    <button type="button" className="vigia-console-button" onClick={() => void save(true)}>
                      Salvar como novo
                    </button>
                    <button type="button" className="vigia-console-button" onClick={() => void remove()}>
                      Excluir
                    </button>
                  </>
                )}
              </div>
              {message && <p role="status">{message}</p>}
            </form>
          </section>
          <p className="vigia-console-muted vigia-console-keys">
            Teclas: 1–9 quadro · F tela cheia · R replay 30 s (Alt 10 s, Shift 60 s) · L ao vivo · B marcar · P painel
          </p>
        </aside>
      )}
      <div className="vigia-console-main">
        <div className="vigia-console-toolbar" role="toolbar" aria-label="Layout">
          {!panel && (
            <button type="button" className="vigia-console-button" onClick={() => setPanel(true)} aria-label="Mostrar painel (P)">
              <i className="fas fa-angle-double-right" aria-hidden="true" />
            </button>
          )}
          {consoleGrids.map((k) => (
            <button
              key={k}
              type="button"
              className={`vigia-console-button${k === grid ? ' primary' : ''}`}
              aria-pressed={k === grid}
              onClick={() => {
                setGrid(k);
                setSelected((s) => Math.min(s, gridTiles[k] - 1));
              }}
            >
              {gridLabels[k]}
            </button>
          ))}
          <span className="vigia-console-sep" />
          <button
            type="button"
            className={`vigia-console-button${touring ? ' primary' : ''}`}
            aria-pressed={touring}
            disabled={!tourSeconds}
            title={tourSeconds ? undefined : 'Defina o intervalo da ronda no painel'}
            onClick={() => {
              setStep(0);
              setTouring((t) => !t);
            }}
          >
            {touring ? 'Parar ronda' : 'Iniciar ronda'}
          </button>
          {touring && (
            <span className="vigia-console-muted" data-testid="tour-step">
              Grupo {(step % tourGroups(cameras, tiles)) + 1} de {tourGroups(cameras, tiles)}
            </span>
          )}
          <button type="button" className="vigia-console-button" onClick={() => window.open(window.location.href, '_blank', 'popup')}>
            Nova janela
          </button>
        </div>
        <div
          className="vigia-console-grid"
          data-grid={grid}
          style={{ gridTemplateColumns: `repeat(${g.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${g.rows}, minmax(0, 1fr))` }}
        >
          {shown.map((id, i) => (
            <div
              key={i}
              data-tile={i}
              data-camera-id={id ?? ''}
              className={`vigia-console-tile${i === selected ? ' selected' : ''}`}
              style={i === 0 && g.big ? { gridColumn: `span ${g.big.span}`, gridRow: `span ${g.big.span}` } : undefined}
              onClick={() => setSelected(i)}
              onKeyDown={() => undefined}
              onMouseEnter={() => setHovered(i)}
              onMouseLeave={() => setHovered((h) => (h === i ? null : h))}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
              }}
              onDrop={(e) => {
                e.preventDefault();
                const cam = e.dataTransfer.getData(CAMERA_DRAG_TYPE) || e.dataTransfer.getData('text/plain');
                if (cam && cams.data?.some((c) => c.id === cam)) {
                  place(i, cam);
                  setSelected(i);
                }
              }}
              aria-label={`Quadro ${i + 1}${id ? `: ${nameOf(id)}` : ' vazio'}`}
            >
              <span className="vigia-console-tile-number">{i + 1}</span>
              {id ? (
                replays[i] ? (
                  <ReplayPlayer
                    cameraId={id}
                    title={nameOf(id)}
                    from={replays[i].from}
                    seconds={replays[i].seconds}
                    reason={reason}
                    onLive={() => setReplays(({ [i]: _, ...rest }) => rest)}
                  />
                ) : (
                  <LivePlayer key={id} cameraId={id} title={nameOf(id)} compact />
                )
              ) : (
                <div className="vigia-console-empty">Arraste uma câmera para cá</div>
              )}
              {id && !replays[i] && (i === selected || i === hovered) && !noPtz(id) && (
                <PtzTileControl key={id} cameraId={id} cameraName={nameOf(id)} />
              )}
              {id && (
                <div className="vigia-console-tile-actions">
                  {REPLAY_SECONDS.map((s) => (
                    <button key={s} type="button" className="vigia-console-button small" onClick={() => startReplay(i, s)}>
                      −{s} s
                    </button>
                  ))}
                  <button type="button" className="vigia-console-button small" onClick={() => markMoment(i)}>
                    Marcar
                  </button>
                  <button
                    type="button"
                    className="vigia-console-button small"
                    onClick={() => place(i, null)}
                    aria-label={`Esvaziar quadro ${i + 1}`}
                  >
                    ×
                  </button>
                </div>
              )}
            </div>
          ))}
        </div>
      </div>
      {pendingReplay && (
        <ReasonDialog
          onConfirm={(r) => {
            setReason(r);
            const p = pendingReplay;
            setPendingReplay(null);
            setReplays((x) => ({ ...x, [p.tile]: { from: Date.now() - p.seconds * 1000, seconds: p.seconds } }));
          }}
          onCancel={() => setPendingReplay(null)}
        />
      )}
      {bookmark && (
        <BookmarkDialog
          cameraId={bookmark.cameraId}
          cameraName={nameOf(bookmark.cameraId)}
          from={bookmark.from}
          to={bookmark.to}
          onClose={(saved) => {
            setBookmark(null);
            if (saved) setMessage('Marcador salvo.');
          }}
        />
      )}
      {message && !panel && (
        <div className="vigia-console-toast" role="status">
          {message}
        </div>
      )}
    </div>
  );
}

/** The purpose of the console's replays, asked once (each playback is audited with it). */
function ReasonDialog({ onConfirm, onCancel }: { onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  return (
    <div className="vigia-console-dialog" role="dialog" aria-modal="true" aria-labelledby="replay-reason-h">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length >= 5) onConfirm(reason.trim());
        }}
      >
        <h2 id="replay-reason-h">Motivo do replay</h2>
        <label htmlFor="replay-reason">Motivo ou número do procedimento (registrado na auditoria)</label>
        <input
          id="replay-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minLength={5}
          maxLength={500}
          required
          autoFocus
        />
        <div className="vigia-console-dialog-actions">
          <button type="button" className="vigia-console-button" onClick={onCancel}>
            Cancelar
          </button>
          <button type="submit" className="vigia-console-button primary" disabled={reason.trim().length < 5}>
            Confirmar
          </button>
        </div>
      </form>
    </div>
  );
}
