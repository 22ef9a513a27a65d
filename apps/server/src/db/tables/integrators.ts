import { doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';
import { partners } from './partners.js';

/**
 * Integrator portfolio (Art. 15; seed 002, BH + Segura): an accredited electronic-security company
 * (a partner whose users hold the `integrator` grant) manages clients — persons or companies, each
 * a partner of its own — and shares the street-facing cameras of those clients that consented.
 */
export const integratorClients = pgTable(
  'integrator_client',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    integratorPartnerId: uuid('integrator_partner_id')
      .notNull()
      .references(() => partners.id),
    clientPartnerId: uuid('client_partner_id')
      .notNull()
      .references(() => partners.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('integrator_client_pair_key').on(t.integratorPartnerId, t.clientPartnerId),
    index('integrator_client_client_idx').on(t.clientPartnerId),
  ],
);

/**
 * A client's camera the integrator manages and shares. Such a camera streams only under the
 * integrator's accreditation (its authorised executive project) and while the client's consent
 * covering it is granted (`@vigia/contracts/stream-eligibility`).
 */
export const integratorCameras = pgTable(
  'integrator_camera',
  {
    cameraId: uuid('camera_id')
      .primaryKey()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    integratorPartnerId: uuid('integrator_partner_id')
      .notNull()
      .references(() => partners.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('integrator_camera_integrator_idx').on(t.integratorPartnerId)],
);

/**
 * The client's consent to share named cameras with the program: who consented, when, for which
 * cameras, by which means (`email_link`: confirmation through a link e-mailed to the client;
 * `signed_term`: the term the platform generated, with authenticity code, signed and sent back).
 * `pending` → `granted` → `revoked` (final; a new consent is requested instead). The link token
 * (only its SHA-256 is stored) both confirms and, later, revokes.
 */
export const cameraSharingConsents = pgTable(
  'camera_sharing_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    integratorPartnerId: uuid('integrator_partner_id')
      .notNull()
      .references(() => partners.id),
    clientPartnerId: uuid('client_partner_id')
      .notNull()
      .references(() => partners.id),
    means: text('means', { enum: ['email_link', 'signed_term'] }).notNull(),
    status: text('status', { enum: ['pending', 'granted', 'revoked'] })
      .notNull()
      .default('pending'),
    clientEmail: text('client_email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The generated term (signed_term) and the signed copy the integrator sent back. */
    termDocumentId: uuid('term_document_id'),
    signedFileId: uuid('signed_file_id'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Name of the person who consented (as typed on the link page or on the signed term). */
    consentedBy: text('consented_by'),
    consentedAt: timestamp('consented_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    /** link | portal */
    revokedVia: text('revoked_via'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    index('camera_sharing_consent_client_idx').on(t.clientPartnerId),
    index('camera_sharing_consent_integrator_idx').on(t.integratorPartnerId),
  ],
);

export const cameraSharingConsentCameras = pgTable(
  'camera_sharing_consent_camera',
  {
    consentId: uuid('consent_id')
      .notNull()
      .references(() => cameraSharingConsents.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.cameraId] }), index('camera_sharing_consent_camera_idx').on(t.cameraId)],
);

/**
 * A batch of installer self-tests the integrator runs over its clients' cameras (issue 18, "bulk
 * work"). Each camera's result is its ordinary `camera_self_test` row started at or after
 * `started_at`; progress is how many of `camera_ids` have one. `finished_at` is set when the run ends.
 */
export const selfTestBatches = pgTable(
  'self_test_batch',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    integratorPartnerId: uuid('integrator_partner_id')
      .notNull()
      .references(() => partners.id),
    cameraIds: jsonb('camera_ids').$type<string[]>().notNull(),
    requestedBy: uuid('requested_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('self_test_batch_integrator_idx').on(t.integratorPartnerId, t.startedAt)],
);

/**
 * The program's signage plate of a site (SPEC §3.7; seed 002: "todas as câmeras … serão identificadas
 * com uma placa"): one per camera that may stream, with a public site code (printed with a QR to the
 * program's public page — never the partner's details), the installation photo (geotagged: EXIF or
 * the browser), the committee's decision, and the obligation case opened when `due_on` passes first.
 */
export const signagePlates = pgTable(
  'signage_plate',
  {
    cameraId: uuid('camera_id')
      .primaryKey()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    siteCode: text('site_code').notNull().unique(),
    /** awaiting_photo | submitted | approved | new_photo_requested */
    status: text('status', { enum: ['awaiting_photo', 'submitted', 'approved', 'new_photo_requested'] })
      .notNull()
      .default('awaiting_photo'),
    /** Cuiabá calendar day by which an approved photo is due (SIGNAGE_PLATE_DEADLINE_DAYS). */
    dueOn: text('due_on').notNull(),
    photoFileId: uuid('photo_file_id'),
    photoLatitude: doublePrecision('photo_latitude'),
    photoLongitude: doublePrecision('photo_longitude'),
    /** exif | browser */
    photoGpsSource: text('photo_gps_source'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    decisionReason: text('decision_reason'),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('signage_plate_status_idx').on(t.status, t.dueOn)],
);
