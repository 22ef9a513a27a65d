import type { LookupEntry } from '@vigia/contracts';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Queryable } from '../../db/client.js';
import { citizenLookups } from '../../db/tables/citizen.js';

/**
 * "Quem me consultou": every lookup service of the platform records each query or certificate
 * check about a CPF here, with who asked and for what. A sealed investigation may delay the
 * entry (`visibleFrom`); the citizen sees it from then on.
 */
export async function recordLookup(
  db: Queryable,
  clock: Clock,
  entry: { cpf: string; by: string; purpose: string; visibleFrom?: Date; data?: Record<string, unknown> },
): Promise<void> {
  const at = clock.now();
  await db.insert(citizenLookups).values({
    cpf: entry.cpf,
    at,
    by: entry.by,
    purpose: entry.purpose,
    visibleFrom: entry.visibleFrom ?? at,
    data: entry.data ?? null,
  });
}

/** The lookups a citizen may see now, newest first. */
export async function lookupsOf(db: Queryable, clock: Clock, cpf: string): Promise<LookupEntry[]> {
  const rows = await db
    .select()
    .from(citizenLookups)
    .where(and(eq(citizenLookups.cpf, cpf), lte(citizenLookups.visibleFrom, clock.now())))
    .orderBy(desc(citizenLookups.at))
    .limit(200);
  return rows.map((r) => ({ at: r.at.toISOString(), by: r.by, purpose: r.purpose }));
}
