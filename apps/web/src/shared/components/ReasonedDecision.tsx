import { useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import { ApiErrorMessage } from './ApiErrorMessage';
import { TextAreaField } from './TextAreaField';

/**
 * A committee decision on a request: a required reason and Deferir / Indeferir. `decide` calls the
 * API; `onDecided` runs once it succeeded; the API's error (e.g. a missing reason) shows in place.
 */
export function ReasonedDecision({
  id,
  approveLabel = 'Deferir',
  decide,
  onDecided,
}: {
  id: string;
  approveLabel?: string;
  decide: (approve: boolean, reason: string) => Promise<unknown>;
  onDecided: (approve: boolean) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      await decide(approve, reason);
      onDecided(approve);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ApiErrorMessage error={error} />
      <TextAreaField
        id={id}
        label="Fundamentação da decisão"
        value={reason}
        onChange={setReason}
        error={error?.fieldMessage('reason')}
        required
        maxLength={2000}
      />
      <div className="mt-3">
        <button className="br-button primary mr-2" type="button" disabled={busy} onClick={() => void run(true)}>
          {approveLabel}
        </button>
        <button className="br-button secondary" type="button" disabled={busy} onClick={() => void run(false)}>
          Indeferir
        </button>
      </div>
    </>
  );
}
