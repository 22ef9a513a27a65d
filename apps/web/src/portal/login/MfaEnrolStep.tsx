import type { MfaEnrolment, SessionResponse } from '@vigia/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../shared/api/api-error';
import { confirmMfaEnrolment, startMfaEnrolment } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { CodeField } from './CodeField';
import { StepHeading } from './StepHeading';
import { useCodeSubmit } from './use-code-submit';

interface MfaEnrolStepProps {
  onSession: (session: SessionResponse) => void;
  onCancel: () => void;
}

/** First sign-in of a role that requires MFA: register the authenticator app, then confirm a code. */
export function MfaEnrolStep({ onSession, onCancel }: MfaEnrolStepProps) {
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const { code, setCode, formatError, error, setError, busy, submit } = useCodeSubmit(confirmMfaEnrolment, onSession);
  const requested = useRef(false);

  const requestEnrolment = useCallback(async () => {
    setError(null);
    try {
      setEnrolment(await startMfaEnrolment());
    } catch (e) {
      setError(toApiError(e));
    }
  }, []);

  useEffect(() => {
    // Each call issues a new secret, so ask exactly once (StrictMode runs effects twice in dev).
    if (requested.current) return;
    requested.current = true;
    void requestEnrolment();
  }, [requestEnrolment]);

  return (
    <>
      <StepHeading>Configurar a verificação em duas etapas</StepHeading>
      <p>
        Seu perfil exige um segundo fator de autenticação. Instale um aplicativo autenticador (por exemplo, FreeOTP, Google Authenticator ou
        Microsoft Authenticator) e cadastre a conta lendo o QR code abaixo.
      </p>
      <ApiErrorMessage error={error} />
      {!enrolment && !error && <Loading label="Gerando a chave de autenticação…" />}
      {!enrolment && error && (
        <button className="br-button secondary mb-3" type="button" onClick={() => void requestEnrolment()}>
          Tentar novamente
        </button>
      )}
      {enrolment && (
        <>
          <ol>
            <li className="mb-2">
              Leia o QR code com o aplicativo:
              <div className="my-2">
                <img className="vigia-qr" src={enrolment.qrCodeDataUrl} alt="QR code para cadastrar a conta no aplicativo autenticador" />
              </div>
            </li>
            <li className="mb-2">
              Se não puder ler o QR code, digite esta chave no aplicativo:
              <div className="my-2">
                <code className="vigia-secret" aria-label="Chave secreta">
                  {enrolment.secret}
                </code>
              </div>
            </li>
            <li>Digite abaixo o código de 6 dígitos que o aplicativo exibir para confirmar.</li>
          </ol>
          <form onSubmit={submit} noValidate>
            <div className="mb-3">
              <CodeField value={code} onChange={setCode} error={formatError ?? error?.fieldMessage('code')} disabled={busy} />
            </div>
            <button className="br-button primary mr-2" type="submit" disabled={busy}>
              {busy ? 'Confirmando…' : 'Confirmar'}
            </button>
            <button className="br-button secondary" type="button" onClick={onCancel} disabled={busy}>
              Cancelar
            </button>
          </form>
        </>
      )}
    </>
  );
}
