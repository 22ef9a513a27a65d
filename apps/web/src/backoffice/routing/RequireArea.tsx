import { type ReactNode, useEffect, useState } from 'react';
import { Forbidden } from '../../shared/pages/Forbidden';
import { mayUse, type NavItem } from '../navigation';
import { useSession } from '../session/session-context';

/**
 * Route guard. Renders the page only when the active role may use the area; otherwise a 403 page
 * is shown and the page component is never mounted, so none of its data is fetched.
 * On arrival (a deep link or a bookmark), if the active role may not use the area but another role
 * the person holds may, that role becomes active instead.
 */
export function RequireArea({ item, children }: { item: NavItem; children: ReactNode }) {
  const { me, activeRole, setActiveRole } = useSession();
  const allowed = mayUse(activeRole, item);
  // Decided once, when the route is entered; later role switches by the user are not undone.
  const [arrivalRole] = useState(() => (allowed ? null : (me.roles.find((role) => mayUse(role, item)) ?? null)));

  useEffect(() => {
    if (arrivalRole) setActiveRole(arrivalRole);
  }, [arrivalRole, setActiveRole]);

  if (allowed) return <>{children}</>;
  if (arrivalRole && activeRole !== arrivalRole) return null;
  return <Forbidden />;
}
