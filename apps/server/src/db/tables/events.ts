import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * What happened to a camera, for the operations centre's event list (issue 17): down / back up
 * (copied from the health outages by the outage-events sweep), PTZ takeovers, view changes and
 * the motion / tamper events the camera itself sends over ONVIF. `dedupeKey` (unique when set)
 * makes every producer idempotent: "outage:<id>:down", "outage:<id>:up", …
 */
export const cameraEvents = pgTable(
  'camera_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['camera_down', 'camera_up', 'ptz_takeover', 'view_changed', 'motion', 'tamper'] }).notNull(),
    /** When it happened (the transition's own time, not when it was recorded). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Who caused it, when a person did (PTZ takeover). */
    actorUserId: uuid('actor_user_id'),
    /** Kind-specific details (outage cause, who lost the PTZ lock, hash distance, ONVIF topic). */
    data: jsonb('data').$type<Record<string, unknown>>(),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('camera_event_time_idx').on(t.occurredAt),
    index('camera_event_camera_idx').on(t.cameraId, t.occurredAt),
    uniqueIndex('camera_event_dedupe_uq').on(t.dedupeKey),
  ],
);
