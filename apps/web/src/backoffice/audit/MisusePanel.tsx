import type { UserSummary } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { listMisuseFlags, reportMisuse } from '../releases/releases-api';

/**
 * Mau uso das imagens (art. 27, § 2º): suspends the user and flags the partner's cooperation for
 * the sanction process (a committee case); lists the flags raised so far.
 */
export function MisusePanel({ users, onChanged }: { users: UserSummary[]; onChanged: () => void }) {
  const flags = useApiData(listMisuseFlags);
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const res = await reportMisuse(userId, reason);
      setNotice(
        `Usuário suspenso${res.flags.length ? ` e cooperação sinalizada para o processo de sanção (${res.flags.map((f) => f.partnerName).join(', ')})` : ''}.`,
      );
      setReason('');
      flags.reload();
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <section className="mt-5" aria-labelledby="misuse-title">
      <h2 id="misuse-title" className="h4">
        Mau uso das imagens (art. 27, § 2º)
      </h2>
      <form onSubmit={submit} noValidate>
        <SelectField
          id="misuse-user"
          label="Usuário"
          value={userId}
          onChange={setUserId}
          placeholder="Escolha o usuário"
          options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        />
        <TextAreaField
          id="misuse-reason"
          label="Descrição do mau uso"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
        />
        <ApiErrorMessage error={error} />
        {notice && <Message kind="success">{notice}</Message>}
        <button className="br-button primary mt-2" type="submit" disabled={!userId}>
          Suspender e sinalizar a cooperação
        </button>
      </form>
      <h3 className="h5 mt-4">Cooperações sinalizadas</h3>
      {flags.data && flags.data.length === 0 && <p>Nenhuma sinalização.</p>}
      {flags.data && flags.data.length > 0 && (
        <ul>
          {flags.data.map((f) => (
            <li key={f.caseId}>
              {formatDateTime(f.createdAt)} — <strong>{f.partnerName}</strong> (usuário {f.userName}) — caso{' '}
              {f.status === 'open' ? 'aberto na comissão' : 'encerrado'}: {f.description}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
