import type { ApplicationDetail } from '@vigia/contracts';
import { useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { decideDirectHandling } from '../../api/accreditation-api';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

/** Art. 8 §2: the committee accepts the partner's request for direct SESP handling, or returns it to the manager. */
export function DirectHandlingPanel({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction(onChange);
  const decide = (accept: boolean) => void run(() => decideDirectHandling(app.id, accept, note.trim()));
  return (
    <ActionCard id="direct-title" title="Pedido de processamento direto pela SESP (art. 8º, § 2º)">
      <p>Razões do proponente: {app.directHandling?.reason}</p>
      <ApiErrorMessage error={error} />
      <TextAreaField
        id="direct-note"
        label="Fundamentação da decisão"
        value={note}
        onChange={setNote}
        error={error?.fieldMessage('note')}
        maxLength={4000}
        required
      />
      <div className="d-flex flex-wrap mt-2">
        <button className="br-button primary mr-2" type="button" disabled={busy} onClick={() => decide(true)}>
          Aceitar processamento direto
        </button>
        <button className="br-button secondary" type="button" disabled={busy} onClick={() => decide(false)}>
          Devolver ao gestor municipal
        </button>
      </div>
    </ActionCard>
  );
}
