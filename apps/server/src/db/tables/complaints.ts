import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Citizen complaint (denúncia, Art. 28 §2), anonymous or identified. The public sees only status and
 * published outcome, by protocol. `sourceHash` (SHA-256 of the client address + daily salt) limits
 * the rate per address without keeping the address.
 */
export const complaints = pgTable(
  'complaint',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    status: text('status', { enum: ['received', 'investigating', 'dismissed', 'closed'] })
      .notNull()
      .default('received'),
    anonymous: boolean('anonymous').notNull(),
    name: text('name'),
    email: text('email'),
    about: text('about', { enum: ['site', 'partner'] }).notNull(),
    subject: text('subject').notNull(),
    municipalityIbge: text('municipality_ibge'),
    description: text('description').notNull(),
    termId: uuid('term_id'),
    triageNote: text('triage_note'),
    outcome: text('outcome'),
    outcomePublishedAt: timestamp('outcome_published_at', { withTimezone: true }),
    sourceHash: text('source_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_source_idx').on(t.sourceHash, t.createdAt), index('complaint_status_idx').on(t.status)],
);
