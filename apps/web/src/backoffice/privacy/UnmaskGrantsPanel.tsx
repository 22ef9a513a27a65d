import type { UnmaskGrant, UserSummary } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { grantUnmask, listUnmaskGrants, revokeUnmask } from '../api/admin-api';

/**
 * Permission to see images without privacy masks (issue 6; SPEC §3.5): granted and revoked by an
 * administrator with a reason (and optionally until a date); every act is in the audit trail.
 */
export function UnmaskGrantsPanel({ users }: { users: UserSummary[] }) {
  const grants = useApiData(listUnmaskGrants);
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function grant(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await grantUnmask({ userId, reason, ...(until ? { expiresAt: new Date(`${until}T23:59:59-04:00`).toISOString() } : {}) });
      setNotice('Permissão concedida e registrada na auditoria.');
      setReason('');
      grants.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  async function revoke(g: UnmaskGrant) {
    const why = window.prompt('Motivo da revogação (mínimo 10 caracteres):');
    if (!why) return;
    try {
      await revokeUnmask(g.id, why);
      setNotice('Permissão revogada.');
      grants.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <section className="mt-5" aria-labelledby="unmask-title">
      <h2 id="unmask-title" className="h4">
        Ver imagens sem máscara de privacidade
      </h2>
      <p className="text-down-01">Quem não tem esta permissão vê as áreas privadas cobertas no ao vivo, nas gravações e nas exportações.</p>
      <form onSubmit={grant} noValidate>
        <SelectField
          id="unmask-user"
          label="Usuário"
          value={userId}
          onChange={setUserId}
          placeholder="Escolha o usuário"
          options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        />
        <TextAreaField
          id="unmask-reason"
          label="Motivo (registrado na auditoria)"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
        />
        <div className="br-input mt-2">
          <label htmlFor="unmask-until">Válida até (opcional)</label>
          <input id="unmask-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </div>
        <ApiErrorMessage error={error} />
        {notice && <Message kind="success">{notice}</Message>}
        <button className="br-button primary mt-2" type="submit" disabled={!userId}>
          Conceder permissão
        </button>
      </form>
      <table className="br-table mt-3" aria-label="Permissões para ver sem máscara">
        <thead>
          <tr>
            <th>Usuário</th>
            <th>Motivo</th>
            <th>Concedida</th>
            <th>Validade</th>
            <th>Situação</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(grants.data ?? []).map((g) => (
            <tr key={g.id}>
              <td>{g.userName ?? g.userId}</td>
              <td>{g.reason}</td>
              <td>{formatDateTime(g.grantedAt)}</td>
              <td>{g.expiresAt ? formatDateTime(g.expiresAt) : 'sem prazo'}</td>
              <td>{g.active ? 'Ativa' : g.revokedAt ? `Revogada (${g.revokeReason ?? ''})` : 'Expirada'}</td>
              <td>
                {g.active && (
                  <button type="button" className="br-button secondary small" onClick={() => void revoke(g)}>
                    Revogar
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
