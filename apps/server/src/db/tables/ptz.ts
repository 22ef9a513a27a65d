import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * PTZ state of a camera (issue 17): whether it reports a PTZ service, the preset of its approved
 * view, and the lock — who drives it now and when they last acted. A lock whose holder has been
 * idle longer than PTZ_LOCK_IDLE_SECONDS is free; a camera moved and then left alone longer than
 * PTZ_RETURN_AFTER_SECONDS is sent back to its approved preset (ptz-return sweep).
 */
export const cameraPtz = pgTable('camera_ptz', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  supported: boolean('supported').notNull(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  approvedPresetToken: text('approved_preset_token'),
  /** The open move session (ptz_session) of the holder; null = nobody drives. */
  sessionId: uuid('session_id'),
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
  /** Moved since it last returned to the approved preset. */
  awayFromApproved: boolean('away_from_approved').notNull().default(false),
});

/**
 * One person's move session on a camera, from taking the lock to releasing it, losing it to a
 * higher-priority role or letting it expire: who, when, how long, how many moves, which presets.
 */
export const ptzSessions = pgTable(
  'ptz_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    /** Rank in PTZ_PRIORITY (0 = highest). */
    rank: integer('rank').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: ['released', 'expired', 'taken_over'] }),
    takenOverBy: uuid('taken_over_by'),
    takenOverByName: text('taken_over_by_name'),
    moves: integer('moves').notNull().default(0),
    presetsUsed: jsonb('presets_used').$type<string[]>().notNull().default([]),
  },
  (t) => [index('ptz_session_camera_idx').on(t.cameraId, t.startedAt), index('ptz_session_user_idx').on(t.userId, t.startedAt)],
);
