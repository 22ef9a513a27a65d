import { warrantStatuses } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * Arrest warrants (issue 16): the shipped store, kept by civil-police staff. The public lookup
 * reads only pending warrants still within validity, matched on (name key + mother key + birth
 * date) or (CPF + birth date). The keys are the names normalised (no accents, upper case, single
 * spaces), matched whole. The person data is there only to match a query; the answer never carries it.
 */
export const arrestWarrants = pgTable(
  'arrest_warrant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    court: text('court').notNull(),
    issuedOn: text('issued_on').notNull(),
    validUntil: text('valid_until').notNull(),
    status: text('status', { enum: warrantStatuses }).notNull(),
    personName: text('person_name').notNull(),
    nameKey: text('name_key').notNull(),
    motherName: text('mother_name').notNull(),
    motherKey: text('mother_key').notNull(),
    birthDate: text('birth_date').notNull(),
    cpf: text('cpf'),
    source: text('source').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('arrest_warrant_number_key').on(t.number),
    index('arrest_warrant_cpf_idx').on(t.cpf, t.birthDate).where(sql`${t.status} = 'pending'`),
    index('arrest_warrant_name_idx').on(t.nameKey, t.motherKey, t.birthDate).where(sql`${t.status} = 'pending'`),
  ],
);
