import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Export jobs (issue 5, docs/recording.md "Export"): one row per requested package. The build
 * sweep claims `queued` rows, writes DATA_DIR/exports/<id>/ (MP4s, manifest.json + .sig,
 * LEIA-ME.txt), stores the progress (0–100) and marks the row `ready` (or `failed`). A row created
 * by a release grant carries `release_delivery_id`; the delivery is marked ready with it.
 */
export const exportJobs = pgTable(
  'export_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraIds: jsonb('camera_ids').$type<string[]>().notNull(),
    fromAt: timestamp('from_at', { withTimezone: true, precision: 3 }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true, precision: 3 }).notNull(),
    reason: text('reason').notNull(),
    caseNumber: text('case_number'),
    /** null for a release grant's package (the system builds it on the authority's decision). */
    requestedBy: uuid('requested_by'),
    requestedByLabel: text('requested_by_label').notNull(),
    releaseDeliveryId: uuid('release_delivery_id'),
    status: text('status', { enum: ['queued', 'running', 'ready', 'failed'] })
      .notNull()
      .default('queued'),
    progress: integer('progress').notNull().default(0),
    error: text('error'),
    /** Build attempts so far (a release package is retried up to EXPORT_MAX_ATTEMPTS times). */
    attempts: integer('attempts').notNull().default(0),
    /** A queued retry is not claimed before this instant (backoff). */
    retryAt: timestamp('retry_at', { withTimezone: true, precision: 3 }),
    builtBy: text('built_by'),
    /** Directory name under DATA_DIR/exports (the manifest's exportId). */
    packageKey: text('package_key'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    downloads: integer('downloads').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('export_job_status_idx').on(t.status, t.createdAt), index('export_job_requester_idx').on(t.requestedBy, t.createdAt)],
);
