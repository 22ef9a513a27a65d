import type { Acting } from '../../http/context.js';

/**
 * An officer's scope: the municipalities named by their `civil_police` grants, or null (every
 * station) when a grant names none. A scoped officer sees only reports routed to stations of
 * those municipalities; anything else answers 404.
 */
export interface OfficerScope {
  municipalities: string[] | null;
}

export function officerScope(who: Acting): OfficerScope {
  const grants = who.auth.grants.filter((g) => g.role === 'civil_police');
  if (!grants.length || grants.some((g) => !g.municipalityIbge)) return { municipalities: null };
  return { municipalities: [...new Set(grants.map((g) => g.municipalityIbge!))] };
}
