import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { partners } from '../../db/tables/partners.js';
import { queueMail } from '../../mail/mailer.js';
import type { PartnerRow, TermRow } from './cooperation-term.js';

/** Who is told about what in the obligations: outbox mail only, never a send inside a transaction. */

/** E-mail of every active user holding one of the roles (SESP staff: committee, administrators). */
export async function staffEmails(db: Queryable, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(inArray(roleGrants.role, roles), eq(users.status, 'active')));
  return rows.map((r) => r.email);
}

export function partnerEmailOf(p: PartnerRow): string | null {
  return p.email ?? p.legalRepresentative?.email ?? null;
}

/** The indirect manager of an adhesion term (Art. 8 §1): the manager partner and its municipal users. */
export async function indirectManagerEmails(db: Queryable, term: TermRow): Promise<string[]> {
  if (term.kind !== 'adhesion') return [];
  const out = new Set<string>();
  if (term.managerTermId) {
    const [m] = await db
      .select({ email: partners.email })
      .from(cooperationTerms)
      .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
      .where(eq(cooperationTerms.id, term.managerTermId));
    if (m?.email) out.add(m.email);
  }
  if (term.coveredMunicipalities.length) {
    const rows = await db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(
          eq(roleGrants.role, 'municipal_manager'),
          inArray(roleGrants.municipalityIbge, term.coveredMunicipalities),
          eq(users.status, 'active'),
        ),
      );
    for (const r of rows) out.add(r.email);
  }
  return [...out];
}

export async function mailAll(tx: Queryable, to: Iterable<string>, subject: string, text: string): Promise<number> {
  let n = 0;
  for (const addr of new Set(to)) {
    await queueMail(tx, { to: addr, subject: `Vigia Mais MT — ${subject}`, text });
    n++;
  }
  return n;
}
