import type { RecordingTimeline } from '@vigia/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraNames } from '../cameras/use-camera-names';
import { useCameraPages } from '../cameras/use-camera-pages';
import { liveSupported } from '../live/live-session';
import { areaById, mayUse } from '../navigation';
import { useSession } from '../session/session-context';
import { NvrPlayer } from './NvrPlayer';
import { PlaybackBookmarks, useBookmarks } from './PlaybackBookmarks';
import { getCameraNvr, getTimeline } from './playback-api';
import { PlaybackSession, type PlaybackState } from './playback-session';
import { Timeline } from './Timeline';
import { originFor, windowFor, type Zoom } from './timeline-scale';
import './playback.css';
import { MaskOverlay } from '../live/MaskOverlay';
import { maskSnapshot } from '../live/privacy-masks';

const MAX_CAMERAS = 4;
const SPEEDS = [0.5, 1, 2, 4, 8, 16];
/** Followers further than this from the first camera are moved to its instant. */
const SYNC_TOLERANCE_S = 0.25;

const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
};
/** The export page prefilled with this camera and 2 minutes from the chosen instant (never past now). */
const EXPORT_DEFAULT_MS = 120_000;
const exportLink = (cameraId: string, fromMs: number) =>
  `/operacoes/exportacoes?${new URLSearchParams({ camera: cameraId, from: new Date(fromMs).toISOString(), to: new Date(Math.min(fromMs + EXPORT_DEFAULT_MS, Date.now())).toISOString() }).toString()}`;
/** Whether the platform has footage at an instant (inside a recorded span of the timeline). */
const recordedAt = (t: RecordingTimeline | undefined, ms: number) =>
  !!t?.spans.some((s) => new Date(s.from).getTime() <= ms && ms < new Date(s.to).getTime());
const stateText = (s: PlaybackState | undefined) =>
  !s || s.kind === 'idle'
    ? 'Escolha um instante na linha do tempo.'
    : s.kind === 'loading'
      ? 'Carregando…'
      : s.kind === 'no_footage'
        ? 'Não há gravação a partir deste instante.'
        : s.kind === 'failed'
          ? s.message
          : undefined;

