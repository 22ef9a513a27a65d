import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { useApiData } from '../../shared/hooks/use-api-data';
import { fetchMyPoliceReports } from './citizen-api';

/** "Meus serviços": the citizen's police reports (the page of each has its messages, clocks and PDF). */
export function MyPoliceReports() {
  const load = useCallback((signal: AbortSignal) => fetchMyPoliceReports(signal), []);
  const { data, error } = useApiData(load);
  return (
    <>
      <h3>Delegacia Virtual — boletins de ocorrência</h3>
      <p>
        <Link to="/cidadao/ocorrencias">Registrar ocorrência ou comunicar desaparecimento</Link>
      </p>
      <ApiErrorMessage error={error} />
      {data?.reports.length ? (
        <ul>
          {data.reports.map((r) => (
            <li key={r.id}>
              <Link to={r.status === 'draft' ? `/cidadao/ocorrencias/nova?rascunho=${r.id}` : `/cidadao/ocorrencias/${r.id}`}>
                {r.protocol}
              </Link>{' '}
              — {r.kindLabel}: {r.statusLabel}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nenhum boletim de ocorrência.</p>
      )}
    </>
  );
}
