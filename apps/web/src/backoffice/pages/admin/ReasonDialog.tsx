import type { UserSummary } from '@vigia/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { reactivateUser, suspendUser } from '../../api/admin-api';

export type StatusAction = 'suspend' | 'reactivate';

interface ReasonDialogProps {
  user: UserSummary;
  action: StatusAction;
  onDone: (user: UserSummary) => void;
  onCancel: () => void;
}

const minReason = 10;

const copy: Record<StatusAction, { title: string; confirm: string; hint: string }> = {
  suspend: {
    title: 'Suspender usuário',
    confirm: 'Suspender',
    hint: 'Obrigatório, pelo menos 10 caracteres. Ex.: uso indevido de imagens (Decreto nº 1.522/2022, art. 27, § 2º).',
  },
  reactivate: {
    title: 'Reativar usuário',
    confirm: 'Reativar',
    hint: 'Obrigatório, pelo menos 10 caracteres.',
  },
};

/** Modal asking for the reason of a suspension or reactivation; the reason goes to the audit trail. */
export function ReasonDialog({ user, action, onDone, onCancel }: ReasonDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const text = copy[action];

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < minReason) {
      setReasonError('Descreva o motivo com pelo menos 10 caracteres.');
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    setError(null);
    try {
      const updated = action === 'suspend' ? await suspendUser(user.id, reason.trim()) : await reactivateUser(user.id, reason.trim());
      onDone(updated);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="br-modal vigia-dialog"
      aria-labelledby="reason-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <div className="br-modal-header">
          <h2 id="reason-dialog-title" className="h4 mt-0">
            {text.title}
          </h2>
        </div>
        <div className="br-modal-body">
          <p>
            <strong>{user.name}</strong> ({user.email})
          </p>
          <ApiErrorMessage error={error} />
          <TextAreaField
            id="status-reason"
            label="Motivo"
            hint={text.hint}
            value={reason}
            onChange={setReason}
            error={reasonError ?? error?.fieldMessage('reason')}
            maxLength={2000}
            required
          />
        </div>
        <div className="br-modal-footer justify-content-end d-flex mt-3">
          <button className="br-button secondary mr-2" type="button" onClick={onCancel} disabled={busy}>
            Cancelar
          </button>
          <button className="br-button primary" type="submit" disabled={busy}>
            {busy ? 'Enviando…' : text.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
