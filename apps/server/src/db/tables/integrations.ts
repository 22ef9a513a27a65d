import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * VMS integrations (Art. 22 §3, Art. 24; docs/cameras.md "Re-serving to the CIOSP VMS"). An
 * external system (the VMS already at CIOSP, a regional center's recorder…) gets a generated
 * username and password (only the SHA-256 of the random password is stored) and the set of cameras
 * it may pull as HLS from the media nodes. Media nodes read these two tables and write
 * `vms_integration_pull`: one row per pull session (integration × camera), turned into audit events
 * by the API (integration-pull audit sweep), as `live_view` is for people.
 */
export const vmsIntegrations = pgTable('vms_integration', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** CIOSP unit responsible for the system (Art. 26 §1: operatorUnits). */
  unit: text('unit').notNull(),
  username: text('username').notNull().unique(),
  /** SHA-256 (hex) of the 32-byte random password. */
  secretHash: text('secret_hash').notNull(),
  /** Optional source range (CIDR) the system must connect from. */
  allowedCidr: text('allowed_cidr'),
  /** active | revoked (revocation is final; a new integration is registered instead). */
  status: text('status').notNull().default('active'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true, precision: 3 }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  revokedBy: uuid('revoked_by'),
  revokeReason: text('revoke_reason'),
});

export const vmsIntegrationCameras = pgTable(
  'vms_integration_camera',
  {
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => vmsIntegrations.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.cameraId] })],
);

export const vmsIntegrationPulls = pgTable(
  'vms_integration_pull',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => vmsIntegrations.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id').notNull(),
    nodeId: text('node_id').notNull(),
    /** Client address (and user agent) as the node saw it. */
    origin: text('origin'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Last request of the session the node confirmed (heartbeat). */
    seenAt: timestamp('seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    /** Audit progress: 0 nothing recorded, 1 start recorded, 2 start and end recorded. */
    audited: integer('audited').notNull().default(0),
  },
  (t) => [index('vms_integration_pull_audit_idx').on(t.audited), index('vms_integration_pull_used_idx').on(t.integrationId, t.seenAt)],
);
