import { and, eq, gte } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { arrestWarrants as w } from '../../db/tables/warrants.js';
import type { LocalDate } from '../calendar/local-date.js';
import { nameKeyOf } from '../citizen-accounts/person-name.js';

/**
 * The warrants adapter: how the public lookup asks the system of record (in Brazil, the CNJ's
 * BNMP) about one person. Two identifiers at least, matched whole: (CPF + birth date) or
 * (full name + mother's name + birth date, both names normalised). The adapter answers only the
 * warrants still pending and within validity on `today`; the lookup discloses number, court and
 * date of each, and uses `cpf` only to record the query in that person's "who looked me up".
 */
export type WarrantQuery =
  | { by: 'cpf'; cpf: string; birthDate: LocalDate }
  | { by: 'name'; name: string; motherName: string; birthDate: LocalDate };

export interface PendingWarrant {
  number: string;
  court: string;
  issuedOn: LocalDate;
  cpf: string | null;
}

export interface WarrantsAdapter {
  pendingFor(query: WarrantQuery, today: LocalDate): Promise<PendingWarrant[]>;
}

/** The shipped store: `arrest_warrant`, kept by civil-police staff in the back office. */
export function platformWarrants(db: Queryable): WarrantsAdapter {
  return {
    async pendingFor(query, today) {
      const who =
        query.by === 'cpf'
          ? and(eq(w.cpf, query.cpf), eq(w.birthDate, query.birthDate))
          : and(eq(w.nameKey, nameKeyOf(query.name)), eq(w.motherKey, nameKeyOf(query.motherName)), eq(w.birthDate, query.birthDate));
      return db
        .select({ number: w.number, court: w.court, issuedOn: w.issuedOn, cpf: w.cpf })
        .from(w)
        .where(and(who, eq(w.status, 'pending'), gte(w.validUntil, today)))
        .orderBy(w.issuedOn)
        .limit(20);
    },
  };
}
