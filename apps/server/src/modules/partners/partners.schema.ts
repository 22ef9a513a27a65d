import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A partner (ente proponente): the organisation or person that joins the program. Applicant
 * kinds follow Decree 1.522/2022 Art. 3 and Art. 10; the accreditation module fills the rest.
 */
export const partners = pgTable(
  'partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    document: text('document').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_municipality_idx').on(t.municipalityIbge)],
);
