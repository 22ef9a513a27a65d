import { index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/**
 * A public-security fee (taxa de segurança pública) charged for a citizen service, in the
 * platform's own treasury store (behind the treasury adapter). The amount is the service's number
 * of UPF-MT times the UPF-MT value in force, both kept with the fee as charged.
 */
export const securityFees = pgTable(
  'security_fee',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    /** e.g. 'identity_card_second_copy' */
    service: text('service').notNull(),
    subjectId: uuid('subject_id').notNull(),
    upfUnits: numeric('upf_units').notNull(),
    upfValueCents: integer('upf_value_cents').notNull(),
    upfReference: text('upf_reference').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** Pix transaction id (EMV tag 62-05), 25 characters. */
    txid: text('txid').notNull().unique(),
    brCode: text('br_code').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'expired', 'cancelled'] }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidVia: text('paid_via', { enum: ['webhook', 'manual'] }),
    paymentReference: text('payment_reference'),
    slipDocumentId: uuid('slip_document_id'),
    reissueOf: uuid('reissue_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('security_fee_subject_idx').on(t.service, t.subjectId), index('security_fee_citizen_idx').on(t.citizenId)],
);
