import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { resendConfirmation } from './account-api';
import { useEmailRequest } from './use-email-request';

/** Asks for a new confirmation link (same answer whether the e-mail has an account or not). */
export function ResendConfirmationForm() {
  const { email, setEmail, sent, error, busy, submit } = useEmailRequest(resendConfirmation);

  if (sent) return <Message kind="info">{sent}</Message>;
  return (
    <form onSubmit={submit} noValidate className="mt-3" aria-label="Pedir novo link de confirmação">
      <h2 className="h4">Pedir um novo link</h2>
      <ApiErrorMessage error={error} />
      <TextField id="resend-email" className="mb-3" label="E-mail de acesso" type="email" value={email} onChange={setEmail} required />
      <button className="br-button secondary" type="submit" disabled={busy || !email.trim()}>
        {busy ? 'Enviando…' : 'Enviar novo link'}
      </button>
    </form>
  );
}
