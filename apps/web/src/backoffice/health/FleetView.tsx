import { type FleetView as Fleet, nodeLeaseStateLabel } from '@vigia/contracts';
import { useCallback, useEffect } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatBytes, formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { loadFleetView } from './health-api';

/** gov.br DS tag colour of each lease state. */
const leaseTone: Record<Fleet['nodes'][number]['leaseState'], string> = {
  live: 'bg-success text-white',
  draining: 'bg-warning',
  expired: 'bg-danger text-white',
};
const percent = (n: number) => `${n.toLocaleString('pt-BR', { maximumFractionDigits: 1 })}%`;

/** The CIOSP fleet view (issue 13): media nodes, region, load, cameras held, last heartbeat, lease and spool backlog. */
export function FleetView() {
  const load = useCallback((signal: AbortSignal) => loadFleetView(signal), []);
  const { data: v, error, loading, reload } = useApiData(load);
  useEffect(() => {
    const t = setInterval(reload, 15_000);
    return () => clearInterval(t);
  }, [reload]);
  const held = v?.nodes.reduce((a, n) => a + n.camerasHeld, 0) ?? 0;
  const live = v?.nodes.filter((n) => n.leaseState !== 'expired').length ?? 0;
  return (
    <section aria-labelledby="fleet-title" data-testid="fleet-view">
      <h2 className="h4" id="fleet-title">
        Nós de mídia
      </h2>
      {loading && !v && <Loading label="Carregando os nós de mídia…" />}
      <ApiErrorMessage error={error} />
      {v &&
        (v.nodes.length === 0 ? (
          <p>Nenhum nó de mídia registrado.</p>
        ) : (
          <>
            <p className="text-down-01">
              {live} de {v.nodes.length} nó(s) com concessão ativa, {held} câmera(s) atendidas — atualizado em{' '}
              {formatDateTime(v.generatedAt)}.
            </p>
            <div className="br-table">
              <table>
                <caption className="sr-only">Nós de mídia: região, carga, câmeras, último sinal e envios pendentes</caption>
                <thead>
                  <tr>
                    <th scope="col">Nó</th>
                    <th scope="col">Região</th>
                    <th scope="col">Situação</th>
                    <th scope="col">Câmeras</th>
                    <th scope="col">Carga</th>
                    <th scope="col">Espectadores</th>
                    <th scope="col">Último sinal</th>
                    {v.objectStorage && <th scope="col">Aguardando envio</th>}
                  </tr>
                </thead>
                <tbody>
                  {v.nodes.map((n) => (
                    <tr key={n.id} data-node={n.id}>
                      <td>{n.id}</td>
                      <td>{n.regionName ?? 'Todas'}</td>
                      <td>
                        <span className={`br-tag ${leaseTone[n.leaseState]}`}>{nodeLeaseStateLabel[n.leaseState]}</span>
                      </td>
                      <td>
                        {n.camerasHeld} de {n.capacity}
                      </td>
                      <td>{percent(n.loadPercent)}</td>
                      <td>{n.viewers}</td>
                      <td>{formatDateTime(n.lastHeartbeatAt)}</td>
                      {v.objectStorage && (
                        <td>
                          {n.pendingSegments ? (
                            <>
                              {n.pendingSegments} segmento(s), {formatBytes(n.pendingBytes ?? 0)}
                              {n.oldestPendingAt && <span className="d-block text-down-01">desde {formatDateTime(n.oldestPendingAt)}</span>}
                            </>
                          ) : (
                            'Nada pendente'
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}
