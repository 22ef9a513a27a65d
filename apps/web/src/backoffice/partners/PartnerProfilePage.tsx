import { useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listOwnIdentityChanges } from '../api/identity-change-api';
import { getOwnPartnerProfile } from '../api/partner-api';
import { IdentityChangeForm } from './IdentityChangeForm';
import { IdentityValues } from './identity-values';

const statusLabels = { pending: 'Aguardando a comissão', approved: 'Deferida', rejected: 'Indeferida' } as const;

/**
 * /dados-cadastrais — the partner's identity and its alteração cadastral requests. After the
 * first application is sent, kind, name, CPF/CNPJ and legal representative change only here,
 * by a request the committee decides.
 */
export function PartnerProfilePage() {
  useDocumentTitle('Dados cadastrais');
  const profile = useApiData(getOwnPartnerProfile);
  const changes = useApiData(listOwnIdentityChanges);
  const [asking, setAsking] = useState(false);
  const pending = changes.data?.some((c) => c.status === 'pending');

  return (
    <>
      <Breadcrumb items={[{ label: 'Dados cadastrais' }]} />
      <h1>Dados cadastrais</h1>
      <ApiErrorMessage error={profile.error ?? changes.error} />
      {profile.loading && <Loading label="Carregando dados…" />}
      {profile.data && <IdentityValues values={profile.data} />}
      <h2 className="h4 mt-4">Alteração cadastral</h2>
      <p>
        Depois do envio do pedido de habilitação, tipo, nome, CPF/CNPJ e representante legal só mudam por solicitação decidida pela
        comissão. Os dados anteriores ficam guardados no histórico.
      </p>
      {changes.data?.map((c) => (
        <Message key={c.id} kind={c.status === 'rejected' ? 'warning' : 'info'} title={`${statusLabels[c.status]}.`}>
          Pedido de {new Date(c.createdAt).toLocaleDateString('pt-BR')}: {c.reason}
          {c.decisionReason ? ` — Decisão: ${c.decisionReason}` : ''}
        </Message>
      ))}
      {profile.data && !pending && !asking && (
        <button className="br-button secondary" type="button" onClick={() => setAsking(true)}>
          Solicitar alteração cadastral
        </button>
      )}
      {profile.data && asking && (
        <IdentityChangeForm
          profile={profile.data}
          onFiled={() => {
            setAsking(false);
            changes.reload();
          }}
        />
      )}
    </>
  );
}
