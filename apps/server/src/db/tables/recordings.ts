import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * Continuous recording (issue 5, docs/recording.md). The media node that holds a camera's lease
 * writes fragmented-MP4 segments under DATA_DIR/recordings/<camera>/<YYYY>/<MM>/<DD>/<HH>/ and one
 * row per segment here. A row is inserted when the segment is opened (`closed_at` null) and
 * completed when it is closed: size, SHA-256 of the file and the per-camera hash chain
 * (`chain_hash` = SHA-256 of the previous chain hash, sequence, times, size and file hash).
 * Retention never deletes rows: it deletes the file and sets `deleted_at`, so the chain still
 * verifies and a segment missing *without* a tombstone is named as removed.
 */
export const recordingSegments = pgTable(
  'recording_segment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id),
    /** 1, 2, 3… per camera, without holes (the chain's order). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    nodeId: text('node_id').notNull(),
    /** Writer identity (fencing, ADR 0013): the node's lease epoch and the camera assignment's generation. */
    nodeEpoch: bigint('node_epoch', { mode: 'number' }),
    assignmentGeneration: bigint('assignment_generation', { mode: 'number' }),
    /** Storage key relative to the recordings root (camera/YYYY/MM/DD/HH/file.mp4). */
    storageKey: text('storage_key').notNull(),
    startAt: timestamp('start_at', { withTimezone: true, precision: 3 }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true, precision: 3 }),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    frames: integer('frames'),
    codec: text('codec'),
    sha256: text('sha256'),
    prevChainHash: text('prev_chain_hash'),
    chainHash: text('chain_hash'),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    /** How the segment ended: rotate, gap, shutdown, recovered (after a crash). */
    closeReason: text('close_reason'),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    /** retention | disk_floor */
    deletedReason: text('deleted_reason'),
    /**
     * RECORDING_STORAGE=s3 (docs/adr/0008-recordings-in-object-storage.md): the segment's object in
     * the recordings bucket (`rec/<region>/<day>/<camera>/<segment id>-<writer>.mp4`), set once the
     * upload of the spool file (`storage_key`) is confirmed with the SHA-256 above. Readers use
     * `coalesce(object_key, storage_key)`.
     */
    objectKey: text('object_key'),
    /** ETag of the object (HeadObject after the multipart upload). */
    objectEtag: text('object_etag'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, precision: 3 }),
    /** The spool file was removed (a grace period after the confirmed upload). */
    spoolRemovedAt: timestamp('spool_removed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('recording_segment_camera_seq_uq').on(t.cameraId, t.seq),
    index('recording_segment_camera_start_idx').on(t.cameraId, t.startAt),
    index('recording_segment_live_start_idx').on(t.startAt),
    uniqueIndex('recording_segment_storage_key_uq').on(t.storageKey),
    uniqueIndex('recording_segment_object_key_uq').on(t.objectKey),
    // The uploader's queue: closed segments not uploaded yet, per node.
    index('recording_segment_upload_idx')
      .on(t.nodeId, t.closedAt)
      .where(sql`object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL`),
  ],
);

/**
 * Copies of locked footage in the evidence bucket (S3 Object Lock, ADR 0008): one row per
 * segment copied, with the retention the bucket enforces. The `evidence-object-lock` sweep
 * copies segments overlapping an active evidence lock and extends `retain_until` while the lock
 * stays active; once the lock is released the copy expires at `retain_until` and nobody —
 * administrators included — can delete it earlier, through the platform or the bucket.
 */
export const evidenceObjects = pgTable(
  'evidence_object',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => recordingSegments.id),
    bucket: text('bucket').notNull(),
    objectKey: text('object_key').notNull(),
    versionId: text('version_id'),
    etag: text('etag'),
    /** COMPLIANCE | GOVERNANCE */
    lockMode: text('lock_mode').notNull(),
    retainUntil: timestamp('retain_until', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evidence_object_segment_uq').on(t.segmentId, t.bucket), index('evidence_object_retain_idx').on(t.retainUntil)],
);

/** Every interruption of a recorded camera, with its cause. `ended_at` null → still interrupted. */
export const recordingGaps = pgTable(
  'recording_gap',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id),
    nodeId: text('node_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    /** camera_unreachable | auth_failed | stream_stalled | disk | restart | lease_lost | stopped */
    cause: text('cause').notNull(),
    detail: text('detail'),
  },
  (t) => [index('recording_gap_camera_idx').on(t.cameraId, t.startedAt)],
);

/**
 * Recording policy: a row for a camera overrides its partner's row, which overrides the default
 * (RECORDING_DEFAULT: on). `retention_days` null = keep (Art. 25).
 */
export const recordingPolicies = pgTable(
  'recording_policy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id').references(() => cameras.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id'),
    enabled: boolean('enabled').notNull().default(true),
    retentionDays: integer('retention_days'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recording_policy_camera_uq').on(t.cameraId), uniqueIndex('recording_policy_partner_uq').on(t.partnerId)],
);

/** Latest health of each camera as seen by its media node (one row per camera, upserted each heartbeat). */
export const cameraHealth = pgTable('camera_health', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  nodeId: text('node_id').notNull(),
  connected: boolean('connected').notNull(),
  receiving: boolean('receiving').notNull(),
  fps: real('fps').notNull().default(0),
  bitrateKbps: real('bitrate_kbps').notNull().default(0),
  rtpLost: bigint('rtp_lost', { mode: 'number' }).notNull().default(0),
  lastFrameAt: timestamp('last_frame_at', { withTimezone: true, precision: 3 }),
  lastKeyframeAt: timestamp('last_keyframe_at', { withTimezone: true, precision: 3 }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
