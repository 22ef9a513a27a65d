import { citizenServices, govbrLevelLabels, meetsLevel } from '@vigia/contracts';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fetchCitizenSession, signInUrl, signOut } from './citizen-api';
import { MyServices } from './MyServices';

/** /cidadao — the services, gov.br sign-in, and "Meus serviços" once signed in. */
export function CitizenHomePage() {
  useDocumentTitle('Portal da Segurança — serviços ao cidadão');
  const load = useCallback((signal: AbortSignal) => fetchCitizenSession(signal), []);
  const { data: session, error, loading, reload } = useApiData(load);
  if (loading) return <Loading />;
  const citizen = session?.citizen ?? null;
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão' }]} />
      <h1>Portal da Segurança</h1>
      <ApiErrorMessage error={error} />
      {citizen ? (
        <p>
          Você entrou como <strong data-testid="citizen-name">{citizen.name}</strong> (CPF {citizen.cpf}), conta gov.br nível{' '}
          <strong data-testid="citizen-level">{govbrLevelLabels[citizen.level]}</strong>.{' '}
          <button type="button" className="br-button secondary small" onClick={() => void signOut().then(reload)}>
            Sair
          </button>
        </p>
      ) : session?.signInAvailable ? (
        <p>
          <a className="br-button primary" href={signInUrl()} data-testid="govbr-sign-in">
            Entrar com gov.br
          </a>
        </p>
      ) : (
        <Message kind="warning" title="Acesso com gov.br indisponível">
          {session?.unavailableReason}
        </Message>
      )}
      <h2>Serviços</h2>
      <ul className="vigia-service-list">
        {citizenServices.map((s) => {
          const usable = s.requiredLevel === null || (citizen ? meetsLevel(citizen.level, s.requiredLevel) : session?.signInAvailable);
          return (
            <li key={s.id} className="mb-2">
              {s.requiredLevel === null ? <Link to={s.path}>{s.title}</Link> : <span>{s.title}</span>}{' '}
              <span className="text-down-01">
                {s.requiredLevel === null
                  ? '— sem identificação'
                  : `— requer conta gov.br nível ${govbrLevelLabels[s.requiredLevel]} ou superior${usable ? '' : ' (indisponível para você agora)'}`}
              </span>
            </li>
          );
        })}
      </ul>
      {citizen && <MyServices level={citizen.level} />}
    </div>
  );
}
