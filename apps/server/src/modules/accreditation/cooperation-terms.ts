import type { CooperationTerm } from '@vigia/contracts';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { cooperationTerms, projectAuthorisations } from '../../db/tables/accreditation.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInCuiaba } from '../calendar/local-date.js';
import type { Acting } from './deps.js';
import { termPeriod } from './term-validity.js';

type TermRow = typeof cooperationTerms.$inferSelect;

export async function toTerm(db: Queryable, t: TermRow): Promise<CooperationTerm> {
  const [p] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, t.partnerId));
  const auths = await db.select().from(projectAuthorisations).where(eq(projectAuthorisations.termId, t.id));
  const period = t.signedOn ? termPeriod(t.signedOn, todayInCuiaba(), t.status === 'active') : { currentPeriodEndsOn: null, renewals: 0 };
  return {
    id: t.id,
    number: t.number,
    partnerId: t.partnerId,
    partnerName: p?.name ?? '',
    applicationId: t.applicationId,
    kind: t.kind,
    status: t.status,
    coveredMunicipalities: t.coveredMunicipalities,
    signedOn: t.signedOn,
    currentPeriodEndsOn: period.currentPeriodEndsOn,
    renewals: period.renewals,
    authorisations: auths.map((a) => ({
      id: a.id,
      applicationId: a.applicationId,
      cameraPoints: a.cameraPoints,
      authorisedAt: a.authorisedAt.toISOString(),
    })),
    endedAt: t.endedAt?.toISOString() ?? null,
  };
}

/** Partners see their own terms; managers the adhesion terms under their delegation; SESP all. */
function termScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'committee_member' || r === 'admin' || r === 'auditor')) return sql`true`;
  const conds: SQL[] = [];
  const partnerIds = auth.grants.filter((g) => g.role === 'partner_user' && g.partnerId).map((g) => g.partnerId!);
  if (partnerIds.length) conds.push(inArray(cooperationTerms.partnerId, partnerIds));
  const munis = auth.grants.filter((g) => g.role === 'municipal_manager' && g.municipalityIbge).map((g) => g.municipalityIbge!);
  for (const m of munis) conds.push(sql`${cooperationTerms.coveredMunicipalities} @> ${JSON.stringify([m])}::jsonb`);
  if (!conds.length) return sql`false`;
  return conds.length === 1
    ? conds[0]!
    : sql.join(
        conds.map((c) => sql`(${c})`),
        sql` OR `,
      );
}

export async function listCooperationTerms(db: Db, auth: AuthContext): Promise<CooperationTerm[]> {
  const rows = await db.select().from(cooperationTerms).where(termScope(auth)).orderBy(desc(cooperationTerms.createdAt)).limit(500);
  return Promise.all(rows.map((t) => toTerm(db, t)));
}

/** Records the signature of a term (pending → active); its 5-year validity counts from `signedOn` (Art. 5 §3). */
export async function signCooperationTerm(db: Db, who: Acting, id: string, signedOn: string): Promise<CooperationTerm> {
  const row = await db.transaction(async (tx) => {
    const [t] = await tx
      .update(cooperationTerms)
      .set({ status: 'active', signedOn })
      .where(and(eq(cooperationTerms.id, id), eq(cooperationTerms.status, 'pending_signature')))
      .returning();
    if (!t) throw new AppError('INVALID_STATE', 'Termo não encontrado ou já assinado.');
    await recordAudit(tx, who.actor, {
      action: 'cooperation_term.signed',
      targetType: 'cooperation_term',
      targetId: id,
      data: { number: t.number, signedOn, kind: t.kind },
    });
    const [p] = await tx.select().from(partners).where(eq(partners.id, t.partnerId));
    if (p?.email) {
      await queueMail(tx, {
        to: p.email,
        subject: `Vigia Mais MT — Termo de Cooperação Técnica nº ${t.number} assinado`,
        text: `O Termo de Cooperação Técnica nº ${t.number} foi assinado em ${signedOn.split('-').reverse().join('/')}, com vigência de 5 anos prorrogáveis automaticamente (Decreto 1.522/2022, art. 5º, § 3º).`,
      });
    }
    return t;
  });
  return toTerm(db, row);
}

/** Ends an operating cooperation (it then stops renewing, Art. 5 §3), with a reason. */
export async function endCooperationTerm(db: Db, who: Acting, id: string, reason: string): Promise<CooperationTerm> {
  const row = await db.transaction(async (tx) => {
    const [t] = await tx
      .update(cooperationTerms)
      .set({ status: 'ended', endedAt: new Date(), endReason: reason })
      .where(and(eq(cooperationTerms.id, id), eq(cooperationTerms.status, 'active')))
      .returning();
    if (!t) throw new AppError('INVALID_STATE', 'Somente um termo vigente pode ser encerrado.');
    await recordAudit(tx, who.actor, {
      action: 'cooperation_term.ended',
      targetType: 'cooperation_term',
      targetId: id,
      reason,
      data: { number: t.number },
    });
    return t;
  });
  return toTerm(db, row);
}
