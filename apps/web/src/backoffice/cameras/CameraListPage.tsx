import type { Camera } from '@vigia/contracts';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listCameras } from '../api/cameras-api';
import { useSession } from '../session/session-context';
import { CameraSearch } from './CameraSearch';
import { CameraStatusTag } from './CameraStatusTag';
import { mayManageCameras } from './camera-permissions';
import { DeleteCameraDialog } from './DeleteCameraDialog';
import { useCameraPages } from './use-camera-pages';
import { useMunicipalities } from './use-municipalities';

export function CameraListPage() {
  useDocumentTitle('Câmeras');
  const { activeRole } = useSession();
  const manage = mayManageCameras(activeRole);
  const pages = useCameraPages(listCameras);
  const { data: cameras, error, loading, setData } = pages;
  const { data: municipalities } = useMunicipalities();
  const names = useMemo(() => new Map((municipalities ?? []).map((m) => [m.ibgeCode, m.name])), [municipalities]);
  const [deleting, setDeleting] = useState<Camera | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <Breadcrumb items={[{ label: 'Câmeras' }]} />
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h1>Câmeras</h1>
        {manage && (
          <div className="d-flex flex-wrap">
            <Link className="br-button secondary mr-2 mb-2" to="/cameras/importar">
              <i className="fas fa-file-import mr-1" aria-hidden="true" />
              Importar planilha
            </Link>
            <Link className="br-button primary mb-2" to="/cameras/nova">
              <i className="fas fa-plus mr-1" aria-hidden="true" />
              Nova câmera
            </Link>
          </div>
        )}
      </div>
      <p>
        Cadastro das câmeras integradas ao programa (guia, item 05). Depois de cadastrar, execute o <strong>autoteste</strong> de cada
        câmera para conferir portas, login, vídeo e imagem.
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      {deleting && (
        <DeleteCameraDialog
          camera={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => {
            setData((all) => (all ?? []).filter((c) => c.id !== deleting.id));
            setNotice(`Câmera ${deleting.name} excluída.`);
            setDeleting(null);
          }}
        />
      )}
      <ApiErrorMessage error={error} />
      <CameraSearch id="camera-list-search" pages={pages} />
      {loading && <Loading label="Carregando câmeras…" />}
      {cameras && cameras.length === 0 && <p>{pages.q.trim() ? 'Nenhuma câmera com esse nome.' : 'Nenhuma câmera cadastrada.'}</p>}
      {cameras && cameras.length > 0 && (
        <div className="br-table">
          <table aria-label="Câmeras cadastradas">
            <thead>
              <tr>
                <th scope="col">Câmera</th>
                <th scope="col">Município</th>
                <th scope="col">Endereço</th>
                <th scope="col">Situação</th>
                <th scope="col">Último autoteste</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {cameras.map((c) => (
                <tr key={c.id} data-camera-id={c.id}>
                  <td>
                    <Link to={`/cameras/${c.id}`}>{c.name}</Link>
                    {c.publicAccess === 'approved' && <span className="br-tag text info ml-1">Aberta ao público</span>}
                    {c.publicAccess === 'requested' && <span className="br-tag text ml-1">Abertura ao público solicitada</span>}
                    {!c.streamEligible && <span className="br-tag text warning ml-1">Transmissão não autorizada</span>}
                  </td>
                  <td>{names.get(c.municipalityIbge) ?? c.municipalityIbge}</td>
                  <td>
                    <code>
                      {c.host}:{c.rtspPort}
                    </code>
                  </td>
                  <td>
                    <CameraStatusTag status={c.status} />
                  </td>
                  <td>{c.lastSelfTestAt ? formatDateTime(c.lastSelfTestAt) : '—'}</td>
                  <td>
                    <Link className="br-button small secondary mr-1" to={`/cameras/${c.id}`} aria-label={`Abrir ${c.name}`}>
                      Abrir
                    </Link>
                    {manage && (
                      <>
                        <Link className="br-button small secondary mr-1" to={`/cameras/${c.id}/editar`} aria-label={`Editar ${c.name}`}>
                          Editar
                        </Link>
                        <button
                          type="button"
                          className="br-button small secondary"
                          onClick={() => setDeleting(c)}
                          aria-label={`Excluir ${c.name}`}
                        >
                          Excluir
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
