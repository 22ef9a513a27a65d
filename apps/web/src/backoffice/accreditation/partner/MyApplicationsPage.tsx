import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listApplications } from '../../api/accreditation-api';
import { ApplicationsTable } from '../shared/ApplicationsTable';

/** /habilitacoes — the partner's applications (the API scopes the list to the partner). */
export function MyApplicationsPage() {
  useDocumentTitle('Minhas habilitações');
  const { data, error, loading } = useApiData(listApplications);
  return (
    <>
      <Breadcrumb items={[{ label: 'Minhas habilitações' }]} />
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h1>Minhas habilitações</h1>
        <Link className="br-button primary" to="/habilitacoes/nova">
          <i className="fas fa-plus mr-1" aria-hidden="true" />
          Nova habilitação
        </Link>
      </div>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pedidos…" />}
      {data && data.length === 0 && <p>Nenhum pedido de habilitação ainda. Comece por “Nova habilitação”.</p>}
      {data && data.length > 0 && (
        <ApplicationsTable
          caption="Pedidos de habilitação"
          applications={data}
          linkTo={(id) => `/habilitacoes/${id}`}
          showPartner={false}
        />
      )}
    </>
  );
}
