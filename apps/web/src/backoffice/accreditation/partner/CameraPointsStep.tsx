import type { ApplicationDetail } from '@vigia/contracts';
import { useMemo, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Message } from '../../../shared/components/Message';
import { setCameraPoints } from '../../api/accreditation-api';
import { type MapPoint, PointMap } from '../map/PointMap';
import { CameraPointFields } from './CameraPointFields';
import { coordinateErrors, emptyPoint, type PointDraft, parseCoordinate, pointDraftOf, toPointInput } from './point-draft';

interface Props {
  app: ApplicationDetail;
  onSaved: (detail: ApplicationDetail) => void;
}

/** Executive project: the table of camera points, a map to pick coordinates, PUT camera-points. */
export function CameraPointsStep({ app, onSaved }: Props) {
  const [points, setPoints] = useState<PointDraft[]>(() => (app.cameraPoints.length ? app.cameraPoints.map(pointDraftOf) : [emptyPoint()]));
  const [picking, setPicking] = useState<number | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const mapPoints = useMemo<MapPoint[]>(
    () =>
      points.map((p, i) => ({
        key: p.key,
        label: `Ponto ${i + 1}`,
        latitude: parseCoordinate(p.latitude),
        longitude: parseCoordinate(p.longitude),
        selected: p.key === picking,
      })),
    [points, picking],
  );

  const update = (key: number, patch: Partial<PointDraft>) => {
    setSaved(false);
    setPoints((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  };
  const errorFor = (path: string) => local[path] ?? error?.details.find((d) => d.path === path)?.message;

  async function save() {
    const problems = coordinateErrors(points);
    setLocal(problems);
    setSaved(false);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const detail = await setCameraPoints(app.id, points.map(toPointInput));
      setPoints(detail.cameraPoints.map(pointDraftOf));
      setSaved(true);
      onSaved(detail);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="points-title">
      <h2 id="points-title" className="h4">
        Projeto executivo — pontos de videomonitoramento
      </h2>
      <p>
        Informe cada câmera: endereço, município, coordenadas, fixação, o que ela filma e as duas fotos (Anexo 3). Os anexos 3, 4 e 5 são
        gerados pela plataforma a partir desta tabela.
      </p>
      <PointMap
        id="points-map"
        points={mapPoints}
        onPick={
          picking === null
            ? undefined
            : (latitude, longitude) => {
                update(picking, { latitude: String(latitude), longitude: String(longitude) });
                setPicking(null);
              }
        }
        description={
          picking === null
            ? 'Mapa dos pontos informados. Use “Marcar no mapa” em um ponto e clique no mapa para preencher as coordenadas.'
            : 'Clique no mapa para preencher a latitude e a longitude do ponto selecionado.'
        }
      />
      {points.map((p, i) => (
        <CameraPointFields
          key={p.key}
          index={i}
          point={p}
          picking={picking === p.key}
          onChange={update}
          onPick={() => {
            const next = picking === p.key ? null : p.key;
            setPicking(next);
            if (next !== null) document.getElementById('points-map')?.scrollIntoView({ block: 'center' });
          }}
          onRemove={points.length > 1 ? () => setPoints((all) => all.filter((x) => x.key !== p.key)) : undefined}
          errorFor={errorFor}
        />
      ))}
      <ApiErrorMessage error={error} />
      {saved && <Message kind="success">Projeto executivo salvo ({points.length} ponto(s)).</Message>}
      <div className="d-flex flex-wrap">
        <button className="br-button secondary mr-2 mb-2" type="button" onClick={() => setPoints((all) => [...all, emptyPoint()])}>
          <i className="fas fa-plus mr-1" aria-hidden="true" />
          Adicionar ponto
        </button>
        <button className="br-button primary mb-2" type="button" onClick={() => void save()} disabled={busy}>
          {busy ? 'Salvando…' : 'Salvar projeto executivo'}
        </button>
      </div>
    </section>
  );
}
