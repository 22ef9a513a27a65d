import { date, index, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperationTerms } from './accreditation.js';
import { partners } from './partners.js';

export const loanNumberSeq = pgSequence('equipment_loan_number_seq', { startWith: 1 });

/**
 * A state-owned camera (Art. 17): model, serial, asset tag (tombamento), warranty end, status.
 * Every status change writes an `equipment_asset_event` row (full history) and an audit row.
 */
export const equipmentAssets = pgTable(
  'equipment_asset',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    model: text('model').notNull(),
    serial: text('serial').notNull(),
    assetTag: text('asset_tag').notNull(),
    warrantyEndsOn: date('warranty_ends_on', { mode: 'string' }),
    status: text('status', { enum: ['in_stock', 'reserved', 'lent', 'under_repair', 'stolen', 'returned', 'written_off'] })
      .notNull()
      .default('in_stock'),
    currentLoanId: uuid('current_loan_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('equipment_asset_serial_key').on(t.serial),
    uniqueIndex('equipment_asset_tag_key').on(t.assetTag),
    index('equipment_asset_status_idx').on(t.status),
  ],
);

export const equipmentAssetEvents = pgTable(
  'equipment_asset_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => equipmentAssets.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    loanId: uuid('loan_id'),
    note: text('note'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('equipment_asset_event_asset_idx').on(t.assetId, t.at)],
);

/**
 * A loan (cessão de uso em comodato, Art. 17 sole §) under one cooperation term. Up to 5 years from
 * pickup, renewed automatically while the cooperation operates (Art. 18 §4) — computed, not stored.
 * Installation deadline: 90 days from pickup (guide §04), met when every lent camera has delivered video.
 */
export const equipmentLoans = pgTable(
  'equipment_loan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => cooperationTerms.id),
    status: text('status', { enum: ['reserved', 'pickup_scheduled', 'active', 'returned', 'cancelled'] })
      .notNull()
      .default('reserved'),
    pickupOn: date('pickup_on', { mode: 'string' }),
    pickupPlace: text('pickup_place').notNull(),
    pickupPersonName: text('pickup_person_name'),
    pickupPersonCpf: text('pickup_person_cpf'),
    pickupAuthorisationFileId: uuid('pickup_authorisation_file_id'),
    pickedUpOn: date('picked_up_on', { mode: 'string' }),
    installationStatus: text('installation_status', { enum: ['not_started', 'pending', 'met', 'missed'] })
      .notNull()
      .default('not_started'),
    installationDueOn: date('installation_due_on', { mode: 'string' }),
    installationMetAt: timestamp('installation_met_at', { withTimezone: true }),
    remindersSent: jsonb('reminders_sent').$type<number[]>().notNull().default([]),
    returnedOn: date('returned_on', { mode: 'string' }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('equipment_loan_partner_idx').on(t.partnerId),
    index('equipment_loan_installation_idx').on(t.installationStatus, t.installationDueOn),
  ],
);

/** One asset in a loan. A warranty replacement (Art. 18 §3) adds a new item pointing at the replaced one. */
export const equipmentLoanItems = pgTable(
  'equipment_loan_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => equipmentLoans.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => equipmentAssets.id),
    replacesItemId: uuid('replaces_item_id'),
    active: text('active', { enum: ['yes', 'no'] })
      .notNull()
      .default('yes'),
    firstVideoAt: timestamp('first_video_at', { withTimezone: true }),
    returnCondition: text('return_condition'),
    returnNote: text('return_note'),
  },
  (t) => [index('equipment_loan_item_loan_idx').on(t.loanId), index('equipment_loan_item_asset_idx').on(t.assetId)],
);

/** Art. 18 §1–3: theft, third-party damage, damage by the partner, warranty defect. */
export const equipmentIncidents = pgTable(
  'equipment_incident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => equipmentLoans.id),
    partnerId: uuid('partner_id').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => equipmentAssets.id),
    kind: text('kind', { enum: ['theft', 'third_party_damage', 'partner_damage', 'warranty_defect'] }).notNull(),
    status: text('status', { enum: ['open', 'repair_pending', 'closed'] })
      .notNull()
      .default('open'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    policeReportNumber: text('police_report_number'),
    replacementAssetId: uuid('replacement_asset_id'),
    resolution: text('resolution'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('equipment_incident_partner_idx').on(t.partnerId, t.status)],
);

export type LoanRow = typeof equipmentLoans.$inferSelect;
