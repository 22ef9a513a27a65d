import type { ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { approveApplication, rejectApplication } from '../../api/accreditation-api';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

/** Art. 16 caput: approve or reject, always with reasons. The API enforces the preconditions. */
export function DecisionForm({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const [verdict, setVerdict] = useState<'approve' | 'reject' | ''>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction(onChange);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!verdict);
    if (!verdict) return;
    const call = verdict === 'approve' ? approveApplication : rejectApplication;
    void run(() => call(app.id, reason.trim()));
  }

  return (
    <ActionCard id="decision-title" title="Decisão (art. 16)">
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Decisão sobre o pedido">
        <fieldset className="mb-2">
          <legend className="vigia-label">Decisão</legend>
          <div className="vigia-choice">
            <input
              id="decision-approve"
              type="radio"
              name="decision"
              checked={verdict === 'approve'}
              onChange={() => setVerdict('approve')}
            />
            <label htmlFor="decision-approve">Deferir</label>
          </div>
          <div className="vigia-choice">
            <input id="decision-reject" type="radio" name="decision" checked={verdict === 'reject'} onChange={() => setVerdict('reject')} />
            <label htmlFor="decision-reject">Indeferir</label>
          </div>
          {missing && (
            <p className="text-danger mb-0" role="alert">
              Escolha deferir ou indeferir.
            </p>
          )}
        </fieldset>
        <TextAreaField
          id="decision-reason"
          label="Fundamentação"
          hint="Mínimo de 20 caracteres."
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
          maxLength={8000}
          required
        />
        <button className="br-button primary mt-2" type="submit" disabled={busy}>
          {busy ? 'Registrando…' : 'Registrar decisão'}
        </button>
      </form>
    </ActionCard>
  );
}
