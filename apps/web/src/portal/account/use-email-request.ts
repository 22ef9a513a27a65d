import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';

/**
 * State of a one-field form that mails a link to an e-mail address (password reset, new
 * confirmation link): the server's answer is the same whether the address has an account or not.
 */
export function useEmailRequest(send: (email: string) => Promise<{ message: string }>) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await send(email.trim())).message);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return { email, setEmail, sent, error, busy, submit };
}
