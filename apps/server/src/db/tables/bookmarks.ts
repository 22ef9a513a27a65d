import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';
import { evidenceLocks, releaseRequests } from './releases.js';

/**
 * Bookmarks (issue 17): an operator marks a moment of a camera (from live or the playback
 * timeline) with a title, a note and tags. Visible to the operators of the author's `unit` (and to
 * the author); every creation, read and attachment is audited. May be attached to a footage release
 * request or an evidence lock.
 */
export const bookmarks = pgTable(
  'bookmark',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').notNull(),
    /** The author's operator unit; null = the author only. */
    unit: text('unit'),
    startAt: timestamp('start_at', { withTimezone: true, precision: 3 }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true, precision: 3 }).notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    tags: text('tags').array().notNull().default([]),
    releaseRequestId: uuid('release_request_id').references(() => releaseRequests.id),
    evidenceLockId: uuid('evidence_lock_id').references(() => evidenceLocks.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bookmark_camera_idx').on(t.cameraId, t.startAt), index('bookmark_unit_idx').on(t.unit)],
);
