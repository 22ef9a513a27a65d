import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * View-change detection (issue 17): per camera, the reference picture of its approved view (the
 * first successful self-test snapshot; files under DATA_DIR/view-checks) and its perceptual hash,
 * and the last check. `changedSince` is set while the camera films something else than its
 * approved view (one `view_changed` event and alert per episode), cleared when it is back.
 */
export const cameraViewChecks = pgTable('camera_view_check', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  referenceSource: text('reference_source', { enum: ['self_test', 'executive_project'] }).notNull(),
  referenceFile: text('reference_file').notNull(),
  referenceHash: text('reference_hash').notNull(),
  lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
  lastHash: text('last_hash'),
  lastDistance: integer('last_distance'),
  changedSince: timestamp('changed_since', { withTimezone: true }),
});
