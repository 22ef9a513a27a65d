import { type AccidentDeclaration, meetsLevel, requiredLevelOf } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { AccidentForm } from './AccidentForm';
import { declareAccident, fetchCitizenSession, fetchMyAccident, resubmitAccident, signInUrl } from './citizen-api';

const crumbs = (last: string) => [
  { label: 'Serviços ao cidadão', to: '/cidadao' },
  { label: 'Acidente de trânsito', to: '/cidadao/acidente' },
  { label: last },
];

/** Signed in with the level the service needs, or says how to get there. */
function useAccidentAccess(returnTo: string) {
  const load = useCallback((signal: AbortSignal) => fetchCitizenSession(signal), []);
  const { data, error, loading } = useApiData(load);
  const citizen = data?.citizen ?? null;
  let blocker: React.ReactNode = null;
  if (!loading && !citizen)
    blocker = data?.signInAvailable ? (
      <p>
        <a className="br-button primary" href={signInUrl(returnTo)}>
          Entrar com gov.br
        </a>
      </p>
    ) : (
      <Message kind="warning" title="Acesso com gov.br indisponível">
        {data?.unavailableReason}
      </Message>
    );
  else if (citizen && !meetsLevel(citizen.level, requiredLevelOf('accident_certificate')))
    blocker = <p>Este serviço exige conta gov.br nível prata ou ouro. Eleve o nível da sua conta em gov.br e entre novamente.</p>;
  return { loading, error, blocker };
}

function Submitted({ d }: { d: AccidentDeclaration }) {
  return (
    <Message kind="success" title="Declaração recebida">
      Protocolo <strong data-testid="accident-protocol">{d.protocol}</strong>. A polícia de trânsito vai analisar sua declaração; acompanhe
      em <Link to="/cidadao">Meus serviços</Link>.
    </Message>
  );
}

/** /cidadao/acidente — declare a non-injury traffic accident. */
export function AccidentDeclarationPage() {
  useDocumentTitle('Declarar acidente de trânsito sem vítimas');
  const { loading, error, blocker } = useAccidentAccess('/cidadao/acidente');
  const [done, setDone] = useState<AccidentDeclaration | null>(null);
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={crumbs('Declarar')} />
      <h1>Certidão de acidente de trânsito sem vítimas</h1>
      <p>
        Declare aqui um acidente sem feridos ocorrido em Mato Grosso. A polícia de trânsito analisa a declaração e, se a validar, emite a
        certidão com código de autenticação. As outras partes indicadas por CPF podem confirmar a participação com o próprio gov.br.
      </p>
      <ApiErrorMessage error={error} />
      {loading ? <Loading /> : (blocker ?? (done ? <Submitted d={done} /> : <AccidentForm submit={declareAccident} onDone={setDone} />))}
    </div>
  );
}

/** /cidadao/acidente/:id/corrigir — correct a declaration the traffic police sent back and resubmit it. */
export function AccidentCorrectionPage() {
  useDocumentTitle('Corrigir declaração de acidente de trânsito');
  const { id = '' } = useParams();
  const access = useAccidentAccess(`/cidadao/acidente/${id}/corrigir`);
  const load = useCallback((signal: AbortSignal) => fetchMyAccident(id, signal), [id]);
  const { data, error, loading } = useApiData(load);
  const [done, setDone] = useState<AccidentDeclaration | null>(null);
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={crumbs('Corrigir')} />
      <h1>Corrigir declaração de acidente</h1>
      <ApiErrorMessage error={access.error ?? error} />
      {access.loading || loading ? (
        <Loading />
      ) : (
        (access.blocker ??
        (done ? (
          <Submitted d={done} />
        ) : data && data.status === 'corrections_requested' ? (
          <>
            <Message kind="warning" title="Correção pedida pela polícia de trânsito">
              {data.answer}
            </Message>
            <AccidentForm initial={data} submit={(body) => resubmitAccident(id, body)} onDone={setDone} />
          </>
        ) : (
          data && <p>Esta declaração não aguarda correção ({data.statusLabel}).</p>
        )))
      )}
    </div>
  );
}
