import { createHmac } from 'node:crypto';
import type { LookupEntry } from '@vigia/contracts';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Queryable } from '../../db/client.js';
import { citizenLookups, personKeyLookups } from '../../db/tables/citizen.js';
import { nameKeyOf } from '../citizen-accounts/person-name.js';

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

/**
 * The key of a person known only by name (no CPF): HMAC-SHA256, with the server's lookup key, of
 * the normalised full name, mother's name and birth date. Same identifiers (whatever their case,
 * accents or spacing), same key; the key alone does not give the name back.
 */
export function personKeyOf(secret: string, person: { name: string; motherName: string; birthDate: string }): string {
  return createHmac('sha256', secret)
    .update(`${nameKeyOf(person.name)}\n${nameKeyOf(person.motherName)}\n${person.birthDate}`)
    .digest('hex');
}

/** The lookups by name a citizen may see now (their gov.br name + the mother's name and birth date they give). */
export async function personKeyLookupsOf(db: Queryable, clock: Clock, personKey: string): Promise<LookupEntry[]> {
  const rows = await db
    .select()
    .from(personKeyLookups)
    .where(and(eq(personKeyLookups.personKey, personKey), lte(personKeyLookups.visibleFrom, clock.now())))
    .orderBy(desc(personKeyLookups.at))
    .limit(200);
  return rows.map((r) => ({ at: r.at.toISOString(), by: r.by, purpose: r.purpose }));
}

/**
 * Records one query about a person in one statement (atomic, one round trip, for the public
 * lookups under load): a row per CPF it carried or matched, and the person-key row when it was
 * made by name. Nothing to record: nothing written.
 */
export async function recordLookups(
  db: Queryable,
  clock: Clock,
  entry: { cpfs: string[]; personKey: string | null; by: string; purpose: string },
): Promise<void> {
  const at = clock.now();
  const byCpf = entry.cpfs.length
    ? sql`INSERT INTO ${citizenLookups} ("cpf", "at", "by", "purpose", "visible_from")
          SELECT cpf, ${at}, ${entry.by}, ${entry.purpose}, ${at} FROM unnest(${sql.param(entry.cpfs)}::text[]) AS cpf`
    : null;
  const byKey = entry.personKey
    ? sql`INSERT INTO ${personKeyLookups} ("person_key", "at", "by", "purpose", "visible_from")
          VALUES (${entry.personKey}, ${at}, ${entry.by}, ${entry.purpose}, ${at})`
    : null;
  if (byCpf && byKey) await db.execute(sql`WITH by_cpf AS (${byCpf}) ${byKey}`);
  else if (byCpf ?? byKey) await db.execute((byCpf ?? byKey)!);
}
