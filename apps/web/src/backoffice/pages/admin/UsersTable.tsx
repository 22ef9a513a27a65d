import { roleLabels, type UserSummary } from '@vigia/contracts';
import { formatDateTime } from '../../../shared/format';
import type { StatusAction } from './ReasonDialog';

interface UsersTableProps {
  users: UserSummary[];
  onAction: (user: UserSummary, action: StatusAction) => void;
}

const statusLabels: Record<UserSummary['status'], string> = {
  active: 'Ativo',
  pending_email: 'E-mail não confirmado',
  suspended: 'Suspenso',
};

export function UsersTable({ users, onAction }: UsersTableProps) {
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>Usuários cadastrados ({users.length})</caption>
        <thead>
          <tr>
            <th scope="col">Nome</th>
            <th scope="col">E-mail</th>
            <th scope="col">Perfis</th>
            <th scope="col">Verificação em duas etapas</th>
            <th scope="col">Situação</th>
            <th scope="col">Criado em</th>
            <th scope="col">Ações</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>{user.roles.map((r) => roleLabels[r]).join('; ') || '—'}</td>
              <td>{user.mfaEnabled ? 'Ativada' : 'Não configurada'}</td>
              <td>
                <span className={`br-tag text ${user.status === 'active' ? 'success' : 'danger'}`}>{statusLabels[user.status]}</span>
              </td>
              <td>{formatDateTime(user.createdAt)}</td>
              <td>
                {user.status === 'active' ? (
                  <button
                    className="br-button secondary small"
                    type="button"
                    aria-label={`Suspender ${user.name}`}
                    onClick={() => onAction(user, 'suspend')}
                  >
                    Suspender
                  </button>
                ) : (
                  <button
                    className="br-button secondary small"
                    type="button"
                    aria-label={`Reativar ${user.name}`}
                    onClick={() => onAction(user, 'reactivate')}
                  >
                    Reativar
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
