import { releaseStatusLabels, releaseUrgencyLabels, requesterKindLabels } from '@vigia/contracts';
import { Link, Route, Routes } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { useSession } from '../session/session-context';
import { ReleaseRequestForm } from './ReleaseRequestForm';
import { ReleaseRequestPage } from './ReleaseRequestPage';
import { listReleaseRequests } from './releases-api';

/**
 * Cessão de imagens (art. 2º, VI): requesters (and operators on their behalf) file and follow;
 * the committee instructs; the release authority decides. One area, actions by role; the server
 * enforces the same rules and the object scope.
 */
export function ReleasesArea() {
  return (
    <Routes>
      <Route index element={<ReleasesList />} />
      <Route path="novo" element={<ReleaseRequestForm />} />
      <Route path=":id" element={<ReleaseRequestPage />} />
    </Routes>
  );
}

function ReleasesList() {
  useDocumentTitle('Pedidos de cessão de imagens');
  const { activeRole } = useSession();
  const { data, error, loading } = useApiData(listReleaseRequests);
  const canFile = activeRole === 'external_requester' || activeRole === 'operator' || activeRole === 'regional_operator';
  return (
    <>
      <Breadcrumb items={[{ label: 'Cessão de imagens' }]} />
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h1>Pedidos de cessão de imagens</h1>
        {canFile && (
          <Link className="br-button primary" to="novo">
            <i className="fas fa-plus mr-1" aria-hidden="true" />
            Novo pedido
          </Link>
        )}
      </div>
      <p className="text-down-01">
        Decreto nº 1.522/2022, art. 2º, VI: imagens só são cedidas mediante requerimento fundamentado, instrução e decisão justificada da
        autoridade competente — a pedido do Judiciário, do Ministério Público, de autoridade policial que presida inquérito ou para
        instrução de processos. Desde o protocolo, as imagens do período ficam preservadas.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pedidos…" />}
      {data && data.length === 0 && <p>Nenhum pedido.</p>}
      {data && data.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Pedidos ({data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Número</th>
                <th scope="col">Requerente</th>
                <th scope="col">Processo</th>
                <th scope="col">Período</th>
                <th scope="col">Câmeras</th>
                <th scope="col">Urgência</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={r.id}>{r.number}</Link>
                  </th>
                  <td>
                    {r.requesterName} — {r.requesterOrganisation}
                    <br />
                    <small>{requesterKindLabels[r.requesterKind]}</small>
                  </td>
                  <td>{r.caseNumber}</td>
                  <td>
                    {formatDateTime(r.from)} a {formatDateTime(r.to)}
                  </td>
                  <td>{r.cameraCount}</td>
                  <td>{releaseUrgencyLabels[r.urgency]}</td>
                  <td>
                    <span className="br-tag text">{releaseStatusLabels[r.status]}</span>
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
