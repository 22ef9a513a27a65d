import type { IdentityChange } from '@vigia/contracts';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { ReasonedDecision } from '../../shared/components/ReasonedDecision';
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
        <ReasonedDecision
          id={`decision-${change.id}`}
          approveLabel="Deferir alteração"
          decide={(approve, reason) => decideIdentityChange(change.id, approve, reason)}
          onDecided={onDecided}
        />
      </div>
    </div>
  );
}
