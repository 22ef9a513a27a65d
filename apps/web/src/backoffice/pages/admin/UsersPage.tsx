import type { UserSummary } from '@vigia/contracts';
import { useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listUsers } from '../../api/admin-api';
import { MisusePanel } from '../../audit/MisusePanel';
import { UnmaskGrantsPanel } from '../../privacy/UnmaskGrantsPanel';
import { CreateUserForm } from './CreateUserForm';
import { ReasonDialog, type StatusAction } from './ReasonDialog';
import { UsersTable } from './UsersTable';

/** Admin → Usuários: list, create with role grants, suspend and reactivate with a reason. */
export function UsersPage() {
  useDocumentTitle('Usuários');
  const { data: users, error, loading, setData, reload } = useApiData(listUsers);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ user: UserSummary; action: StatusAction } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const upsert = (user: UserSummary) =>
    setData((all) => {
      const list = all ?? [];
      return list.some((u) => u.id === user.id) ? list.map((u) => (u.id === user.id ? user : u)) : [user, ...list];
    });

  return (
    <>
      <Breadcrumb items={[{ label: 'Administração' }, { label: 'Usuários' }]} />
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h1>Usuários</h1>
        {!creating && (
          <button
            className="br-button primary"
            type="button"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            <i className="fas fa-user-plus mr-1" aria-hidden="true" />
            Novo usuário
          </button>
        )}
      </div>
      {notice && <Message kind="success">{notice}</Message>}
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            upsert(user);
            setCreating(false);
            setNotice(`Usuário ${user.name} criado.`);
          }}
        />
      )}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando usuários…" />}
      {users && users.length === 0 && <p>Nenhum usuário cadastrado.</p>}
      {users && users.length > 0 && (
        <UsersTable
          users={users}
          onAction={(user, action) => {
            setNotice(null);
            setPending({ user, action });
          }}
        />
      )}
      {pending && (
        <ReasonDialog
          user={pending.user}
          action={pending.action}
          onCancel={() => setPending(null)}
          onDone={(user) => {
            upsert(user);
            setPending(null);
            setNotice(pending.action === 'suspend' ? `Usuário ${user.name} suspenso.` : `Usuário ${user.name} reativado.`);
          }}
        />
      )}
      {users && users.length > 0 && <MisusePanel users={users.filter((u) => u.status === 'active')} onChanged={reload} />}
      {users && users.length > 0 && <UnmaskGrantsPanel users={users.filter((u) => u.status === 'active')} />}
    </>
  );
}
