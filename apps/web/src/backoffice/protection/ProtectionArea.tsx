import { missionStatusLabels } from '@vigia/contracts';
import { Link, Route, Routes } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { useSession } from '../session/session-context';
import { MissionPage } from './MissionPage';
import { ProtectionRequestForm } from './ProtectionRequestForm';
import { listMissions } from './protection-api';

/**
 * Missões de proteção (Resolução 121/2025/CSPJC-MT): each person sees only the missions they need
 * to know; lists show code names. The server enforces functions, scope and the flow.
 */
export function ProtectionArea() {
  return (
    <Routes>
      <Route index element={<MissionsList />} />
      <Route path="nova" element={<ProtectionRequestForm />} />
      <Route path=":id" element={<MissionPage />} />
    </Routes>
  );
}

function MissionsList() {
  useDocumentTitle('Missões de proteção');
  const { data, error, loading } = useApiData(listMissions);
  const { activeRole } = useSession();
  return (
    <>
      <Breadcrumb items={[{ label: 'Missões de proteção' }]} />
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h1>Missões de proteção</h1>
        {activeRole === 'protection_staff' && (
          <Link className="br-button primary" to="nova">
            <i className="fas fa-plus mr-1" aria-hidden="true" />
            Solicitar proteção
          </Link>
        )}
      </div>
      <p className="text-down-01">
        Resolução nº 121/2025/CSPJC-MT. Acesso restrito a quem precisa conhecer cada missão; toda consulta é registrada na trilha de
        auditoria. As listas mostram apenas o codinome.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando missões…" />}
      {data && data.length === 0 && <p>Nenhuma missão visível para você.</p>}
      {data && data.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Missões ({data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Codinome</th>
                <th scope="col">Número</th>
                <th scope="col">Nível</th>
                <th scope="col">Período</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {data.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={m.id}>{m.codeName}</Link>
                  </th>
                  <td>{m.number}</td>
                  <td>{m.level ?? '—'}</td>
                  <td>
                    {m.periodStart} a {m.periodEnd}
                  </td>
                  <td>
                    <span className="br-tag text">{missionStatusLabels[m.status]}</span>
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
