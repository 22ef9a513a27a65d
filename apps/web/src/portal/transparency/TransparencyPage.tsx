import type { UsageReport } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';

const loadUsage = (signal: AbortSignal) => apiRequest<UsageReport>('/api/public/transparency/usage?months=12', { signal });
const monthLabel = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('pt-BR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Transparência: how the program's images are used, month by month — counts only, taken from the
 * tamper-evident audit trail, with no personal data (no names, accounts, cameras or addresses).
 */
export function TransparencyPage() {
  useDocumentTitle('Transparência — uso das imagens');
  const { data, error, loading } = useApiData(loadUsage);
  return (
    <div className="container-lg my-4">
      <h1>Transparência: uso das imagens</h1>
      <p>
        Cada visualização ao vivo, reprodução de gravação, exportação e decisão sobre cessão de imagens é registrada numa trilha de
        auditoria inviolável (Decreto nº 1.522/2022, arts. 26 e 27). Esta página publica apenas contagens mensais, sem dados pessoais.
        Imagens só são cedidas a pedido do Judiciário, do Ministério Público, de autoridade policial que presida inquérito ou para instrução
        de processos (art. 2º, VI); pedidos de cidadãos, imprensa e empresas são recusados.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando relatório…" />}
      {data && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Uso mensal (horário de Cuiabá)</caption>
            <thead>
              <tr>
                <th scope="col">Mês</th>
                <th scope="col">Visualizações ao vivo</th>
                <th scope="col">Reproduções de gravação</th>
                <th scope="col">Exportações entregues</th>
                <th scope="col">Pedidos de cessão</th>
                <th scope="col">Cessões deferidas</th>
                <th scope="col">Cessões indeferidas</th>
                <th scope="col">Pedidos recusados (requerente sem legitimidade)</th>
              </tr>
            </thead>
            <tbody>
              {[...data.months].reverse().map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month)}</th>
                  <td>{m.liveViews}</td>
                  <td>{m.playbacks}</td>
                  <td>{m.exports}</td>
                  <td>{m.releaseRequests}</td>
                  <td>{m.releasesGranted}</td>
                  <td>{m.releasesDenied}</td>
                  <td>{m.requestsRefused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-down-01">
        Reproduções de gravação e exportações passam a ser contadas quando a gravação estiver integrada à plataforma.
      </p>
    </div>
  );
}
