import { useCallback, useEffect } from 'react';
import { toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { useSession } from '../session/session-context';
import { FleetView } from './FleetView';
import { acknowledgeAlert, loadHealthDashboard } from './health-api';

const causeLabel: Record<string, string> = {
  camera_unreachable: 'Câmera inacessível',
  auth_failed: 'Falha de autenticação',
  stream_stalled: 'Vídeo parado',
  node_lost: 'Nó de mídia sem comunicação',
};
/** Tag of each alert kind (label, gov.br DS colour classes). */
const alertTag: Record<string, { label: string; tone: string }> = {
  camera_down: { label: 'Fora do ar', tone: 'bg-danger text-white' },
  camera_recovered: { label: 'Voltou', tone: 'bg-success text-white' },
  recording_disk_low: { label: 'Disco de gravação cheio', tone: 'bg-warning' },
  view_changed: { label: 'Câmera reposicionada / obstruída', tone: 'bg-warning' },
  recording_upload_backlog: { label: 'Envio ao armazenamento atrasado', tone: 'bg-warning' },
};
const duration = (min: number) => (min >= 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`);

/**
 * CIOSP health: cameras down by region and partner, longest outages, worst partners of the month,
 * open alerts; for operators and admins also the media-node fleet.
 */
export function HealthPage() {
  useDocumentTitle('Disponibilidade das câmeras');
  const load = useCallback((signal: AbortSignal) => loadHealthDashboard(signal), []);
  const { data: d, error, loading, reload, setData } = useApiData(load);
  const { activeRole } = useSession();
  const mayAck = activeRole === 'operator' || activeRole === 'regional_operator' || activeRole === 'admin';
  const seesFleet = activeRole === 'operator' || activeRole === 'admin';
  useEffect(() => {
    const t = setInterval(reload, 60_000);
    return () => clearInterval(t);
  }, [reload]);

  return (
    <>
      <h1>Disponibilidade das câmeras</h1>
      {loading && !d && <Loading label="Carregando a saúde das câmeras…" />}
      <ApiErrorMessage error={error} />
      {d && (
        <>
          <p className="text-down-01">Atualizado em {formatDateTime(d.generatedAt)} — câmeras monitoradas no seu escopo.</p>
          <h2 className="h4">Alertas abertos ({d.openAlerts.length})</h2>
          {d.openAlerts.length === 0 ? (
            <p>Nenhum alerta aberto.</p>
          ) : (
            <ul className="list-unstyled" data-testid="open-alerts">
              {d.openAlerts.map((a) => (
                <li key={a.id} className="mb-2">
                  <span className={`br-tag ${alertTag[a.kind]?.tone ?? 'bg-info text-white'} mr-2`}>
                    {alertTag[a.kind]?.label ?? a.kind}
                  </span>
                  {a.message} {a.partnerName ? `— ${a.partnerName}` : ''}{' '}
                  <span className="text-down-01">({formatDateTime(a.createdAt)})</span>
                  {mayAck && (
                    <button
                      type="button"
                      className="br-button secondary small ml-2"
                      onClick={() =>
                        acknowledgeAlert(a.id).then(
                          () => setData((cur) => (cur ? { ...cur, openAlerts: cur.openAlerts.filter((x) => x.id !== a.id) } : cur)),
                          (e: unknown) => alert(toApiError(e).message),
                        )
                      }
                    >
                      Ciente
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}

          <h2 className="h4">Fora do ar agora ({d.down.length}) — maiores interrupções primeiro</h2>
          {d.down.length === 0 ? (
            <p>Todas as câmeras monitoradas estão transmitindo.</p>
          ) : (
            <div className="br-table">
              <table>
                <caption className="sr-only">Câmeras fora do ar</caption>
                <thead>
                  <tr>
                    <th scope="col">Câmera</th>
                    <th scope="col">Parceiro</th>
                    <th scope="col">Região</th>
                    <th scope="col">Desde</th>
                    <th scope="col">Duração</th>
                    <th scope="col">Causa</th>
                  </tr>
                </thead>
                <tbody>
                  {d.down.slice(0, 50).map((c) => (
                    <tr key={c.cameraId}>
                      <td>{c.cameraName}</td>
                      <td>{c.partnerName ?? '—'}</td>
                      <td>{c.regionName ?? 'Sem região'}</td>
                      <td>{formatDateTime(c.since)}</td>
                      <td>{duration(c.minutes)}</td>
                      <td>{c.cause ? (causeLabel[c.cause] ?? c.cause) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <div className="row">
            <div className="col-md-6">
              <h2 className="h4">Por região</h2>
              <Counts
                rows={d.byRegion.map((r) => ({ key: r.regionName, label: r.regionName, down: r.down, total: r.total }))}
                caption="Câmeras fora do ar por região"
              />
            </div>
            <div className="col-md-6">
              <h2 className="h4">Por parceiro</h2>
              <Counts
                rows={d.byPartner
                  .slice(0, 20)
                  .map((p) => ({ key: p.partnerId ?? p.partnerName, label: p.partnerName, down: p.down, total: p.total }))}
                caption="Câmeras fora do ar por parceiro"
              />
            </div>
          </div>

          {seesFleet && <FleetView />}

          <h2 className="h4">Piores parceiros do mês ({d.month})</h2>
          {d.worstPartners.length === 0 ? (
            <p>Sem medição neste mês.</p>
          ) : (
            <div className="br-table">
              <table>
                <caption className="sr-only">Disponibilidade por parceiro no mês</caption>
                <thead>
                  <tr>
                    <th scope="col">Parceiro</th>
                    <th scope="col">Disponibilidade</th>
                    <th scope="col">Tempo fora do ar</th>
                    <th scope="col">Interrupções</th>
                  </tr>
                </thead>
                <tbody>
                  {d.worstPartners.map((p) => (
                    <tr key={p.partnerId}>
                      <td>{p.partnerName}</td>
                      <td>{p.percent.toFixed(2).replace('.', ',')}%</td>
                      <td>{duration(p.outageMinutes)}</td>
                      <td>{p.outages}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Counts({ rows, caption }: { rows: { key: string; label: string; down: number; total: number }[]; caption: string }) {
  if (!rows.length) return <p>Nenhuma câmera monitorada.</p>;
  return (
    <div className="br-table">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nome</th>
            <th scope="col">Fora do ar</th>
            <th scope="col">Monitoradas</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td>{r.down}</td>
              <td>{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
