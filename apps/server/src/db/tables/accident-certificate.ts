import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/**
 * Traffic-accident certificate (issue 15): a citizen's declaration of a non-injury accident, worked
 * by the traffic police (validate → certificate, ask for corrections, reject). Retention:
 * docs/citizen-services.md.
 */
export const accidentDeclarations = pgTable(
  'accident_declaration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    status: text('status', { enum: ['submitted', 'corrections_requested', 'validated', 'rejected'] }).notNull(),
    /** Bumped at each resubmission; the history keeps every version's content. */
    version: integer('version').notNull().default(1),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** Nearest municipal seat to the point (the platform has seats, not municipal boundaries). */
    municipalityIbge: text('municipality_ibge').notNull(),
    municipalityName: text('municipality_name').notNull(),
    placeDescription: text('place_description').notNull(),
    narrative: text('narrative').notNull(),
    photoFileIds: jsonb('photo_file_ids').$type<string[]>().notNull(),
    /** Always true: an injury accident is refused at the door (referred to the police). */
    noInjuries: boolean('no_injuries').notNull(),
    /** Reasons of the last request for corrections or of the rejection. */
    answer: text('answer'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    /** The accident's number in the system of record (traffic-accidents adapter), once validated. */
    recordNumber: text('record_number'),
    documentId: uuid('document_id'),
    code: text('code').unique(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accident_declaration_citizen_idx').on(t.citizenId), index('accident_declaration_status_idx').on(t.status, t.deadlineAt)],
);

/** A party of the accident: the declarant (position 0) and the others named, with vehicle by plate. */
export const accidentParties = pgTable(
  'accident_party',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => accidentDeclarations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    declarant: boolean('declarant').notNull(),
    name: text('name').notNull(),
    cpf: text('cpf'),
    plate: text('plate'),
    vehicle: text('vehicle'),
    /** Another party confirmed their participation with their own gov.br sign-in. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => citizens.id),
  },
  (t) => [index('accident_party_declaration_idx').on(t.declarationId), index('accident_party_cpf_idx').on(t.cpf)],
);

/** The history of a declaration: each submission (with the content of that version) and each decision. */
export const accidentEvents = pgTable(
  'accident_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => accidentDeclarations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind', {
      enum: ['submitted', 'corrections_requested', 'resubmitted', 'validated', 'rejected', 'party_confirmed'],
    }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Staff user (decisions) or null (the citizen). */
    by: uuid('by'),
    note: text('note'),
    /** The declaration as submitted in this version (submissions only). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
  },
  (t) => [index('accident_event_declaration_idx').on(t.declarationId, t.at)],
);

/**
 * The platform's own traffic-accident records base (behind the traffic-accidents adapter): one row
 * per validated accident. A state plugs its real base in by writing another adapter. The row is
 * deleted with its declaration by the citizen-retention sweep; a state's base keeps its own rule.
 */
export const trafficAccidentRecords = pgTable('traffic_accident_record', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordNumber: text('record_number').notNull().unique(),
  source: text('source').notNull(),
  sourceId: uuid('source_id').notNull().unique(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  municipalityIbge: text('municipality_ibge').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  plates: jsonb('plates').$type<string[]>().notNull(),
  partiesCpf: jsonb('parties_cpf').$type<string[]>().notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
