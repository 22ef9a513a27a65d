import { addYears, type IntegratorAuthorisation, type IntegratorAuthorisationRequest } from '@vigia/contracts';
import { and, desc, eq, gt, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { integratorAuthorisations, partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { addDays, todayInCuiaba } from '../calendar/local-date.js';
import { ownPartnerId } from './partner-profile.js';

/**
 * Art. 15: integrators act for a partner only while that partner's authorisation is active. The
 * condition is SQL (a sub-select on `integrator_authorisation` keyed by the signed-in user), so
 * every query that uses it enforces the scope in the database, never from the request.
 */
export function activeAuthorisation(userId: string): SQL {
  return and(
    eq(integratorAuthorisations.integratorUserId, userId),
    isNull(integratorAuthorisations.revokedAt),
    lte(integratorAuthorisations.validFrom, sql`now()`),
    gt(integratorAuthorisations.validUntil, sql`now()`),
  )!;
}

/** Sub-select of the partner ids an integrator may act for right now (empty for anyone else). */
export function authorisedPartnerIds(auth: AuthContext) {
  return {
    isIntegrator: auth.roles.includes('integrator'),
    subquery: sql`(SELECT ${integratorAuthorisations.partnerId} FROM ${integratorAuthorisations} WHERE ${activeAuthorisation(auth.user.id)})`,
  };
}

/** The partner an integrator acts for, checked against an active authorisation (404-free: 422 with a reason). */
export async function integratorPartnerId(db: Queryable, auth: AuthContext, requested: string | undefined): Promise<string> {
  const rows = await db
    .selectDistinct({ partnerId: integratorAuthorisations.partnerId })
    .from(integratorAuthorisations)
    .where(activeAuthorisation(auth.user.id));
  const ids = rows.map((r) => r.partnerId);
  if (requested) {
    if (!ids.includes(requested)) throw new AppError('NOT_FOUND', 'Ente parceiro não encontrado entre os que autorizaram a sua empresa.');
    return requested;
  }
  if (ids.length === 1) return ids[0]!;
  throw new AppError('INTEGRATOR_PARTNER_REQUIRED', undefined, [{ path: 'partnerId', message: 'Escolha o ente parceiro.' }]);
}

/** The partner the caller acts for: own (partner_user grant) or, for an integrator, an authorising partner. */
export async function actingPartnerId(db: Queryable, auth: AuthContext, requested: string | undefined): Promise<string> {
  if (auth.roles.includes('partner_user') && auth.grants.some((g) => g.role === 'partner_user' && g.partnerId)) {
    const own = ownPartnerId(auth);
    if (!requested || requested === own) return own;
    if (!auth.roles.includes('integrator')) throw new AppError('NOT_FOUND', 'Ente parceiro não encontrado.');
  }
  if (auth.roles.includes('integrator')) return integratorPartnerId(db, auth, requested);
  return ownPartnerId(auth);
}

type Row = typeof integratorAuthorisations.$inferSelect;
const toView = (r: Row, partnerName: string, u: { name: string; email: string }, now = new Date()): IntegratorAuthorisation => ({
  id: r.id,
  partnerId: r.partnerId,
  partnerName,
  integratorUserId: r.integratorUserId,
  integratorName: u.name,
  integratorEmail: u.email,
  validFrom: r.validFrom.toISOString(),
  validUntil: r.validUntil.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
  active: !r.revokedAt && r.validFrom <= now && r.validUntil > now,
});

async function list(db: Queryable, where: SQL): Promise<IntegratorAuthorisation[]> {
  const rows = await db
    .select({ a: integratorAuthorisations, partnerName: partners.name, name: users.name, email: users.email })
    .from(integratorAuthorisations)
    .innerJoin(partners, eq(partners.id, integratorAuthorisations.partnerId))
    .innerJoin(users, eq(users.id, integratorAuthorisations.integratorUserId))
    .where(where)
    .orderBy(desc(integratorAuthorisations.createdAt))
    .limit(200);
  return rows.map((r) => toView(r.a, r.partnerName, r));
}

/** The partner's authorisations (active and past). */
export const listPartnerIntegrators = (db: Db, auth: AuthContext) => list(db, eq(integratorAuthorisations.partnerId, ownPartnerId(auth)));

/** The integrator's active authorisations: the partners it may prepare applications for. */
export const listMyAuthorisations = (db: Db, auth: AuthContext) => list(db, activeAuthorisation(auth.user.id));

/** End of a Cuiabá day (UTC−4 all year since 2019). */
const endOfCuiabaDay = (date: string) => new Date(`${addDays(date, 1)}T00:00:00-04:00`);

/** A partner authorises an integrator account (must already hold the integrator role), until a date. */
export async function authoriseIntegrator(
  db: Db,
  auth: AuthContext,
  actor: AuditActor,
  input: IntegratorAuthorisationRequest,
): Promise<IntegratorAuthorisation> {
  const partnerId = ownPartnerId(auth);
  const today = todayInCuiaba();
  if (input.validUntil < today || input.validUntil > addYears(today, 5)) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'validUntil', message: 'A autorização vale de hoje até, no máximo, 5 anos (prazo do termo de cooperação, art. 5º, § 3º).' },
    ]);
  }
  const id = await db.transaction(async (tx) => {
    const [integrator] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'integrator')))
      .where(and(sql`lower(${users.email}) = ${input.integratorEmail.toLowerCase()}`, eq(users.status, 'active')))
      .limit(1);
    if (!integrator)
      throw new AppError('INTEGRATOR_UNKNOWN', undefined, [
        { path: 'integratorEmail', message: 'Nenhuma conta de empresa integradora com este e-mail.' },
      ]);
    const [row] = await tx
      .insert(integratorAuthorisations)
      .values({ partnerId, integratorUserId: integrator.id, validUntil: endOfCuiabaDay(input.validUntil), grantedBy: auth.user.id })
      .returning();
    await recordAudit(tx, actor, {
      action: 'integrator_authorisation.granted',
      targetType: 'partner',
      targetId: partnerId,
      data: { authorisationId: row!.id, integratorUserId: integrator.id, validUntil: input.validUntil },
    });
    return row!.id;
  });
  return (await list(db, eq(integratorAuthorisations.id, id)))[0]!;
}

/** The partner revokes one of its authorisations (kept, marked revoked). Another partner's: 404. */
export async function revokeIntegrator(db: Db, auth: AuthContext, actor: AuditActor, id: string): Promise<IntegratorAuthorisation> {
  const partnerId = ownPartnerId(auth);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(integratorAuthorisations)
      .set({ revokedAt: new Date(), revokedBy: auth.user.id })
      .where(
        and(
          eq(integratorAuthorisations.id, id),
          eq(integratorAuthorisations.partnerId, partnerId),
          isNull(integratorAuthorisations.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Autorização não encontrada entre as ativas do seu ente.');
    await recordAudit(tx, actor, {
      action: 'integrator_authorisation.revoked',
      targetType: 'partner',
      targetId: partnerId,
      data: { authorisationId: id, integratorUserId: row.integratorUserId },
    });
  });
  return (await list(db, and(eq(integratorAuthorisations.id, id), inArray(integratorAuthorisations.partnerId, [partnerId]))!))[0]!;
}
