import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fetchPerformance, SERVICE_PERFORMANCE_URL } from './service-ratings-api';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const score = (n: number | null) => (n === null ? '—' : n.toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 2 }));

/** /desempenho-dos-servicos — per portal service: volume, ratings and the share answered in the legal deadline (open data). */
export function ServicePerformancePage() {
  useDocumentTitle('Desempenho dos serviços');
  const { data, error, loading } = useApiData(fetchPerformance);
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Desempenho dos serviços' }]} />
      <h1>Desempenho dos serviços do Portal da Segurança</h1>
      <p>
        Para cada serviço: quantos pedidos foram feitos, quantos foram concluídos, a parcela respondida dentro do prazo legal e as
        avaliações dos cidadãos (notas de 1 a 5, dadas depois de usar o serviço).
      </p>
      <ApiErrorMessage error={error} />
      {loading || !data ? (
        <Loading />
      ) : (
        <table className="br-table" data-testid="service-performance">
          <thead>
            <tr>
              <th>Serviço</th>
              <th>Prazo legal</th>
              <th>Pedidos</th>
              <th>Concluídos</th>
              <th>No prazo</th>
              <th>Avaliações</th>
              <th>Nota média</th>
            </tr>
          </thead>
          <tbody>
            {data.services.map((s) => (
              <tr key={s.service} data-testid={`performance-${s.service}`}>
                <td>{s.title}</td>
                <td>{s.legalDeadline ?? 'Sem prazo legal'}</td>
                <td>{s.requests}</td>
                <td>{s.finished}</td>
                <td>{percent(s.withinDeadlineShare)}</td>
                <td data-testid="performance-ratings">{s.ratings}</td>
                <td data-testid="performance-average">{score(s.averageScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-3">
        Dados abertos (JSON, {data?.licence ?? 'CC BY 4.0'}): <a href={SERVICE_PERFORMANCE_URL}>{SERVICE_PERFORMANCE_URL}</a>
      </p>
    </div>
  );
}
