import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { authorisedPartnerIds } from '../partners/integrator-authorisations.js';
import { managedMunicipalitiesOf, partnerIdsOf, seesEveryPartner } from '../partners/partner-scope.js';

export type ApplicationRow = typeof applications.$inferSelect;

const NOTHING = sql`false`;

/** Applications a partner may act on: those of the partner named in its grant. */
export function partnerCondition(auth: AuthContext): SQL {
  const ids = partnerIdsOf(auth);
  return ids.length ? inArray(applications.partnerId, ids) : NOTHING;
}

/**
 * Applications whose draft (and executive project) may be prepared: the own partner's, and for an
 * integrator those of partners with an active authorisation (Art. 15) — a sub-select in the SQL.
 * Submitting and answering notices stay with the partner (`partnerCondition`).
 */
export function preparerCondition(auth: AuthContext): SQL {
  const integrator = authorisedPartnerIds(auth);
  if (!integrator.isIntegrator) return partnerCondition(auth);
  return or(partnerCondition(auth), sql`${applications.partnerId} IN ${integrator.subquery}`)!;
}

/** Applications a reviewer may act on: all for the SESP committee, the own queue for a manager (Art. 8 §1). */
export function reviewerCondition(auth: AuthContext): SQL {
  if (auth.roles.includes('committee_member')) return sql`true`;
  const munis = managedMunicipalitiesOf(auth);
  return munis.length ? and(eq(applications.handledBy, 'manager'), inArray(applications.managerMunicipalityIbge, munis))! : NOTHING;
}

/** Everything a user may read. */
export function viewCondition(auth: AuthContext): SQL {
  if (seesEveryPartner(auth)) return sql`true`;
  return or(preparerCondition(auth), reviewerCondition(auth))!;
}

/** Loads an application inside a scope; anything outside it is "not found" (no IDOR oracle). */
export async function loadInScope(db: Queryable, scope: SQL, id: string, forUpdate = false): Promise<ApplicationRow> {
  const q = db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), scope))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Pedido de habilitação não encontrado.');
  return row;
}
