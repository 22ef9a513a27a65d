import type { SessionResponse } from '@vigia/contracts';
import { verifyMfa } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { CodeField } from './CodeField';
import { StepHeading } from './StepHeading';
import { useCodeSubmit } from './use-code-submit';

interface MfaVerifyStepProps {
  onSession: (session: SessionResponse) => void;
  onCancel: () => void;
}

/** Second factor for an account that already has an authenticator app registered. */
export function MfaVerifyStep({ onSession, onCancel }: MfaVerifyStepProps) {
  const { code, setCode, formatError, error, busy, submit } = useCodeSubmit(verifyMfa, onSession);

  return (
    <>
      <StepHeading>Verificação em duas etapas</StepHeading>
      <p>Abra o aplicativo autenticador e digite o código de 6 dígitos da conta Vigia Mais MT.</p>
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate>
        <div className="mb-3">
          <CodeField value={code} onChange={setCode} error={formatError ?? error?.fieldMessage('code')} disabled={busy} />
        </div>
        <button className="br-button primary mr-2" type="submit" disabled={busy}>
          {busy ? 'Verificando…' : 'Verificar'}
        </button>
        <button className="br-button secondary" type="button" onClick={onCancel} disabled={busy}>
          Usar outra conta
        </button>
      </form>
    </>
  );
}
