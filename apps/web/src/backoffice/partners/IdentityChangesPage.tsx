import type { IdentityChange } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { decideIdentityChange, listPendingIdentityChanges } from '../api/identity-change-api';
import { IdentityValues } from './identity-values';

/** /comissao/alteracoes-cadastrais — the committee decides partners' identity-change requests. */
export function IdentityChangesPage() {
  useDocumentTitle('Alterações cadastrais');
  const { data, error, loading, reload } = useApiData(listPendingIdentityChanges);
  return (
    <>
      <Breadcrumb items={[{ label: 'Alterações cadastrais' }]} />
      <h1>Alterações cadastrais</h1>
      <p>
        Pedidos dos entes para mudar tipo, nome, CPF/CNPJ ou representante legal. O deferimento altera o cadastro e guarda os dados
        anteriores.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pedidos…" />}
      {data?.length === 0 && <Message kind="info">Nenhum pedido aguardando decisão.</Message>}
      {data?.map((c) => (
        <ChangeCard key={c.id} change={c} onDecided={reload} />
      ))}
    </>
  );
}

function ChangeCard({ change, onDecided }: { change: IdentityChange; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      await decideIdentityChange(change.id, approve, reason);
      onDecided();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="br-card mb-4">
      <div className="card-content">
        <h2 className="h5">{change.partnerName}</h2>
        <p>
          <strong>Motivo:</strong> {change.reason}
        </p>
        <div className="row">
          <div className="col-md-6">
            <h3 className="h6">Dados atuais</h3>
            <IdentityValues values={change.current} />
          </div>
          <div className="col-md-6">
            <h3 className="h6">Dados propostos</h3>
            <IdentityValues values={change.proposed} />
          </div>
        </div>
        <ApiErrorMessage error={error} />
        <TextAreaField
          id={`decision-${change.id}`}
          label="Fundamentação da decisão"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
          required
          maxLength={2000}
        />
        <div className="mt-3">
          <button className="br-button primary mr-2" type="button" disabled={busy} onClick={() => void decide(true)}>
            Deferir alteração
          </button>
          <button className="br-button secondary" type="button" disabled={busy} onClick={() => void decide(false)}>
            Indeferir
          </button>
        </div>
      </div>
    </div>
  );
}
