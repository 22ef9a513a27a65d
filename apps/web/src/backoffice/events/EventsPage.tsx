import { type CameraEventKind, cameraEventKindLabels, cameraEventKinds } from '@vigia/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraPages } from '../cameras/use-camera-pages';
import { listEvents } from './events-api';

/** Tag colour of each event kind (gov.br DS classes). */
const tone: Record<CameraEventKind, string> = {
  camera_down: 'bg-danger text-white',
  camera_up: 'bg-success text-white',
  ptz_takeover: 'bg-info text-white',
  view_changed: 'bg-warning',
  motion: 'bg-info text-white',
  tamper: 'bg-danger text-white',
};
/** API links are absolute back-office paths; the router's basename is /app. */
const inApp = (path: string) => path.replace(/^\/app/, '');

/** /app/operacoes/eventos — what happened to the cameras in scope, with a jump to live and to playback at that instant. */
export function EventsPage() {
  useDocumentTitle('Eventos');
  const [kind, setKind] = useState<CameraEventKind | ''>('');
  const [cameraId, setCameraId] = useState('');
  const load = useCallback(
    (signal: AbortSignal) => listEvents({ kind: kind || undefined, cameraId: cameraId || undefined }, signal),
    [kind, cameraId],
  );
  const { data, error, loading, reload } = useApiData(load);
  const cams = useCameraPages(listCameraOptions);
  useEffect(() => {
    const t = setInterval(reload, 30_000);
    return () => clearInterval(t);
  }, [reload]);

  return (
    <>
      <h1>Eventos</h1>
      <p>Quedas e retornos, controle PTZ assumido, câmeras reposicionadas e eventos enviados pelas câmeras, no seu escopo.</p>
      <CameraSearch id="event-camera-search" pages={cams} />
      <div className="row mb-3">
        <div className="col-md-4 br-input">
          <label htmlFor="event-kind">Tipo</label>
          <select id="event-kind" value={kind} onChange={(e) => setKind(e.target.value as CameraEventKind | '')}>
            <option value="">Todos</option>
            {cameraEventKinds.map((k) => (
              <option key={k} value={k}>
                {cameraEventKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4 br-input">
          <label htmlFor="event-camera">Câmera</label>
          <select id="event-camera" value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
            <option value="">Todas</option>
            {(cams.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {loading && !data && <Loading label="Carregando os eventos…" />}
      <ApiErrorMessage error={error} />
      {data &&
        (data.length === 0 ? (
          <p>Nenhum evento.</p>
        ) : (
          <div className="br-table">
            <table data-testid="events">
              <caption className="sr-only">Eventos das câmeras</caption>
              <thead>
                <tr>
                  <th scope="col">Quando</th>
                  <th scope="col">Evento</th>
                  <th scope="col">Câmera</th>
                  <th scope="col">Parceiro</th>
                  <th scope="col">Detalhe</th>
                  <th scope="col">Ver</th>
                </tr>
              </thead>
              <tbody>
                {data.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt)}</td>
                    <td>
                      <span className={`br-tag ${tone[e.kind]}`}>{cameraEventKindLabels[e.kind]}</span>
                    </td>
                    <td>{e.cameraName}</td>
                    <td>{e.partnerName ?? '—'}</td>
                    <td>
                      {e.detail ?? '—'}
                      {e.images && (
                        <div className="d-flex mt-2" style={{ gap: 8 }} data-testid="view-change-images">
                          <figure className="m-0">
                            <img src={e.images.reference} alt={`Vista aprovada de ${e.cameraName}`} width={200} loading="lazy" />
                            <figcaption className="text-down-01">Vista aprovada</figcaption>
                          </figure>
                          <figure className="m-0">
                            <img src={e.images.current} alt={`Imagem de ${e.cameraName} no momento do evento`} width={200} loading="lazy" />
                            <figcaption className="text-down-01">No momento do evento</figcaption>
                          </figure>
                        </div>
                      )}
                    </td>
                    <td>
                      <Link to={inApp(e.links.live)} className="mr-3">
                        Ao vivo
                      </Link>
                      <Link to={inApp(e.links.playback)}>Gravação neste instante</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
