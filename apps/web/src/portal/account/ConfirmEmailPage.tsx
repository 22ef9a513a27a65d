import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { confirmEmail } from './account-api';
import { ResendConfirmationForm } from './ResendConfirmationForm';

/** /confirmar-email?token=… — the link mailed at sign-up: activates the account (single use). */
export function ConfirmEmailPage() {
  useDocumentTitle('Confirmar e-mail');
  const [params] = useSearchParams();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    confirmEmail(params.get('token') ?? '')
      .then((r) => setDone(r.message))
      .catch((e: unknown) => setError(toApiError(e)));
  }, [params]);

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Confirmar e-mail' }]} />
      <div className="vigia-narrow mt-4">
        <h1>Confirmar e-mail</h1>
        {!done && !error && <Loading label="Confirmando o e-mail…" />}
        {done && (
          <Message kind="success" title="Conta ativada.">
            {done} <Link to="/entrar">Entrar</Link>.
          </Message>
        )}
        {error && (
          <>
            <ApiErrorMessage error={error} />
            <ResendConfirmationForm />
          </>
        )}
      </div>
    </div>
  );
}
