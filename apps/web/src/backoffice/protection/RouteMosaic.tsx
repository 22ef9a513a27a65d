import { useCallback, useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { ReplayPlayer } from '../console/ReplayPlayer';
import { LivePlayer } from '../live/LivePlayer';
import { getRouteMosaic, type RouteMosaic as Mosaic, type RouteCamera, setCurrentLeg } from './protection-api';

/** "Últimos minutos": how far back one click replays (never before the mission started). */
const REPLAY_MINUTES = 5;
const REASON = 'Mosaico da rota — operação de proteção em andamento';
const POSITION = { travelling: 'Em deslocamento', ahead: 'A seguir', behind: 'Já percorrido' } as const;

/** One route camera: live, or with one click the last minutes from the recording, then back to live. */
function RouteTile({ camera, startedAt }: { camera: RouteCamera; startedAt: number }) {
  const [replayFrom, setReplayFrom] = useState<number | null>(null);
  if (replayFrom !== null)
    return (
      <div className="vigia-mosaic-tile">
        <ReplayPlayer
          cameraId={camera.id}
          title={camera.name}
          from={replayFrom}
          seconds={Math.round((Date.now() - replayFrom) / 1000)}
          reason={REASON}
          onLive={() => setReplayFrom(null)}
        />
      </div>
    );
  return (
    <div className="vigia-mosaic-tile">
      <LivePlayer cameraId={camera.id} title={camera.name} compact />
      <button
        type="button"
        className="br-button small secondary mt-1"
        onClick={() => setReplayFrom(Math.max(startedAt, Date.now() - REPLAY_MINUTES * 60_000))}
      >
        <i className="fas fa-history mr-1" aria-hidden="true" /> Últimos {REPLAY_MINUTES} min
      </button>
    </div>
  );
}

/**
 * The route mosaic of a mission in progress (issue 14): the cameras fixed along the route at the
 * start, live, the leg being travelled first. Only the mission's leads and team get it (others: 403,
 * the section is not shown); every view and playback is audited by the server.
 */
export function RouteMosaic({ missionId, legs }: { missionId: string; legs: { name: string }[] }) {
  const load = useCallback((signal: AbortSignal) => getRouteMosaic(missionId, signal), [missionId]);
  const { data, error, loading, reload } = useApiData<Mosaic>(load);
  const [moving, setMoving] = useState(false);
  if (error?.status === 403) return null;
  const seen = new Set<string>();
  const stretches = (data?.stretches ?? []).map((s) => ({
    ...s,
    // A camera near two stretches plays once, in the first (the one nearer in the trip).
    cameras: s.cameras.filter((c) => !seen.has(c.id) && seen.add(c.id)),
  }));
  const travel = async (leg: number) => {
    setMoving(true);
    try {
      await setCurrentLeg(missionId, leg);
      reload();
    } finally {
      setMoving(false);
    }
  };
  return (
    <section aria-labelledby="mosaic-title" data-testid="route-mosaic">
      <h2 id="mosaic-title">Mosaico da rota</h2>
      {loading && !data && <Loading label="Carregando mosaico…" />}
      {error && <ApiErrorMessage error={error} />}
      {data && (
        <>
          <div className="br-select mb-2">
            <label htmlFor="current-leg">Trecho em deslocamento</label>
            <select
              id="current-leg"
              className="br-input"
              value={data.currentLeg}
              disabled={moving}
              onChange={(e) => void travel(Number(e.target.value))}
            >
              {legs.map((l, i) => (
                <option key={l.name} value={i}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          {stretches.map((s) => (
            <div key={`${s.kind}-${s.leg ?? s.name}`} className="mb-3" data-position={s.position}>
              <h3 className="text-up-01">
                {s.kind === 'leg' ? `${POSITION[s.position]}: ${s.alternate ? 'rota alternativa ' : ''}${s.name}` : `Local: ${s.name}`}
              </h3>
              {s.cameras.length === 0 ? (
                <p>Nenhuma câmera da rota neste trecho.</p>
              ) : (
                <div className="vigia-mosaic" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' }}>
                  {s.cameras.map((c) => (
                    <RouteTile key={c.id} camera={c} startedAt={Date.parse(data.startedAt)} />
                  ))}
                </div>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
