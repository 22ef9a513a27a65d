import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * In-app alerts for the operations centre (CIOSP). One `camera_down` alert per outage that lasted
 * beyond HEALTH_ALERT_AFTER_MINUTES and one `camera_recovered` when it ended — the unique index
 * on (outage, kind) makes the health sweep idempotent.
 */
export const alerts = pgTable(
  'alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['camera_down', 'camera_recovered'] }).notNull(),
    cameraId: uuid('camera_id').notNull(),
    partnerId: uuid('partner_id'),
    outageId: uuid('outage_id').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [uniqueIndex('alert_outage_kind_uq').on(t.outageId, t.kind), index('alert_open_idx').on(t.acknowledgedAt, t.createdAt)],
);
