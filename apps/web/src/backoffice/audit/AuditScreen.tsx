import type { AuditEvent } from '@vigia/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { searchAuditEvents } from '../api/audit-api';
import { AuditEventsTable } from './AuditEventsTable';
import { ChainVerification } from './ChainVerification';

interface Filters {
  userId: string;
  cameraId: string;
  partnerId: string;
  action: string;
  from: string;
  to: string;
}
const empty: Filters = { userId: '', cameraId: '', partnerId: '', action: '', from: '', to: '' };
const query = (f: Filters) => new URLSearchParams(Object.entries(f).filter(([, v]) => v.trim() !== '')).toString();

/** Auditoria (admin, auditor): filters by user, camera, partner, action and period; CSV export; chain check. */
export function AuditScreen() {
  useDocumentTitle('Auditoria');
  const [draft, setDraft] = useState<Filters>(empty);
  const [applied, setApplied] = useState<Filters>(empty);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(f: Filters, beforeSeq?: number) {
    setLoading(true);
    setError(null);
    try {
      const q = query(f);
      const res = await searchAuditEvents(q, beforeSeq);
      setEvents((cur) => (beforeSeq ? [...(cur ?? []), ...res.events] : res.events));
      setNext(res.nextBeforeSeq);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load(empty);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    setApplied(draft);
    void load(draft);
  }
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const csv = `/api/audit/export.csv${query(applied) ? `?${query(applied)}` : ''}`;

  return (
    <>
      <Breadcrumb items={[{ label: 'Auditoria' }]} />
      <h1>Auditoria</h1>
      <ChainVerification />
      <form className="vigia-filters" onSubmit={submit} noValidate aria-label="Filtros da trilha de auditoria">
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="f-user"
              label="Usuário (identificador)"
              value={draft.userId}
              onChange={set('userId')}
              error={error?.fieldMessage('userId')}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="f-camera"
              label="Câmera (identificador)"
              value={draft.cameraId}
              onChange={set('cameraId')}
              error={error?.fieldMessage('cameraId')}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="f-partner"
              label="Parceiro (identificador)"
              value={draft.partnerId}
              onChange={set('partnerId')}
              error={error?.fieldMessage('partnerId')}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="f-action"
              label="Ação"
              value={draft.action}
              onChange={set('action')}
              hint="Exata (live.view_started) ou prefixo com * (release_request.*)."
            />
          </div>
          <div className="col-md-4">
            <TextField id="f-from" label="De" type="date" value={draft.from} onChange={set('from')} />
          </div>
          <div className="col-md-4">
            <TextField id="f-to" label="Até" type="date" value={draft.to} onChange={set('to')} />
          </div>
        </div>
        <div className="mt-2 d-flex flex-wrap">
          <button className="br-button primary mr-2" type="submit" disabled={loading}>
            Filtrar
          </button>
          <button
            className="br-button secondary mr-2"
            type="button"
            onClick={() => {
              setDraft(empty);
              setApplied(empty);
              void load(empty);
            }}
          >
            Limpar
          </button>
          <a className="br-button secondary" href={csv} download>
            <i className="fas fa-file-csv mr-1" aria-hidden="true" />
            Exportar CSV
          </a>
        </div>
      </form>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando eventos…" />}
      {events && events.length === 0 && <p>Nenhum evento com estes filtros.</p>}
      {events && events.length > 0 && <AuditEventsTable events={events} />}
      {next !== null && (
        <button className="br-button secondary mt-2" type="button" disabled={loading} onClick={() => void load(applied, next)}>
          Carregar mais
        </button>
      )}
    </>
  );
}
