import {
  cameraIngestModeLabels,
  cameraKindLabels,
  cameraMountingLabels,
  cameraPublicAccessLabels,
  cameraRtspTransportLabels,
  cameraStreamSourceLabels,
} from '@vigia/contracts';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { getCamera } from '../api/cameras-api';
import { ApprovedViewPanel } from '../ptz/ApprovedViewPanel';
import { useSession } from '../session/session-context';
import { CameraNvrPanel } from './CameraNvrPanel';
import { CameraStatusTag } from './CameraStatusTag';
import { mayApproveView, mayManageCameras, maySelfTest } from './camera-permissions';
import { DeleteCameraDialog } from './DeleteCameraDialog';
import { PrivacyMaskEditor } from './PrivacyMaskEditor';
import { PushCredentialsPanel } from './PushCredentialsPanel';
import { SelfTestPanel } from './SelfTestPanel';
import { useMunicipalities } from './use-municipalities';

export function CameraDetailPage() {
  const { cameraId = '' } = useParams();
  const navigate = useNavigate();
  const { activeRole } = useSession();
  const load = useCallback((signal: AbortSignal) => getCamera(cameraId, signal), [cameraId]);
  const { data: camera, error, loading, reload } = useApiData(load);
  const { data: municipalities } = useMunicipalities();
  const municipality = useMemo(() => municipalities?.find((m) => m.ibgeCode === camera?.municipalityIbge)?.name, [municipalities, camera]);
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(camera ? `Câmera ${camera.name}` : 'Câmera');

  return (
    <>
      <Breadcrumb items={[{ label: 'Câmeras', to: '/cameras' }, { label: camera?.name ?? 'Câmera' }]} />
      <ApiErrorMessage error={error} />
      {loading && !camera && <Loading label="Carregando câmera…" />}
      {camera && (
        <>
          <div className="d-flex flex-wrap align-items-center justify-content-between">
            <h1>{camera.name}</h1>
            {mayManageCameras(activeRole) && (
              <div>
                <Link className="br-button secondary mr-2" to={`/cameras/${camera.id}/editar`}>
                  Editar
                </Link>
                <button type="button" className="br-button secondary" onClick={() => setDeleting(true)}>
                  Excluir
                </button>
              </div>
            )}
          </div>
          {deleting && <DeleteCameraDialog camera={camera} onCancel={() => setDeleting(false)} onDeleted={() => navigate('/cameras')} />}
          <dl className="row">
            <dt className="col-sm-3">Situação</dt>
            <dd className="col-sm-9">
              <CameraStatusTag status={camera.status} />
            </dd>
            <dt className="col-sm-3">Tipo</dt>
            <dd className="col-sm-9">
              {cameraKindLabels[camera.kind]}
              {camera.assetSerial ? ` — patrimônio ${camera.assetSerial}` : ''}
            </dd>
            <dt className="col-sm-3">Endereço</dt>
            <dd className="col-sm-9">
              <code>{camera.host}</code> — RTSP {camera.rtspPort}, HTTP {camera.httpPort}, caminho <code>{camera.rtspPath}</code>
            </dd>
            <dt className="col-sm-3">Origem do fluxo</dt>
            <dd className="col-sm-9">
              {cameraStreamSourceLabels[camera.streamSource]}
              {camera.streamSource === 'onvif' ? ' (o caminho é informado pela câmera via ONVIF, na porta HTTP)' : ''}
            </dd>
            <dt className="col-sm-3">Modo de ingestão</dt>
            <dd className="col-sm-9">{cameraIngestModeLabels[camera.ingestMode]}</dd>
            <dt className="col-sm-3">Transporte RTP</dt>
            <dd className="col-sm-9">{camera.rtspTransport ? cameraRtspTransportLabels[camera.rtspTransport] : 'Padrão do nó'}</dd>
            <dt className="col-sm-3">Login e senha</dt>
            <dd className="col-sm-9">{camera.hasCredentials ? 'Cadastrados (guardados cifrados, nunca exibidos)' : 'Não cadastrados'}</dd>
            <dt className="col-sm-3">Localização</dt>
            <dd className="col-sm-9">
              {camera.latitude}, {camera.longitude} — {municipality ?? camera.municipalityIbge}
            </dd>
            <dt className="col-sm-3">Direção e campo de visão</dt>
            <dd className="col-sm-9">
              {camera.heading}° / {camera.fieldOfView}° — fixação: {cameraMountingLabels[camera.mounting]}
            </dd>
            <dt className="col-sm-3">Abertura ao público</dt>
            <dd className="col-sm-9">{cameraPublicAccessLabels[camera.publicAccess]}</dd>
            <dt className="col-sm-3">Transmissão</dt>
            <dd className="col-sm-9">
              {camera.streamEligible
                ? 'Autorizada (termo de cooperação vigente e ponto aprovado do projeto executivo)'
                : 'Não autorizada: somente o autoteste, até o termo de cooperação vigente e o vínculo a um ponto aprovado do projeto executivo (art. 14, § 4º)'}
            </dd>
            <dt className="col-sm-3">Cadastrada em</dt>
            <dd className="col-sm-9">{formatDateTime(camera.createdAt)}</dd>
          </dl>
          {maySelfTest(activeRole) && <SelfTestPanel cameraId={camera.id} onDone={reload} />}
          {maySelfTest(activeRole) && <PrivacyMaskEditor cameraId={camera.id} />}
          {mayApproveView(activeRole) && <ApprovedViewPanel cameraId={camera.id} />}
          {mayManageCameras(activeRole) && <CameraNvrPanel cameraId={camera.id} offerIntegratorCopy={activeRole === 'integrator'} />}
          {mayManageCameras(activeRole) && <PushCredentialsPanel camera={camera} />}
        </>
      )}
    </>
  );
}
