import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/** A Politec identification post, with how many appointments it takes per day. */
export const identificationPosts = pgTable('identification_post', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  municipality: text('municipality').notNull(),
  address: text('address').notNull(),
  dailyCapacity: integer('daily_capacity').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Identity cards already issued to a CPF (Politec's identification base, the platform's own store). */
export const identityRecords = pgTable('identity_record', {
  id: uuid('id').primaryKey().defaultRandom(),
  cpf: text('cpf').notNull(),
  rgNumber: text('rg_number').notNull(),
  issuedOn: text('issued_on').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An identity-card (RG / CIN) pre-request: personal data, declared documents, post and day of the
 * appointment, then the stages Politec staff move it through. The public sees stage and post only.
 */
export const identityCardRequests = pgTable(
  'identity_card_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    cpf: text('cpf').notNull(),
    name: text('name').notNull(),
    birthDate: text('birth_date').notNull(),
    motherName: text('mother_name').notNull(),
    documents: text('documents').array().notNull(),
    copy: text('copy', { enum: ['first', 'second'] }).notNull(),
    postId: uuid('post_id')
      .notNull()
      .references(() => identificationPosts.id),
    appointmentDate: text('appointment_date').notNull(),
    stage: text('stage', {
      enum: [
        'awaiting_payment',
        'awaiting_exemption',
        'scheduled',
        'biometrics',
        'production',
        'shipped',
        'available',
        'delivered',
        'cancelled',
      ],
    }).notNull(),
    exemption: text('exemption', { enum: ['none', 'requested', 'granted', 'refused'] }).notNull(),
    exemptionProof: text('exemption_proof'),
    /** Date the card is valid until (Decreto 10.977/2022); null with `production` reached: indefinite, or not issued yet. */
    validUntil: text('valid_until'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('identity_card_request_slot_idx').on(t.postId, t.appointmentDate),
    index('identity_card_request_citizen_idx').on(t.citizenId),
  ],
);

/** Each stage a request went through, by whom and when (the citizen is mailed at each). */
export const identityCardStageEvents = pgTable(
  'identity_card_stage_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => identityCardRequests.id),
    stage: text('stage').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by'),
  },
  (t) => [unique('identity_card_stage_event_once').on(t.requestId, t.stage)],
);
