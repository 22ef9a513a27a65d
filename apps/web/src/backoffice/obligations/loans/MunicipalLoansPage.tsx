import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listIncidents, listLoans } from '../obligations-api';
import { IncidentsTable } from './IncidentsTable';
import { LoansTable } from './LoansTable';

/** Municipal manager (indirect management): loans and incidents of the partners of its adhesion terms, read-only. */
export function MunicipalLoansPage() {
  useDocumentTitle('Cessões de equipamentos');
  const { data: loans, error, loading } = useApiData(listLoans);
  const { data: incidents, error: incidentsError } = useApiData(listIncidents);
  return (
    <>
      <Breadcrumb items={[{ label: 'Cessões de equipamentos' }]} />
      <h1>Cessões de equipamentos</h1>
      <p>
        Câmeras do Estado cedidas aos parceiros do município em gestão indireta. Roubos e danos por terceiros também são comunicados ao
        gestor (art. 18, § 1º).
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {loans && <LoansTable loans={loans} />}
      <h2 className="h4 mt-4">Ocorrências</h2>
      <ApiErrorMessage error={incidentsError} />
      {incidents && <IncidentsTable incidents={incidents} />}
    </>
  );
}
