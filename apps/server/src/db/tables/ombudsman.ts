import { manifestationIdentities, manifestationKinds, manifestationStatuses, ombudsmanUnits } from '@vigia/contracts';
import { bigserial, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/**
 * Ombudsman manifestations (Lei 13.460/2017; issue 16). `citizen_id` is null for an anonymous one;
 * a confidential one keeps it, and only the ombudsman's own views read it (art. 10 §7). The access
 * code is stored as its SHA-256. Clocks are dates in Cuiabá (Lei 9.784 art. 66 counting).
 */
export const ombudsmanManifestations = pgTable(
  'ombudsman_manifestation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    accessCodeHash: text('access_code_hash').notNull(),
    kind: text('kind', { enum: manifestationKinds }).notNull(),
    identity: text('identity', { enum: manifestationIdentities }).notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: manifestationStatuses }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Art. 16: 30 days from receipt; 60 after the one extension. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    /** The due date the last reminder was sent for (a new date, a new reminder). */
    remindedFor: date('reminded_for', { mode: 'string' }),
    unit: text('unit', { enum: ombudsmanUnits }),
    routingNote: text('routing_note'),
    routedOn: date('routed_on', { mode: 'string' }),
    unitDueOn: date('unit_due_on', { mode: 'string' }),
    unitExtensionReason: text('unit_extension_reason'),
    unitRemindedFor: date('unit_reminded_for', { mode: 'string' }),
    unitAnswer: text('unit_answer'),
    unitAnsweredAt: timestamp('unit_answered_at', { withTimezone: true }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ombudsman_manifestation_status_idx').on(t.status, t.dueOn),
    index('ombudsman_manifestation_citizen_idx').on(t.citizenId),
    index('ombudsman_manifestation_unit_idx').on(t.unit, t.status),
  ],
);

/** The two-way messages between the citizen and the ombudsman (the unit never writes here). */
export const ombudsmanMessages = pgTable(
  'ombudsman_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of writing (two messages may share a timestamp). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    manifestationId: uuid('manifestation_id')
      .notNull()
      .references(() => ombudsmanManifestations.id, { onDelete: 'cascade' }),
    author: text('author', { enum: ['citizen', 'ombudsman'] }).notNull(),
    authorUserId: uuid('author_user_id'),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ombudsman_message_manifestation_idx').on(t.manifestationId, t.createdAt)],
);
