import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listAuditEvents } from '../../api/audit-api';
import { AuditEventsTable } from './AuditEventsTable';
import { ChainVerification } from './ChainVerification';

const loadEvents = (signal: AbortSignal) => listAuditEvents(signal, 100);

/** Auditoria: the last audit events and the hash-chain check (admin, auditor). */
export function AuditPage() {
  useDocumentTitle('Auditoria');
  const { data: events, error, loading, reload } = useApiData(loadEvents);
  return (
    <>
      <Breadcrumb items={[{ label: 'Auditoria' }]} />
      <h1>Auditoria</h1>
      <ChainVerification />
      <div className="d-flex align-items-center justify-content-between flex-wrap">
        <h2 className="h4">Últimos eventos</h2>
        <button className="br-button secondary small" type="button" onClick={reload} disabled={loading}>
          <i className="fas fa-sync-alt mr-1" aria-hidden="true" />
          Atualizar
        </button>
      </div>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando eventos…" />}
      {events && events.length === 0 && <p>Nenhum evento registrado.</p>}
      {events && events.length > 0 && <AuditEventsTable events={events} />}
    </>
  );
}
