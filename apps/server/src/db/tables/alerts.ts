import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * In-app alerts for the operations centre (CIOSP). One `camera_down` alert per outage that lasted
 * beyond HEALTH_ALERT_AFTER_MINUTES and one `camera_recovered` when it ended — the unique index
 * on (outage, kind) makes the health sweep idempotent. `recording_disk_low` is about a recording
 * volume, not a camera (camera and outage null, `volume` set): at most one open (unacknowledged)
 * alert per volume, enforced by a partial unique index. `view_changed`: a camera filming something else
 * than its approved view (issue 17; one per episode, see camera_view_check). `recording_upload_backlog` (RECORDING_STORAGE=s3)
 * is the same for a bucket (`volume` = `s3:<bucket>`): closed segments waiting for upload.
 */
export const alerts = pgTable(
  'alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['camera_down', 'camera_recovered', 'recording_disk_low', 'view_changed', 'recording_upload_backlog'],
    }).notNull(),
    cameraId: uuid('camera_id'),
    partnerId: uuid('partner_id'),
    outageId: uuid('outage_id'),
    /** Recording volume of a `recording_disk_low` alert (storage root). */
    volume: text('volume'),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('alert_outage_kind_uq').on(t.outageId, t.kind),
    uniqueIndex('alert_volume_open_uq').on(t.kind, t.volume).where(sql`${t.volume} IS NOT NULL AND ${t.acknowledgedAt} IS NULL`),
    index('alert_open_idx').on(t.acknowledgedAt, t.createdAt),
  ],
);
