import { type IdentityCardWorkItem, identityCardNextStage, identityCardStageLabels } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { formatDate } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { PostsPanel } from './PostsPanel';
import { advanceIdentityCard, decideExemption, listOpenIdentityCards } from './politec-api';
import { useWorkList, WorkListStatus } from './work-list';

const TITLE = 'Carteiras de identidade';

/**
 * /politec/identidade — Politec moves each identity-card request one stage on (biometrics at the post,
 * production, shipped, available, delivered with the RG number), decides fee exemptions with the
 * proof presented and keeps the identification posts. The citizen is mailed at each change.
 */
export function IdentityCardsPage() {
  useDocumentTitle(TITLE);
  const list = useWorkList(listOpenIdentityCards);
  const { data, done } = list;
  const exemptions = data?.filter((r) => r.stage === 'awaiting_exemption') ?? [];
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Pedidos de carteira de identidade em andamento, do atendimento mais antigo ao mais recente. Registre cada etapa quando ela ocorrer:
        o cidadão recebe um e-mail a cada mudança.
      </p>
      <WorkListStatus list={list} loadingLabel="Carregando pedidos…" emptyText="Nenhum pedido em andamento." />

      {exemptions.length > 0 && (
        <section aria-labelledby="exemptions-title" className="mb-5">
          <h2 id="exemptions-title">Pedidos de isenção da taxa</h2>
          {exemptions.map((r) => (
            <ExemptionCard key={r.id} request={r} onDecided={done} />
          ))}
        </section>
      )}

      <section aria-labelledby="open-title" className="mb-5">
        <h2 id="open-title">Pedidos em andamento</h2>
        {data && data.length > 0 && (
          <div className="br-table vigia-table-wrap">
            <table>
              <caption>Pedidos em andamento ({data.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Protocolo</th>
                  <th scope="col">Nome</th>
                  <th scope="col">Via</th>
                  <th scope="col">Posto</th>
                  <th scope="col">Atendimento</th>
                  <th scope="col">Etapa</th>
                  <th scope="col">Próximo passo</th>
                </tr>
              </thead>
              <tbody>
                {data.map((r) => (
                  <RequestRow key={r.id} request={r} onAdvanced={done} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <PostsPanel />
    </>
  );
}

function RequestRow({ request, onAdvanced }: { request: IdentityCardWorkItem; onAdvanced: (text: string) => void }) {
  const next = identityCardNextStage(request.stage);
  const [rgNumber, setRgNumber] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const advance = () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    advanceIdentityCard(request.id, next, next === 'delivered' ? rgNumber : undefined)
      .then((r) => onAdvanced(`Protocolo ${request.protocol}: ${identityCardStageLabels[r.stage]}.`))
      .catch((e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <tr data-protocol={request.protocol}>
      <th scope="row">{request.protocol}</th>
      <td>{request.name}</td>
      <td>{request.copy === 'first' ? '1ª via' : '2ª via'}</td>
      <td>{request.post}</td>
      <td>{formatDate(request.appointmentDate)}</td>
      <td data-testid="politec-card-stage">{request.stageLabel}</td>
      <td>
        <ApiErrorMessage error={error} />
        {next === null && <span className="text-down-01">{waitingText(request)}</span>}
        {next === 'delivered' && (
          <TextField
            id={`rg-${request.id}`}
            label="Número do RG entregue"
            value={rgNumber}
            onChange={setRgNumber}
            error={error?.fieldMessage('rgNumber')}
            maxLength={30}
          />
        )}
        {next !== null && (
          <button type="button" className="br-button primary small mt-1" disabled={busy} onClick={advance}>
            Registrar: {identityCardStageLabels[next]}
          </button>
        )}
      </td>
    </tr>
  );
}

function waitingText(r: IdentityCardWorkItem): string {
  if (r.stage === 'awaiting_payment') return 'Aguardando o pagamento da taxa pelo cidadão.';
  if (r.stage === 'awaiting_exemption') return 'Decida o pedido de isenção acima.';
  return '—';
}

function ExemptionCard({ request, onDecided }: { request: IdentityCardWorkItem; onDecided: (text: string) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = (granted: boolean) => {
    setBusy(true);
    setError(null);
    decideExemption(request.id, granted)
      .then(() =>
        onDecided(
          granted
            ? `Protocolo ${request.protocol}: isenção concedida, atendimento agendado.`
            : `Protocolo ${request.protocol}: isenção negada, a taxa foi gerada para o cidadão.`,
        ),
      )
      .catch((e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="br-card mb-3" data-protocol={request.protocol}>
      <div className="card-content">
        <h3 className="h5">
          {request.protocol} — {request.name}
        </h3>
        <p>
          <strong>Comprovante apresentado:</strong> {request.exemptionProof ?? '—'}
        </p>
        <p className="text-down-01">
          {request.post}, atendimento em {formatDate(request.appointmentDate)}.
        </p>
        <ApiErrorMessage error={error} />
        <button type="button" className="br-button primary mr-2" disabled={busy} onClick={() => decide(true)}>
          Conceder isenção
        </button>
        <button type="button" className="br-button secondary" disabled={busy} onClick={() => decide(false)}>
          Negar isenção (gerar a taxa)
        </button>
      </div>
    </div>
  );
}
