import type { Me } from '@vigia/contracts';
import { type ReactNode, useEffect, useState } from 'react';
import { onAuthFailure } from '../../shared/api/api-client';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fetchSession } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { loginUrl, SessionProvider } from './SessionProvider';

/**
 * Nothing of the back office renders before GET /api/auth/session says the person is signed in
 * with an active (MFA-complete) session; otherwise the browser goes to /entrar.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    onAuthFailure(() => window.location.assign(loginUrl));
    const controller = new AbortController();
    fetchSession(controller.signal)
      .then((session) => {
        if (!session.authenticated || !session.me || session.me.stage !== 'active') {
          window.location.replace(loginUrl);
          return;
        }
        setMe(session.me);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(e));
      });
    return () => {
      controller.abort();
      onAuthFailure(null);
    };
  }, []);

  if (error) {
    return (
      <main className="container-lg vigia-main-area" id="main-content">
        <ApiErrorMessage error={error} />
        <a className="br-button secondary" href={loginUrl}>
          Ir para a página de entrada
        </a>
      </main>
    );
  }
  if (!me) {
    return (
      <main className="container-lg vigia-main-area" id="main-content">
        <Loading label="Verificando sua sessão…" />
      </main>
    );
  }
  return <SessionProvider me={me}>{children}</SessionProvider>;
}
