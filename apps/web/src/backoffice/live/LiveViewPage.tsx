import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { getCamera, listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraPages } from '../cameras/use-camera-pages';
import { PtzControl } from '../ptz/PtzControl';
import { LivePlayer } from './LivePlayer';

/** /app/operacoes/ao-vivo/:cameraId — one camera live (the operations map links here). */
export function LiveViewPage() {
  const { cameraId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getCamera(cameraId, signal), [cameraId]);
  const cam = useApiData(load);
  useDocumentTitle(cam.data ? `Ao vivo — ${cam.data.name}` : 'Ao vivo');
  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Ao vivo' }]} />
      <h1>{cam.data ? cam.data.name : 'Ao vivo'}</h1>
      {cam.loading && <Loading />}
      {cam.error && <ApiErrorMessage error={cam.error} />}
      {cam.data && (
        <div style={{ maxWidth: 1100 }}>
          <LivePlayer cameraId={cam.data.id} title={cam.data.name} />
          <p className="text-down-01 mt-2">
            Dê um duplo clique no vídeo para tela cheia. O acesso a esta imagem é registrado na trilha de auditoria (quem assistiu e por
            quanto tempo).
          </p>
          <PtzControl cameraId={cam.data.id} />
        </div>
      )}
    </>
  );
}

/** /app/operacoes/ao-vivo — pick a camera. */
export function LiveIndexPage() {
  useDocumentTitle('Ao vivo');
  const cams = useCameraPages(listCameraOptions);
  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Ao vivo' }]} />
      <h1>Câmeras ao vivo</h1>
      <p>
        Escolha uma câmera, ou abra o <Link to="/operacoes/mosaico">mosaico</Link> para ver várias ao mesmo tempo.
      </p>
      <CameraSearch id="live-camera-search" pages={cams} />
      {cams.loading && <Loading />}
      {cams.error && <ApiErrorMessage error={cams.error} />}
      <ul data-testid="live-camera-list">
        {(cams.data ?? []).map((c) => (
          <li key={c.id}>
            <Link to={`/operacoes/ao-vivo/${c.id}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
