import type { ReportFacts } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperationTerms } from './accreditation.js';

/**
 * Accountability report (prestação de contas, Art. 19): after installation (proof), whenever SESP
 * asks (with a deadline), within 90 days after the cooperation ends (§1), or a special audit at any
 * time. `facts` is the platform's snapshot, refreshed until submission.
 */
export const accountabilityReports = pgTable(
  'accountability_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    termId: uuid('term_id')
      .notNull()
      .references(() => cooperationTerms.id),
    kind: text('kind', { enum: ['installation', 'requested', 'final', 'special_audit'] }).notNull(),
    status: text('status', { enum: ['pending', 'submitted', 'corrections_requested', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    requestReason: text('request_reason'),
    sourceLoanId: uuid('source_loan_id'),
    facts: jsonb('facts').$type<ReportFacts>().notNull(),
    activities: text('activities').notNull().default(''),
    results: text('results').notNull().default(''),
    photoFileIds: jsonb('photo_file_ids').$type<string[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    sanctionProcessId: uuid('sanction_process_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accountability_report_partner_idx').on(t.partnerId, t.status),
    // one final report per term and one installation report per loan (sweeps are idempotent on these)
    uniqueIndex('accountability_report_final_key').on(t.termId).where(sql`kind = 'final'`),
    uniqueIndex('accountability_report_installation_key').on(t.sourceLoanId).where(sql`kind = 'installation'`),
  ],
);
