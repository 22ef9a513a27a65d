import { type Role, roleLabels } from '@vigia/contracts';
import { startTransition, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../session/session-context';

/** Header actions: who is signed in, the active role (switchable) and "Sair". */
export function UserBox() {
  const { me, activeRole, setActiveRole, signOut } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  function switchRole(role: Role) {
    // One transition: the new role's home renders at once, never the old page under the new role.
    startTransition(() => {
      void navigate('/');
      setActiveRole(role);
    });
  }

  return (
    <div className="vigia-user">
      <span className="vigia-user-name">
        <i className="fas fa-user-circle mr-1" aria-hidden="true" />
        {me.name}
      </span>
      {me.roles.length > 1 && activeRole ? (
        <span className="d-inline-flex align-items-center">
          <label htmlFor="active-role" className="mr-1 mb-0">
            Perfil
          </label>
          <select id="active-role" className="vigia-select" value={activeRole} onChange={(e) => switchRole(e.target.value as Role)}>
            {me.roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </span>
      ) : (
        activeRole && <span className="br-tag text">{roleLabels[activeRole]}</span>
      )}
      <button
        className="br-button secondary small"
        type="button"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        <i className="fas fa-sign-out-alt mr-1" aria-hidden="true" />
        Sair
      </button>
    </div>
  );
}
