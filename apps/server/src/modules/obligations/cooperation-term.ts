import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';

export type TermRow = typeof cooperationTerms.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;

export async function loadTerm(db: Queryable, termId: string): Promise<{ term: TermRow; partner: PartnerRow }> {
  const [row] = await db
    .select({ term: cooperationTerms, partner: partners })
    .from(cooperationTerms)
    .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
    .where(eq(cooperationTerms.id, termId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Termo de cooperação não encontrado.');
  return row;
}

export async function loadActiveTerm(db: Queryable, termId: string): Promise<{ term: TermRow; partner: PartnerRow }> {
  const found = await loadTerm(db, termId);
  if (found.term.status !== 'active') throw new AppError('COOPERATION_NOT_ACTIVE');
  return found;
}
