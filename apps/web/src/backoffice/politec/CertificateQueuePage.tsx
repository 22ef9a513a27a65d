import type { CertificateQueueItem } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { decideCertificate, listCertificateQueue } from './politec-api';
import { useWorkList, WorkListStatus } from './work-list';

const TITLE = 'Análise de certidões';
const DAY_MS = 86_400_000;

const reasonLabels: Record<string, string> = {
  homonym: 'Homônimo na base de antecedentes (outra pessoa com o mesmo nome)',
  record: 'Registro no CPF a conferir',
};

/**
 * /politec/certidoes — the criminal-record certificates that could not be issued at once, oldest
 * legal deadline first (Lei 9.051/1995: 15 days). The analyst issues the certificate (the content
 * rules apply: no inquiry, no served sentence, no homonym) or answers the citizen with reasons.
 * The CPF is shown masked, as the API gives it.
 */
export function CertificateQueuePage() {
  useDocumentTitle(TITLE);
  const list = useWorkList(listCertificateQueue);
  const { data, done } = list;
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Pedidos de certidão de antecedentes criminais em análise, do prazo mais próximo ao mais distante. O prazo legal é de 15 dias a
        contar do pedido (Lei nº 9.051/1995).
      </p>
      <WorkListStatus list={list} loadingLabel="Carregando pedidos…" emptyText="Nenhum pedido em análise." />
      {data?.map((r) => (
        <QueueCard key={r.id} request={r} onDecided={done} />
      ))}
    </>
  );
}

function deadlineText(deadlineAt: string | null): { text: string; overdue: boolean } {
  if (!deadlineAt) return { text: 'sem prazo registrado', overdue: false };
  const left = Math.ceil((new Date(deadlineAt).getTime() - Date.now()) / DAY_MS);
  const when = formatDateTime(deadlineAt);
  if (left < 0) return { text: `${when} — vencido há ${-left} dia(s)`, overdue: true };
  return { text: `${when} — ${left === 0 ? 'vence hoje' : `${left} dia(s) restante(s)`}`, overdue: false };
}

function QueueCard({ request, onDecided }: { request: CertificateQueueItem; onDecided: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const deadline = deadlineText(request.deadlineAt);
  const decide = (decision: { decision: 'issue' } | { decision: 'answer'; reason: string }) => {
    setBusy(true);
    setError(null);
    decideCertificate(request.id, decision)
      .then((r) =>
        onDecided(
          r.status === 'issued'
            ? `Pedido ${request.protocol}: certidão emitida (código ${r.code ?? '—'}).`
            : `Pedido ${request.protocol}: respondido com fundamentação.`,
        ),
      )
      .catch((e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="br-card mb-4" aria-labelledby={`cert-${request.id}`} data-protocol={request.protocol}>
      <div className="card-content">
        <h2 className="h5" id={`cert-${request.id}`}>
          {request.protocol} — {request.name}
        </h2>
        <dl className="row mb-2">
          <dt className="col-sm-3">CPF</dt>
          <dd className="col-sm-9" data-testid="queue-cpf">
            {request.cpfMasked}
          </dd>
          <dt className="col-sm-3">Motivo da análise</dt>
          <dd className="col-sm-9">{reasonLabels[request.analysisReason] ?? request.analysisReason}</dd>
          <dt className="col-sm-3">Pedido em</dt>
          <dd className="col-sm-9">{formatDateTime(request.requestedAt)}</dd>
          <dt className="col-sm-3">Prazo legal</dt>
          <dd className={`col-sm-9${deadline.overdue ? ' text-danger' : ''}`} data-testid="queue-deadline">
            {deadline.text}
          </dd>
        </dl>
        <ApiErrorMessage error={error} />
        <button type="button" className="br-button primary mb-3" disabled={busy} onClick={() => decide({ decision: 'issue' })}>
          Emitir certidão
        </button>
        <TextAreaField
          id={`answer-${request.id}`}
          label="Fundamentação da resposta (quando a certidão não puder ser emitida pela internet)"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
          maxLength={2000}
        />
        <button type="button" className="br-button secondary mt-2" disabled={busy} onClick={() => decide({ decision: 'answer', reason })}>
          Responder com fundamentação
        </button>
      </div>
    </section>
  );
}
