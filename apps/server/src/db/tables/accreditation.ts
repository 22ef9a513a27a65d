import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partners } from './partners.js';
import { securityRegions } from './regions.js';

export const applicationNumberSeq = pgSequence('application_number_seq', { startWith: 1 });
export const cooperationTermNumberSeq = pgSequence('cooperation_term_number_seq', { startWith: 1 });

/**
 * An application (pedido de habilitação), Decree 1.522/2022 Art. 7–16. `status` follows the
 * contracts' `canTransition`. `handledBy` says whose queue it is in: SESP's committee, or the
 * municipality/consortium holding an indirect-management term for the applicant's municipality
 * (Art. 8 §1), unless SESP accepted to handle it directly (Art. 8 §2).
 */
export const applications = pgTable(
  'application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    status: text('status').notNull().default('draft'),
    modality: text('modality', { enum: ['direct', 'indirect'] })
      .notNull()
      .default('direct'),
    propertyOwnership: text('property_ownership', { enum: ['own', 'leased', 'third_party'] }).notNull(),
    leaseEndsOn: date('lease_ends_on', { mode: 'string' }),
    consortiumMunicipalities: jsonb('consortium_municipalities').$type<string[]>().notNull().default([]),
    extendsTermId: uuid('extends_term_id'),
    handledBy: text('handled_by', { enum: ['sesp', 'manager'] })
      .notNull()
      .default('sesp'),
    managerMunicipalityIbge: text('manager_municipality_ibge'),
    managerTermId: uuid('manager_term_id'),
    directHandlingStatus: text('direct_handling_status', { enum: ['requested', 'accepted', 'returned'] }),
    directHandlingReason: text('direct_handling_reason'),
    directHandlingNote: text('direct_handling_note'),
    decisionReason: text('decision_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    homologatedAt: timestamp('homologated_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_partner_idx').on(t.partnerId),
    index('application_queue_idx').on(t.handledBy, t.managerMunicipalityIbge, t.status),
  ],
);

/** One row of the executive project (Anexo 3). Anexos 4 and 5 are generated from these rows. */
export const cameraPoints = pgTable(
  'camera_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    address: text('address').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    mounting: text('mounting', { enum: ['facade', 'pole', 'other'] }).notNull(),
    mountingDetail: text('mounting_detail'),
    films: text('films').notNull(),
    mountingPhotoFileId: uuid('mounting_photo_file_id'),
    viewPhotoFileId: uuid('view_photo_file_id'),
  },
  (t) => [uniqueIndex('camera_point_ordinal_key').on(t.applicationId, t.ordinal)],
);

/** A file attached to one required document of an application (latest row per key is current). */
export const applicationDocuments = pgTable(
  'application_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    requirementKey: text('requirement_key').notNull(),
    fileId: uuid('file_id').notNull(),
    attachedBy: uuid('attached_by').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_document_app_idx').on(t.applicationId, t.requirementKey)],
);

/** Committee checklist: one verdict per required document and technical requirement. */
export const reviewItems = pgTable(
  'application_review_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    verdict: text('verdict', { enum: ['ok', 'fault'] }).notNull(),
    note: text('note'),
    reviewedBy: uuid('reviewed_by').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_review_item_key').on(t.applicationId, t.itemKey)],
);

export const technicalVisits = pgTable('technical_visit', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' }),
  scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
  place: text('place').notNull(),
  findings: text('findings'),
  scheduledBy: uuid('scheduled_by').notNull(),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }),
});

/** Art. 12: the public-interest opinion of each security region (RISP) containing a camera point. */
export const rispOpinions = pgTable(
  'risp_opinion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    securityRegionId: uuid('security_region_id')
      .notNull()
      .references(() => securityRegions.id),
    status: text('status', { enum: ['pending', 'favourable', 'unfavourable'] })
      .notNull()
      .default('pending'),
    reasons: text('reasons'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('risp_opinion_app_region_key').on(t.applicationId, t.securityRegionId)],
);

/** Art. 16 §2: faults listed one by one, with a deadline in business days to remedy them. */
export const deficiencyNotices = pgTable(
  'deficiency_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'answered', 'expired'] })
      .notNull()
      .default('open'),
    businessDays: integer('business_days').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('deficiency_notice_due_idx').on(t.status, t.dueOn)],
);

export const deficiencyItems = pgTable('deficiency_item', {
  id: uuid('id').primaryKey().defaultRandom(),
  noticeId: uuid('notice_id')
    .notNull()
    .references(() => deficiencyNotices.id, { onDelete: 'cascade' }),
  ordinal: integer('ordinal').notNull(),
  itemKey: text('item_key'),
  description: text('description').notNull(),
  answer: text('answer'),
  fileId: uuid('file_id'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
});

/**
 * Cooperation term (Art. 5): direct (SESP), indirect delegation (a municipality/consortium takes on
 * management, Art. 4 II) or adhesion (a private partner under an indirect manager). Valid 5 years,
 * renewed automatically while it operates (Art. 5 §3): periods are computed from `signedOn`.
 */
export const cooperationTerms = pgTable(
  'cooperation_term',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['direct', 'indirect_delegation', 'adhesion'] }).notNull(),
    status: text('status', { enum: ['pending_signature', 'active', 'ended'] })
      .notNull()
      .default('pending_signature'),
    coveredMunicipalities: jsonb('covered_municipalities').$type<string[]>().notNull().default([]),
    managerTermId: uuid('manager_term_id'),
    signedOn: date('signed_on', { mode: 'string' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cooperation_term_partner_idx').on(t.partnerId), index('cooperation_term_kind_status_idx').on(t.kind, t.status)],
);

/** Art. 14 §4: each executive project has its own authorisation; an extension is a new one. */
export const projectAuthorisations = pgTable(
  'project_authorisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    termId: uuid('term_id')
      .notNull()
      .references(() => cooperationTerms.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id)
      .unique(),
    cameraPoints: integer('camera_points').notNull(),
    pointsDigest: text('points_digest').notNull(),
    authorisedAt: timestamp('authorised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_authorisation_term_idx').on(t.termId), index('project_authorisation_digest_idx').on(sql`${t.pointsDigest}`)],
);
