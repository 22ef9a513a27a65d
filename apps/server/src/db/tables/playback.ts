import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * One row per playback (docs/recording.md "Playback"): created with `playback.started`, kept alive
 * by token renewals (and, for partner-NVR playback, by the media node while its socket is open),
 * ended by the player ("closed"), the node ("socket_closed", "range_ended", …) or, when no token was
 * renewed before the last one expired, by the playback-ended sweep ("expired"). The sweep writes
 * `playback.ended` (with the duration) for every ended row exactly once.
 */
export const playbackSessions = pgTable(
  'playback_session',
  {
    /** The playback id of the tokens and of the `playback.started` event. */
    id: uuid('id').primaryKey(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    sessionId: text('session_id').notNull(),
    /** platform (recorded segments) | partner_nvr (the partner's own recorder, Art. 25 §2). */
    source: text('source', { enum: ['platform', 'partner_nvr'] })
      .notNull()
      .default('platform'),
    /** Range asked for (partner NVR playback streams exactly this range). */
    fromAt: timestamp('from_at', { withTimezone: true, precision: 3 }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true, precision: 3 }),
    /** Media node serving a partner-NVR playback. */
    nodeId: text('node_id'),
    origin: text('origin'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Last renewal (or node confirmation). */
    seenAt: timestamp('seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    endReason: text('end_reason'),
    /** When `playback.ended` was written. */
    auditedAt: timestamp('audited_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('playback_session_open_idx').on(t.auditedAt, t.seenAt), index('playback_session_camera_idx').on(t.cameraId, t.startedAt)],
);
