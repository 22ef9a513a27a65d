import type { Me, Role } from '@vigia/contracts';
import { createContext, useContext } from 'react';

export interface SessionContextValue {
  me: Me;
  /** The role whose home and menu are shown; null only for an account without roles. */
  activeRole: Role | null;
  setActiveRole: (role: Role) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
