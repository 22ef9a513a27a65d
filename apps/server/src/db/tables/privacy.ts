import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { cameras } from './cameras.js';

/**
 * Privacy (issue 6; SPEC §3.5). One mask row per camera: polygons in normalised frame
 * coordinates (0–1). Unmask grants: who may see the image without masks, with the admin's reason,
 * an optional expiry and the revocation; a grant is active while not revoked and not expired.
 */
export const privacyMasks = pgTable('privacy_mask', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  /** [[x, y], …] per polygon, 0–1, origin top-left. */
  polygons: jsonb('polygons').$type<[number, number][][]>().notNull(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const privacyUnmaskGrants = pgTable(
  'privacy_unmask_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('privacy_unmask_grant_user_idx').on(t.userId)],
);
