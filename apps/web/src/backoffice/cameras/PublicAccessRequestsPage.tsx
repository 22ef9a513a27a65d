import type { CameraPublicAccessRequest } from '@vigia/contracts';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { ReasonedDecision } from '../../shared/components/ReasonedDecision';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { decidePublicAccess, listPublicAccessRequests } from '../api/cameras-api';
import { useMunicipalities } from './use-municipalities';

const TITLE = 'Abertura de câmeras ao público';

/** /comissao/abertura-ao-publico — the committee decides partners' requests to open a camera to the public (Art. 26, § 2º). */
export function PublicAccessRequestsPage() {
  useDocumentTitle(TITLE);
  const { data, error, loading, reload } = useApiData(listPublicAccessRequests);
  const { data: municipalities } = useMunicipalities();
  const names = useMemo(() => new Map((municipalities ?? []).map((m) => [m.ibgeCode, m.name])), [municipalities]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Pedidos dos entes para abrir câmeras ao público (art. 26, § 2º). Deferida, a câmera aparece no mapa público e pode ser vista por
        qualquer pessoa enquanto estiver apta a transmitir (termo de cooperação vigente e ponto autorizado). Indeferido, o pedido volta a
        esta lista quando o ente alterar a câmera.
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pedidos…" />}
      {data?.length === 0 && <Message kind="info">Nenhum pedido aguardando decisão.</Message>}
      {data?.map((r) => (
        <RequestCard
          key={r.cameraId}
          request={r}
          municipality={names.get(r.municipalityIbge) ?? r.municipalityIbge}
          onDecided={(approve) => {
            setNotice(`${approve ? 'Abertura ao público deferida' : 'Pedido indeferido'}: ${r.cameraName}.`);
            reload();
          }}
        />
      ))}
    </>
  );
}

function RequestCard({
  request,
  municipality,
  onDecided,
}: {
  request: CameraPublicAccessRequest;
  municipality: string;
  onDecided: (approve: boolean) => void;
}) {
  return (
    <div className="br-card mb-4" data-camera-id={request.cameraId}>
      <div className="card-content">
        <h2 className="h5">
          <Link to={`/cameras/${request.cameraId}`}>{request.cameraName}</Link>
        </h2>
        <dl className="vigia-facts">
          <dt className="col-sm-3">Ente parceiro</dt>
          <dd className="col-sm-9">{request.partnerName}</dd>
          <dt className="col-sm-3">Município</dt>
          <dd className="col-sm-9">{municipality}</dd>
          <dt className="col-sm-3">Transmissão</dt>
          <dd className="col-sm-9">
            {request.streamEligible ? (
              <span className="br-tag text success">Apta a transmitir</span>
            ) : (
              <span className="br-tag text warning">Ainda não apta (sem termo vigente ou ponto autorizado)</span>
            )}
          </dd>
        </dl>
        <ReasonedDecision
          id={`public-access-${request.cameraId}`}
          decide={(approve, reason) => decidePublicAccess(request.cameraId, approve, reason)}
          onDecided={onDecided}
        />
      </div>
    </div>
  );
}
