import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { resendConfirmation } from './account-api';

/** Asks for a new confirmation link (same answer whether the e-mail has an account or not). */
export function ResendConfirmationForm() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await resendConfirmation(email.trim())).message);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

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
