import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * The committee's approval of a partner's request to open a camera to the public (Art. 26 §2):
 * `camera.open_to_public` is only the partner's request; a camera is open to the public when it is
 * requested, approved here and eligible to stream (`@vigia/contracts/stream-eligibility`). The
 * partner withdrawing the request deletes the approval, so asking again needs a new one.
 */
export const cameraPublicAccess = pgTable('camera_public_access', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  approvedBy: uuid('approved_by').notNull(),
  approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  reason: text('reason').notNull(),
});
