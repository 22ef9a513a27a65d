import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { criminalRecords } from '../../db/tables/criminal-record.js';
import { nameKeyOf } from '../citizen-accounts/person-name.js';

/**
 * The criminal-records adapter: how the certificate service asks the system of record about a
 * person. The platform ships `platformCriminalRecords` (its own `criminal_record` table, kept by
 * Politec staff in the back office); a state plugs its real base in by implementing this interface
 * (contract in docs/citizen-services.md).
 */
export interface CriminalRecordEntry {
  id: string;
  kind: 'inquiry' | 'conviction';
  status: 'open' | 'final' | 'served' | 'extinguished';
  description: string;
  court: string | null;
}

export interface CriminalRecordsAdapter {
  /** Entries tied to the CPF, and how many entries of other people (or without CPF) share the name. */
  search(person: { cpf: string; name: string }): Promise<{ entries: CriminalRecordEntry[]; homonyms: number }>;
}

/** Upper case, no accents, single spaces: the key homonyms are found by. */
export { nameKeyOf } from '../citizen-accounts/person-name.js';

export function platformCriminalRecords(db: Queryable): CriminalRecordsAdapter {
  return {
    async search({ cpf, name }) {
      const key = nameKeyOf(name);
      const rows = await db
        .select()
        .from(criminalRecords)
        .where(
          or(
            eq(criminalRecords.cpf, cpf),
            and(eq(criminalRecords.nameKey, key), or(isNull(criminalRecords.cpf), ne(criminalRecords.cpf, cpf))),
          ),
        );
      const entries = rows.filter((r) => r.cpf === cpf);
      return {
        entries: entries.map((r) => ({ id: r.id, kind: r.kind, status: r.status, description: r.description, court: r.court })),
        homonyms: rows.length - entries.length,
      };
    },
  };
}
