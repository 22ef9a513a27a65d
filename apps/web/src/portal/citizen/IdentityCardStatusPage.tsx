import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { identityCardStatus } from './citizen-api';

/** /cidadao/identidade/consulta — stage and post of an identity card by protocol, without sign-in. */
export function IdentityCardStatusPage() {
  useDocumentTitle('Consultar carteira de identidade');
  const [protocol, setProtocol] = useState('');
  const [result, setResult] = useState<{ protocol: string; stageLabel: string; post: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setResult(await identityCardStatus(protocol.trim()));
    } catch (err) {
      setResult(null);
      setError(toApiError(err));
    }
  }
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Consultar carteira de identidade' }]} />
      <h1>Consultar carteira de identidade</h1>
      <form onSubmit={submit} className="d-flex flex-wrap align-items-end" style={{ gap: '1rem' }} noValidate>
        <TextField id="rg-protocol" label="Número do protocolo" value={protocol} onChange={setProtocol} autoComplete="off" />
        <button className="br-button primary" type="submit" disabled={protocol.trim().length < 8}>
          Consultar
        </button>
      </form>
      <ApiErrorMessage error={error} />
      {result && (
        <dl className="vigia-facts mt-3">
          <dt>Situação</dt>
          <dd data-testid="rg-stage">{result.stageLabel}</dd>
          <dt>Posto</dt>
          <dd>{result.post}</dd>
        </dl>
      )}
    </div>
  );
}
