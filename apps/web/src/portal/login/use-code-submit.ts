import type { SessionResponse } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { codeFormatMessage, codePattern } from './login-flow';

/**
 * State and submit handler of a 6-digit TOTP code form (enrolment confirmation and verification):
 * checks the format locally, sends the code, hands the new session over or shows the API error.
 */
export function useCodeSubmit(send: (code: string) => Promise<SessionResponse>, onSession: (session: SessionResponse) => void) {
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!codePattern.test(code)) {
      setFormatError(codeFormatMessage);
      return;
    }
    setFormatError(undefined);
    setBusy(true);
    setError(null);
    try {
      onSession(await send(code));
    } catch (e) {
      setError(toApiError(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return { code, setCode, formatError, error, setError, busy, submit };
}
