import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { cameras } from './cameras.js';

/**
 * Access & releases (SPEC §3.5–3.6): areas of interest of CIOSP operators, footage release
 * requests with their instruction notes, decision and delivery, and evidence locks that the
 * recorder's retention sweep must honour.
 */

/**
 * An area of interest (art. 26; BH "de acordo com a área de interesse"), held by one operator
 * (`user_id`) or by every operator of a CIOSP unit (`unit`). A polygon is also stored as its edges
 * (`operator_area_edge`), so the point-in-polygon test is plain SQL (ray casting) on PGlite and
 * PostgreSQL alike — no PostGIS.
 */
export const operatorAreas = pgTable(
  'operator_area',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    unit: text('unit'),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['security_region', 'municipality', 'polygon'] }).notNull(),
    securityRegionId: uuid('security_region_id'),
    municipalityIbge: text('municipality_ibge'),
    /** [longitude, latitude] vertices, for display; the SQL test uses the edges. */
    polygon: jsonb('polygon').$type<[number, number][]>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('operator_area_user_idx').on(t.userId), index('operator_area_unit_idx').on(t.unit)],
);

/** One edge of a polygon area: (x1, y1) → (x2, y2), x = longitude, y = latitude. */
export const operatorAreaEdges = pgTable(
  'operator_area_edge',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => operatorAreas.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    x1: doublePrecision('x1').notNull(),
    y1: doublePrecision('y1').notNull(),
    x2: doublePrecision('x2').notNull(),
    y2: doublePrecision('y2').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.seq] })],
);

/** A footage release request (cessão de imagens, art. 2º, VI). */
export const releaseRequests = pgTable(
  'release_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['submitted', 'in_analysis', 'instructed', 'granted', 'partially_granted', 'denied', 'closed'] })
      .notNull()
      .default('submitted'),
    requesterKind: text('requester_kind', {
      enum: ['court', 'prosecutor', 'police_authority', 'administrative_process', 'judicial_process'],
    }).notNull(),
    /** The external requester's account: the only recipient of the delivery. */
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    /** Who filed it: the requester, or an operator registering on the requester's behalf. */
    filedByUserId: uuid('filed_by_user_id')
      .notNull()
      .references(() => users.id),
    requesterName: text('requester_name').notNull(),
    requesterRole: text('requester_role').notNull(),
    requesterOrganisation: text('requester_organisation').notNull(),
    legalGrounds: text('legal_grounds').notNull(),
    caseNumber: text('case_number').notNull(),
    urgency: text('urgency', { enum: ['normal', 'urgent'] }).notNull(),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    decision: text('decision', { enum: ['granted', 'partially_granted', 'denied'] }),
    decisionReasons: text('decision_reasons'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    grantedFrom: timestamp('granted_from', { withTimezone: true }),
    grantedTo: timestamp('granted_to', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('release_request_requester_idx').on(t.requesterUserId),
    index('release_request_filed_by_idx').on(t.filedByUserId),
    index('release_request_status_idx').on(t.status),
  ],
);

/** The cameras of a request; `granted` is set by the decision. */
export const releaseRequestCameras = pgTable(
  'release_request_camera',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => releaseRequests.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id),
    granted: boolean('granted'),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.cameraId] })],
);

/** The analyst's instruction notes (availability of the footage and remarks). */
export const releaseRequestNotes = pgTable(
  'release_request_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => releaseRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    availability: text('availability', { enum: ['available', 'partially_available', 'unavailable', 'not_checked'] }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('release_request_note_request_idx').on(t.requestId)],
);

/**
 * Footage that must not be deleted (SPEC §3.4: "footage under a release request or an
 * investigation is locked against deletion"). Active while `released_at` is null. The recorder's
 * retention sweep must ask `isLocked` / `lockedRanges` (evidence-locks.ts) before deleting.
 */
export const evidenceLocks = pgTable(
  'evidence_lock',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    releaseRequestId: uuid('release_request_id').references(() => releaseRequests.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by'),
    releasedReason: text('released_reason'),
  },
  (t) => [index('evidence_lock_camera_idx').on(t.cameraId, t.fromAt), index('evidence_lock_request_idx').on(t.releaseRequestId)],
);

/**
 * The delivery of a granted request: bound to the requester's account, expiring. The package
 * itself (signed MP4 export) depends on recording/export — `package_status` stays `pending`
 * ("pacote em preparação") until that exists.
 */
export const releaseDeliveries = pgTable(
  'release_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => releaseRequests.id, { onDelete: 'cascade' }),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    /** `failed` after the export's last attempt failed; the release authority may retry it. */
    packageStatus: text('package_status', { enum: ['pending', 'ready', 'failed'] })
      .notNull()
      .default('pending'),
    packageStorageKey: text('package_storage_key'),
    /** pt-BR reason shown to the release authority when the package could not be built. */
    failureReason: text('failure_reason'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    downloads: integer('downloads').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('release_delivery_request_idx').on(t.requestId)],
);
