import { type AnyColumn, inArray, type SQL, sql } from 'drizzle-orm';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import type { AuthContext } from '../../http/context.js';

/**
 * SESP roles that see every partner's records (applications, cooperation terms, obligations): the
 * accreditation committee (which also supervises indirect management, Art. 4 II), administrators and
 * auditors. The one list; a domain that grants more (releases: the release authority) adds its role by name.
 */
export const SESP_SEES_EVERY_PARTNER: ReadonlySet<string> = new Set(['committee_member', 'admin', 'auditor']);

export const seesEveryPartner = (auth: AuthContext): boolean => auth.roles.some((r) => SESP_SEES_EVERY_PARTNER.has(r));

/** Partners named in the caller's partner-user grants. */
export const partnerIdsOf = (auth: AuthContext): string[] =>
  auth.grants.filter((g) => g.role === 'partner_user' && g.partnerId).map((g) => g.partnerId!);

/** Municipalities the caller manages (municipal manager grants). */
export const managedMunicipalitiesOf = (auth: AuthContext): string[] =>
  auth.grants.filter((g) => g.role === 'municipal_manager' && g.municipalityIbge).map((g) => g.municipalityIbge!);

/**
 * Rows whose `partnerColumn` the caller may see: SESP all; a partner its own; a municipal manager
 * the partners under an adhesion term covering its municipality (indirect management, Art. 8 §1).
 */
export function partnerScope(auth: AuthContext, partnerColumn: AnyColumn): SQL {
  if (seesEveryPartner(auth)) return sql`true`;
  const conds: SQL[] = [];
  const ids = partnerIdsOf(auth);
  if (ids.length) conds.push(inArray(partnerColumn, ids));
  for (const m of managedMunicipalitiesOf(auth)) {
    conds.push(
      sql`${partnerColumn} IN (SELECT ${cooperationTerms.partnerId} FROM ${cooperationTerms} WHERE ${cooperationTerms.kind} = 'adhesion' AND ${cooperationTerms.coveredMunicipalities} @> ${JSON.stringify([m])}::jsonb)`,
    );
  }
  if (!conds.length) return sql`false`;
  return conds.length === 1 ? conds[0]! : sql`(${sql.join(conds, sql` OR `)})`;
}

/** Only the partner's own rows (for the partner's own actions). */
export function ownPartnerScope(auth: AuthContext, partnerColumn: AnyColumn): SQL {
  const ids = partnerIdsOf(auth);
  return ids.length ? inArray(partnerColumn, ids) : sql`false`;
}