/** /app/operacoes/gravacoes/:cameraId — timeline, playback from any instant, up to 4 cameras in sync. */
export function PlaybackPage() {
  const { cameraId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const extras = (params.get('com') ?? '').split(',').filter((x) => /^[0-9a-f-]{36}$/.test(x) && x !== cameraId);
  const ids = useMemo(() => [cameraId, ...extras].slice(0, MAX_CAMERAS), [cameraId, extras.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const cams = useCameraPages(listCameraOptions);
  const name = useCameraNames(ids);
  useDocumentTitle(`Gravações — ${name(cameraId)}`);
  const { activeRole } = useSession();
  const mayExport = mayUse(activeRole, areaById('ops-exports'));
  /** Bookmarks are the operators' (issue 17). */
  const mayBookmark = activeRole === 'operator' || activeRole === 'regional_operator';
  const [marksVersion, setMarksVersion] = useState(0);

  const [zoom, setZoom] = useState<Zoom>('hour');
  // ?em=<ISO instant>: opened from an event, at that instant.
  const at = Date.parse(params.get('em') ?? '');
  const start = Number.isFinite(at) ? at : Date.now() - 60_000;
  const [cursor, setCursor] = useState<number>(start);
  const [picked, setPicked] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState<string | undefined>();
  const [rate, setRate] = useState(1);
  const [playing, setPlaying] = useState(true);
  const [states, setStates] = useState<Record<string, PlaybackState>>({});
  const [timelines, setTimelines] = useState<Record<string, RecordingTimeline>>({});
  const [goTo, setGoTo] = useState(() => toLocalInput(start));
  const [error, setError] = useState<string | undefined>();
  /** Cameras whose footage is also kept in the partner's NVR (Art. 25 §2), and the NVR playbacks open. */
  const [nvrs, setNvrs] = useState<Record<string, boolean>>({});
  const [nvrFrom, setNvrFrom] = useState<Record<string, number>>({});
  const videos = useRef(new Map<string, HTMLVideoElement>());
  const sessions = useRef(new Map<string, PlaybackSession>());
  const origin = useRef<number | undefined>(undefined);
  const win = useMemo(() => windowFor(zoom, cursor), [zoom, Math.floor(cursor / 600_000)]); // eslint-disable-line react-hooks/exhaustive-deps
  const marks = useBookmarks(ids, win, mayBookmark, marksVersion);

  // Timelines of the window (refreshed every 10 s while recording goes on).
  useEffect(() => {
    const ctl = new AbortController();
    const load = () =>
      ids.forEach((id) =>
        getTimeline(id, new Date(win.from), new Date(win.to), ctl.signal)
          .then((t) => setTimelines((m) => ({ ...m, [id]: t })))
          .catch((e: Error) => e.name !== 'AbortError' && setError(e.message)),
      );
    load();
    const timer = window.setInterval(load, 10_000);
    return () => (ctl.abort(), window.clearInterval(timer));
  }, [ids, win]);

  useEffect(() => {
    ids.forEach((id) =>
      getCameraNvr(id)
        .then((n) => setNvrs((m) => ({ ...m, [id]: n.configured })))
        .catch(() => undefined),
    );
  }, [ids]);

  // Sessions of cameras no longer on the page stop; all stop on leave.
  useEffect(() => {
    for (const [id, s] of sessions.current) if (!ids.includes(id)) s.stop(), sessions.current.delete(id);
  }, [ids]);
  useEffect(() => () => sessions.current.forEach((s) => s.stop()), []);

  // Clock and synchronisation: the first camera leads, the others follow its media time.
  useEffect(() => {
    const timer = window.setInterval(() => {
      const all = ids.map((id) => sessions.current.get(id)).filter((s): s is PlaybackSession => !!s);
      const lead = all[0];
      if (!lead || lead.video.seeking || !lead.video.src) return;
      setCursor(lead.cursor);
      for (const f of all.slice(1)) {
        if (!f.video.seeking && Math.abs(f.video.currentTime - lead.video.currentTime) > SYNC_TOLERANCE_S * Math.max(1, lead.rate / 2))
          void f.seek(lead.cursor);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [ids]);

  const session = useCallback(
    (id: string): PlaybackSession | undefined => {
      const existing = sessions.current.get(id);
      if (existing) return existing;
      const video = videos.current.get(id);
      if (!video || !confirmed || origin.current === undefined) return undefined;
      const s = new PlaybackSession(video, id, {
        origin: origin.current,
        reason: confirmed,
        onState: (st) => setStates((m) => ({ ...m, [id]: st })),
      });
      s.setRate(rate);
      s.wantPlay = playing;
      sessions.current.set(id, s);
      return s;
    },
    [confirmed, rate, playing],
  );

  const pick = (ms: number) => {
    if (!confirmed) return;
    origin.current ??= originFor(ms);
    if (ms < origin.current) {
      // Far back in time: restart the players on a new media origin.
      sessions.current.forEach((s) => s.stop());
      sessions.current.clear();
      origin.current = originFor(ms);
    }
    setPicked(ms);
    setCursor(ms);
    for (const id of ids) void session(id)?.seek(ms);
  };

  const each = (f: (s: PlaybackSession) => void) => sessions.current.forEach(f);
  const snapshot = async () => {
    const s = sessions.current.get(ids[0]!);
    if (!s) return;
    try {
      const blob = await maskSnapshot(await s.snapshot(), ids[0]!);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `captura-${name(ids[0]!).replace(/\W+/g, '-')}-${new Date(s.cursor).toISOString().replace(/[:.]/g, '-')}.png`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const addCamera = (id: string) => {
    if (!id || ids.includes(id)) return;
    setParams({ com: [...extras, id].join(',') });
  };
  const removeCamera = (id: string) =>
    setParams(extras.filter((x) => x !== id).length ? { com: extras.filter((x) => x !== id).join(',') } : {});

  if (!liveSupported()) return <div role="alert">Este navegador não permite reproduzir gravações (faltam Media Source Extensions).</div>;
  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Gravações', to: '/operacoes/gravacoes' }]} />
      <h1>Gravações — {name(cameraId)}</h1>
      {error && (
        <div className="br-message danger" role="alert">
          {error}
        </div>
      )}
      {!confirmed ? (
        <form
          className="mb-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 5) setConfirmed(reason.trim());
          }}
        >
          <div className="br-input">
            <label htmlFor="pb-reason">Motivo ou número do procedimento (obrigatório, registrado na auditoria)</label>
            <input
              id="pb-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              minLength={5}
              maxLength={500}
              required
              placeholder="Ex.: BO 1234/2026 — furto na Av. Getúlio Vargas"
            />
          </div>
          <button type="submit" className="br-button primary mt-2" disabled={reason.trim().length < 5}>
            Confirmar motivo
          </button>
        </form>
      ) : (
        <p className="text-down-01">
          Motivo: <strong>{confirmed}</strong>. Cada câmera reproduzida é registrada na trilha de auditoria com o período e o motivo.
        </p>
      )}

      <div className={`vigia-pb-grid n${ids.length}`} data-testid="playback-grid">
        {ids.map((id) => (
          <div key={id} className="vigia-pb-tile">
            <video
              ref={(el) => {
                if (el) videos.current.set(id, el);
                else videos.current.delete(id);
              }}
              muted
              playsInline
              data-camera-id={id}
              aria-label={`Gravação: ${name(id)}`}
            />
            <MaskOverlay cameraId={id} />
            <div className="vigia-pb-tile-bar">
              {name(id)}
              {id !== cameraId && (
                <button
                  type="button"
                  className="br-button circle small ml-2"
                  style={{ color: '#fff' }}
                  onClick={() => removeCamera(id)}
                  aria-label={`Tirar ${name(id)} da reprodução`}
                >
                  <i className="fas fa-times" aria-hidden="true" />
                </button>
              )}
            </div>
            {stateText(states[id]) && (
              <div className="vigia-pb-tile-overlay" role="status">
                {confirmed ? stateText(states[id]) : 'Informe o motivo para reproduzir.'}
              </div>
            )}
            {confirmed &&
              nvrs[id] &&
              picked !== undefined &&
              nvrFrom[id] === undefined &&
              (states[id]?.kind === 'no_footage' || !recordedAt(timelines[id], picked)) && (
                <div className="vigia-pb-nvr-offer">
                  <button
                    type="button"
                    className="br-button primary small"
                    onClick={() => (sessions.current.get(id)?.pause(), setNvrFrom((m) => ({ ...m, [id]: picked })))}
                  >
                    Buscar no gravador do parceiro (NVR)
                  </button>
                </div>
              )}
            {confirmed && nvrFrom[id] !== undefined && (
              <NvrPlayer
                cameraId={id}
                from={nvrFrom[id]}
                reason={confirmed}
                onClose={() => setNvrFrom(({ [id]: _closed, ...rest }) => rest)}
              />
            )}
          </div>
        ))}
      </div>

      <div className="vigia-pb-controls">
        <span className="vigia-pb-clock" data-testid="playback-clock">
          {new Date(cursor).toLocaleString('pt-BR')}
        </span>
        <button
          type="button"
          className="br-button secondary small"
          disabled={!picked}
          onClick={() => (playing ? each((s) => s.pause()) : each((s) => s.play()), setPlaying(!playing))}
        >
          {playing ? 'Pausar' : 'Reproduzir'}
        </button>
        <button
          type="button"
          className="br-button secondary small"
          disabled={!picked}
          onClick={() => (each((s) => s.step(-1)), setPlaying(false))}
          aria-label="Quadro anterior"
        >
          <i className="fas fa-step-backward" aria-hidden="true" />
        </button>
        <button
          type="button"
          className="br-button secondary small"
          disabled={!picked}
          onClick={() => (each((s) => s.step(1)), setPlaying(false))}
          aria-label="Próximo quadro"
        >
          <i className="fas fa-step-forward" aria-hidden="true" />
        </button>
        <label>
          Velocidade{' '}
          <select value={rate} onChange={(e) => (setRate(Number(e.target.value)), each((s) => s.setRate(Number(e.target.value))))}>
            {SPEEDS.map((r) => (
              <option key={r} value={r}>
                {r === 0.5 ? '½' : r}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="br-button secondary small" disabled={!picked} onClick={() => void snapshot()}>
          Capturar quadro
        </button>
        <label>
          Escala{' '}
          <select value={zoom} onChange={(e) => setZoom(e.target.value as Zoom)}>
            <option value="day">Dia</option>
            <option value="hour">Hora</option>
          </select>
        </label>
        <form className="d-flex" style={{ gap: 4 }} onSubmit={(e) => (e.preventDefault(), pick(new Date(goTo).getTime()))}>
          <label htmlFor="pb-goto" className="sr-only">
            Ir para o instante
          </label>
          <input id="pb-goto" type="datetime-local" step={1} value={goTo} onChange={(e) => setGoTo(e.target.value)} />
          <button type="submit" className="br-button primary small" disabled={!confirmed}>
            Ir para
          </button>
        </form>
        {mayExport && picked !== undefined && (
          <Link className="br-button secondary small" to={exportLink(cameraId, picked)}>
            Exportar trecho
          </Link>
        )}
      </div>
      <div className="vigia-pb-controls">
        <button
          type="button"
          className="br-button tertiary small"
          onClick={() => setCursor(cursor - (zoom === 'day' ? 86_400_000 : 3_600_000))}
        >
          ← {zoom === 'day' ? 'Dia' : 'Hora'} anterior
        </button>
        <button
          type="button"
          className="br-button tertiary small"
          onClick={() => setCursor(cursor + (zoom === 'day' ? 86_400_000 : 3_600_000))}
        >
          {zoom === 'day' ? 'Dia' : 'Hora'} seguinte →
        </button>
        {ids.length < MAX_CAMERAS && (
          <label>
            Sincronizar com{' '}
            <select value="" onChange={(e) => addCamera(e.target.value)} aria-label="Adicionar câmera sincronizada">
              <option value="">— câmera —</option>
              {(cams.data ?? [])
                .filter((c) => !ids.includes(c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        {ids.length < MAX_CAMERAS && <CameraSearch id="playback-sync-search" pages={cams} />}
      </div>
      {ids.map((id) => (
        <Timeline
          key={id}
          title={name(id)}
          zoom={zoom}
          window={win}
          data={timelines[id]}
          cursor={picked === undefined ? undefined : cursor}
          disabled={!confirmed}
          onPick={pick}
          marks={marks[id]}
        />
      ))}
      <p className="text-down-01">
        Verde: gravado. Vermelho: sem gravação (passe o mouse para ver a causa). Clique na linha do tempo para reproduzir daquele instante.
        {mayBookmark && ' Roxo: marcadores da sua unidade.'}
      </p>
      {mayBookmark && (
        <PlaybackBookmarks
          cameraId={cameraId}
          cameraName={name(cameraId)}
          cursor={picked === undefined ? undefined : cursor}
          onPick={(ms) => confirmed && pick(ms)}
          onSaved={() => setMarksVersion((v) => v + 1)}
        />
      )}
    </>
  );
}

/** /app/operacoes/gravacoes — pick a camera. */
export function PlaybackIndexPage() {
  useDocumentTitle('Gravações');
  const cams = useCameraPages(listCameraOptions);
  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Gravações' }]} />
      <h1>Gravações</h1>
      <p>Escolha uma câmera para ver a linha do tempo das gravações; até quatro câmeras podem ser reproduzidas sincronizadas.</p>
      <CameraSearch id="playback-camera-search" pages={cams} />
      {cams.loading && <Loading />}
      {cams.error && <ApiErrorMessage error={cams.error} />}
      <ul data-testid="playback-camera-list">
        {(cams.data ?? []).map((c) => (
          <li key={c.id}>
            <Link to={`/operacoes/gravacoes/${c.id}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
