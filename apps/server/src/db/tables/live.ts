import { bigint, boolean, index, integer, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';
import { securityRegions } from './regions.js';

/**
 * Media coordination (issue 4, ADR 0004; per-node leases ADR 0013). The API and the media nodes
 * meet here: each node renews ONE lease — its `media_node` row (`epoch`, `lease_expires_at`) —
 * every heartbeat; `camera_assignment` rows name the owner `(node, epoch)` and change only when
 * ownership changes. A camera is free when its owner's `(node, epoch)` lease has expired. `live_view` records who watched what and for
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
  /** Security region the node serves first (null = no preference). */
  regionId: uuid('region_id').references(() => securityRegions.id, { onDelete: 'set null' }),
  /** Most recorded cameras the node takes (its weight in the fair share). */
  capacity: integer('capacity').notNull().default(500),
  /** From `media_node_epoch_seq` at every (re)start: assignments of an older epoch are free. */
  epoch: bigint('epoch', { mode: 'number' }).notNull().default(0),
  /** The node's lease: renewed every heartbeat; past it, its cameras may be claimed by others. */
  leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true, precision: 3 }),
  /** Graceful drain (SIGTERM or admin): others take its cameras make-before-break. */
  draining: boolean('draining').notNull().default(false),
});

/** Epoch of a media node's lease, taken at every start (fencing token). */
export const mediaNodeEpochSeq = pgSequence('media_node_epoch_seq', { startWith: 1 });

/** Generation of a camera assignment: a new value at every change of owner, increasing across cameras and deletions. */
export const cameraAssignmentGenerationSeq = pgSequence('camera_assignment_generation_seq', { startWith: 1 });

export const cameraAssignments = pgTable(
  'camera_assignment',
  {
    cameraId: uuid('camera_id')
      .primaryKey()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    /** Epoch of the owner's lease when it took the camera. */
    epoch: bigint('epoch', { mode: 'number' }).notNull().default(0),
    /** From `camera_assignment_generation_seq` at every change of owner: with (node, epoch) the fencing token of recording writes. */
    generation: bigint('generation', { mode: 'number' }).notNull().default(1),
    acquiredAt: timestamp('acquired_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Make-before-break hand-over: the previous owner may still close its open segment until then. */
    previousNodeId: text('previous_node_id'),
    previousEpoch: bigint('previous_epoch', { mode: 'number' }),
    previousUntil: timestamp('previous_until', { withTimezone: true, precision: 3 }),
    /** Set by an owner over its fair share (a node joined): another node takes it make-before-break. */
    offeredAt: timestamp('offered_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('camera_assignment_node_idx').on(t.nodeId, t.epoch)],
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
