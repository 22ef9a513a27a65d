import type { LegalRepresentative } from '@vigia/contracts';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partners } from './partners.js';

/** The identity fields of a partner that freeze once it has submitted an application (issue 12, item 7). */
export interface IdentityValues {
  kind: string;
  name: string;
  document: string;
  legalRepresentative: LegalRepresentative | null;
}

/** Alteração cadastral: a partner asks to change its identity; the committee decides. */
export const identityChanges = pgTable(
  'partner_identity_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    current: jsonb('current').$type<IdentityValues>().notNull(),
    proposed: jsonb('proposed').$type<IdentityValues>().notNull(),
    reason: text('reason').notNull(),
    supportingFileId: uuid('supporting_file_id'),
    requestedBy: uuid('requested_by').notNull(),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_identity_change_partner_idx').on(t.partnerId), index('partner_identity_change_status_idx').on(t.status)],
);

/** Every identity a partner had: written when an approved change replaces the partner row's values. */
export const identityHistory = pgTable(
  'partner_identity_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    changeId: uuid('change_id')
      .notNull()
      .references(() => identityChanges.id),
    previous: jsonb('previous').$type<IdentityValues>().notNull(),
    next: jsonb('next').$type<IdentityValues>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_identity_history_partner_idx').on(t.partnerId)],
);
