import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cooperationTerms } from './accreditation.js';

/** Inspection (vistoria, Art. 28 §1): scheduled or unannounced; checklist, photos, findings, follow-up. */
export const inspections = pgTable(
  'inspection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    termId: uuid('term_id')
      .notNull()
      .references(() => cooperationTerms.id),
    kind: text('kind', { enum: ['scheduled', 'unannounced'] }).notNull(),
    status: text('status', { enum: ['scheduled', 'recorded', 'follow_up_closed'] })
      .notNull()
      .default('scheduled'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    checklist: jsonb('checklist').$type<Record<string, string>>(),
    faults: integer('faults').notNull().default(0),
    findings: text('findings'),
    photoFileIds: jsonb('photo_file_ids').$type<string[]>().notNull().default([]),
    followUpDueOn: date('follow_up_due_on', { mode: 'string' }),
    followUpNote: text('follow_up_note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [index('inspection_partner_idx').on(t.partnerId, t.status)],
);
