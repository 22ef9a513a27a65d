import type { Me, Role } from '@vigia/contracts';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { logout } from '../../shared/api/auth-api';
import { initialActiveRole, rememberActiveRole } from './active-role';
import { SessionContext, type SessionContextValue } from './session-context';

export const loginUrl = '/entrar';

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [activeRole, setActiveRoleState] = useState<Role | null>(() => initialActiveRole(me));

  const setActiveRole = useCallback(
    (role: Role) => {
      if (!me.roles.includes(role)) return;
      rememberActiveRole(me, role);
      setActiveRoleState(role);
    },
    [me],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      window.location.assign(loginUrl);
    }
  }, []);

  const value = useMemo<SessionContextValue>(() => ({ me, activeRole, setActiveRole, signOut }), [me, activeRole, setActiveRole, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
