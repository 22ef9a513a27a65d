import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * Media coordination (issue 4, ADR 0004). The API and the media nodes meet here: each node keeps a
 * `media_node` row alive (heartbeat) and holds `camera_assignment` leases, renewed every few
 * seconds; an expired lease may be taken by any node. `live_view` records who watched what and for
 * how long; the API turns its rows into audit events (live-view audit sweep).
 */
export const mediaNodes = pgTable('media_node', {
  id: text('id').primaryKey(),
  /** Base URL browsers use to reach the node (http(s)://host:port; the socket is ws(s)://…/live/:cameraId). */
  publicUrl: text('public_url').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** Upstream (camera) connections open on the node at the last heartbeat. */
  upstreams: integer('upstreams').notNull().default(0),
  viewers: integer('viewers').notNull().default(0),
});

export const cameraAssignments = pgTable(
  'camera_assignment',
  {
    cameraId: uuid('camera_id')
      .primaryKey()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    acquiredAt: timestamp('acquired_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('camera_assignment_node_idx').on(t.nodeId), index('camera_assignment_expires_idx').on(t.expiresAt)],
);

export const liveViews = pgTable(
  'live_view',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id').notNull(),
    nodeId: text('node_id').notNull(),
    /** Null for an anonymous viewer of a camera open to the public. */
    userId: uuid('user_id'),
    sessionId: text('session_id'),
    /** Client address as the node saw it. */
    origin: text('origin'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    endReason: text('end_reason'),
    /** Last time the node confirmed the viewer was still connected (bounds the duration after a node crash). */
    seenAt: timestamp('seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Audit progress: 0 nothing recorded, 1 start recorded, 2 start and end recorded. */
    audited: integer('audited').notNull().default(0),
  },
  (t) => [index('live_view_audit_idx').on(t.audited), index('live_view_camera_idx').on(t.cameraId, t.startedAt)],
);
