import type { SessionResponse } from '@vigia/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fetchSession, logout } from '../../shared/api/auth-api';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { backofficeUrl, type LoginStep, nextStep } from './login-flow';
import { MfaEnrolStep } from './MfaEnrolStep';
import { MfaVerifyStep } from './MfaVerifyStep';
import { PasswordStep } from './PasswordStep';

/**
 * /entrar: password, then TOTP (enrol on first use or verify), then the back office at /app/.
 * The current session decides the starting step, so a reload mid-way resumes where it was.
 */
export function LoginPage() {
  useDocumentTitle('Entrar');
  const [step, setStep] = useState<LoginStep>('loading');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const started = useRef(false);
  const [params] = useSearchParams();
  const signedUp = params.get('cadastro') === 'ok';

  const onSession = useCallback((session: SessionResponse) => {
    const next = nextStep(session);
    setStep(next);
    if (next === 'done') window.location.assign(backofficeUrl);
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    fetchSession()
      .then(onSession)
      .catch((e: unknown) => {
        setLoadError(toApiError(e));
        setStep('password');
      });
  }, [onSession]);

  const cancel = useCallback(() => {
    // Drop the half-open session; whatever the answer, start again from the password.
    logout()
      .catch(() => undefined)
      .then(() => fetchSession())
      .catch(() => undefined)
      .finally(() => setStep('password'));
  }, []);

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Entrar' }]} />
      <div className="vigia-narrow mt-4">
        {signedUp && step === 'password' && (
          <Message kind="success" title="Cadastro recebido.">
            Enviamos um e-mail para o endereço de acesso informado. Siga o link da mensagem para ativar a conta e depois entre com o e-mail
            e a senha que você criou.
          </Message>
        )}
        {step === 'loading' && <Loading />}
        {step === 'password' && <PasswordStep onSession={onSession} initialError={loadError} />}
        {step === 'mfa_enrol' && <MfaEnrolStep onSession={onSession} onCancel={cancel} />}
        {step === 'mfa_verify' && <MfaVerifyStep onSession={onSession} onCancel={cancel} />}
        {step === 'done' && <Loading label="Acesso confirmado. Abrindo a área restrita…" />}
      </div>
    </div>
  );
}
