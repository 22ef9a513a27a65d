import { consentMeansLabels, consentStatusLabels } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listOwnSharing, revokeOwnSharing } from '../api/integrator-api';

const TITLE = 'Câmeras compartilhadas por empresas';

/**
 * /compartilhamento — the client's side (issue 18): its cameras that an electronic-security company
 * shares with the program, who manages them, and revocation at any time (sharing stops at once).
 */
export function CameraSharingPage() {
  useDocumentTitle(TITLE);
  const { data, error, loading, reload } = useApiData(listOwnSharing);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Estas são as autorizações que você deu (ou que pediram a você) para que uma empresa de segurança eletrônica compartilhe câmeras com
        o Programa Vigia Mais MT. Ao revogar, a transmissão, a gravação e o monitoramento das câmeras param imediatamente.
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error ?? failure} />
      {loading && <Loading label="Carregando autorizações…" />}
      {data?.length === 0 && <Message kind="info">Nenhuma câmera sua é compartilhada por empresa de segurança.</Message>}
      {data?.map((c) => (
        <div className="br-card mb-3 p-3" key={c.id} data-consent-id={c.id}>
          <h2 className="h5">{c.integratorName}</h2>
          <p className="mb-1">
            <span className="br-tag text">{consentStatusLabels[c.status]}</span> {consentMeansLabels[c.means]}
          </p>
          <p className="mb-2">Câmeras: {c.cameras.map((x) => x.name).join(', ')}</p>
          {c.status !== 'revoked' && (
            <button
              type="button"
              className="br-button secondary"
              onClick={() => {
                setFailure(null);
                revokeOwnSharing(c.id)
                  .then(() => {
                    setNotice(`Autorização revogada: ${c.integratorName} deixou de compartilhar as câmeras.`);
                    reload();
                  })
                  .catch((e: unknown) => setFailure(toApiError(e)));
              }}
            >
              Revogar autorização
            </button>
          )}
        </div>
      ))}
    </>
  );
}
