import type { CooperationTerm } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextField } from '../../../shared/components/TextField';
import { signCooperationTerm } from '../../api/accreditation-api';

/** Records the signature date of a cooperation term (starts the 5-year period, Art. 5 §3). */
export function SignTermForm({ term, onSigned }: { term: CooperationTerm; onSigned: (t: CooperationTerm) => void }) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSigned(await signCooperationTerm(term.id, date));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`Assinatura do termo nº ${term.number}`} className="d-flex flex-wrap align-items-end">
      <div className="mr-2">
        <TextField
          id={`sign-${term.id}`}
          label={`Data de assinatura do termo nº ${term.number}`}
          type="date"
          value={date}
          onChange={setDate}
          error={error?.fieldMessage('signedOn')}
          required
        />
      </div>
      <button className="br-button secondary small mb-1" type="submit" disabled={busy}>
        Registrar assinatura
      </button>
      <div className="w-100">
        <ApiErrorMessage error={error} />
      </div>
    </form>
  );
}
