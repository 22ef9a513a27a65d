import { mediaTables as tables } from '@vigia/contracts/media-tables';
import { streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import type { SqlClient } from '../sql.js';

/** The recorder's SQL (single statements, same on node-postgres and the embedded gateway). */
export interface OpenSegmentRow {
  id: string;
  seq: number;
  storageKey: string;
  startMs: number;
}

export class RecordingStore {
  constructor(
    private readonly sql: SqlClient,
    readonly nodeId: string,
  ) {}

  /** Last sequence number and chain hash of the camera (closed segments). */
  async chainHead(cameraId: string): Promise<{ seq: number; chainHash: string | null; endMs: number | null }> {
    const rows = await this.sql.query<{ seq: string | number; chain_hash: string | null; end_ms: string | number | null }>(
      `SELECT seq, chain_hash, (extract(epoch from end_at) * 1000)::float8 AS end_ms FROM ${tables.recordingSegment}
       WHERE camera_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
      [cameraId],
    );
    const r = rows[0];
    return r
      ? { seq: Number(r.seq), chainHash: r.chain_hash, endMs: r.end_ms === null ? null : Number(r.end_ms) }
      : { seq: 0, chainHash: null, endMs: null };
  }

  async openSegments(cameraId: string): Promise<OpenSegmentRow[]> {
    const rows = await this.sql.query<{ id: string; seq: string | number; storage_key: string; start_ms: string | number }>(
      `SELECT id::text AS id, seq, storage_key, (extract(epoch from start_at) * 1000)::float8 AS start_ms FROM ${tables.recordingSegment}
       WHERE camera_id = $1::uuid AND closed_at IS NULL ORDER BY seq`,
      [cameraId],
    );
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq), storageKey: r.storage_key, startMs: Number(r.start_ms) }));
  }

  async chainHashOf(cameraId: string, seq: number): Promise<string | null> {
    const rows = await this.sql.query<{ chain_hash: string | null }>(
      `SELECT chain_hash FROM ${tables.recordingSegment} WHERE camera_id = $1::uuid AND seq = $2`,
      [cameraId, seq],
    );
    return rows[0]?.chain_hash ?? null;
  }

  async insertSegment(s: { cameraId: string; seq: number; storageKey: string; startMs: number; codec: string }): Promise<string> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO ${tables.recordingSegment} (camera_id, seq, node_id, storage_key, start_at, codec)
       VALUES ($1::uuid, $2, $3, $4, to_timestamp($5::float8 / 1000), $6) RETURNING id::text AS id`,
      [s.cameraId, s.seq, this.nodeId, s.storageKey, String(s.startMs), s.codec],
    );
    return rows[0]!.id;
  }

  async closeSegment(c: {
    id: string;
    endMs: number;
    sizeBytes: number;
    frames: number;
    sha256: string;
    prevChainHash: string;
    chainHash: string;
    reason: string;
  }): Promise<void> {
    await this.sql.query(
      `UPDATE ${tables.recordingSegment} SET end_at = to_timestamp($2::float8 / 1000), size_bytes = $3, frames = $4, sha256 = $5,
         prev_chain_hash = $6, chain_hash = $7, close_reason = $8, closed_at = now()
       WHERE id = $1::uuid AND closed_at IS NULL`,
      [c.id, String(c.endMs), c.sizeBytes, c.frames, c.sha256, c.prevChainHash, c.chainHash, c.reason],
    );
  }

  /** Opens a gap unless one is open already (the first cause is kept; the latest goes to detail). */
  async openGap(cameraId: string, startMs: number, cause: string, detail: string | null): Promise<void> {
    await this.sql.query(
      `WITH upd AS (
         UPDATE ${tables.recordingGap} SET detail = $5 WHERE camera_id = $1::uuid AND ended_at IS NULL RETURNING id
       )
       INSERT INTO ${tables.recordingGap} (camera_id, node_id, started_at, cause, detail)
       SELECT $1::uuid, $2, to_timestamp($3::float8 / 1000), $4, $5 WHERE NOT EXISTS (SELECT 1 FROM upd)`,
      [cameraId, this.nodeId, String(startMs), cause, detail?.slice(0, 500) ?? null],
    );
  }

  async closeGap(cameraId: string, endMs: number): Promise<void> {
    await this.sql.query(
      `UPDATE ${tables.recordingGap} SET ended_at = greatest(started_at, to_timestamp($2::float8 / 1000)) WHERE camera_id = $1::uuid AND ended_at IS NULL`,
      [cameraId, String(endMs)],
    );
  }

  /** Cameras this node should record: policy on, not disabled, eligible to stream, lease free, expired or ours. */
  /**
   * Cameras this node should hold (lease free, expired or ours; active and eligible to stream):
   * with `monitorAll` every one of them (monitored 24/7 whether recorded or not), else only those
   * to record. `record`: the policy (camera row > partner row > `defaultOn`) says record.
   */
  async camerasToClaim(defaultOn: boolean, monitorAll: boolean, limit: number): Promise<Array<{ id: string; record: boolean }>> {
    const rows = await this.sql.query<{ id: string; record: boolean | string }>(
      `SELECT c.id::text AS id, coalesce(pc.enabled, pp.enabled, $1::boolean) AS record FROM ${tables.camera} c
       LEFT JOIN ${tables.recordingPolicy} pc ON pc.camera_id = c.id
       LEFT JOIN ${tables.recordingPolicy} pp ON pp.partner_id = c.partner_id AND pp.camera_id IS NULL
       LEFT JOIN ${tables.cameraAssignment} a ON a.camera_id = c.id
       WHERE ($4::boolean OR coalesce(pc.enabled, pp.enabled, $1::boolean)) AND c.status <> 'disabled' AND ${streamEligibleSql('c')}
         AND (a.camera_id IS NULL OR a.node_id = $2 OR a.expires_at < now())
       ORDER BY c.id LIMIT $3`,
      [defaultOn, this.nodeId, limit, monitorAll],
    );
    return rows.map((r) => ({ id: r.id, record: r.record === true || String(r.record) === 'true' }));
  }
}

export interface PendingUpload {
  id: string;
  cameraId: string;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  startMs: number;
  /** Security region of the camera's municipality (object key prefix); null when unassigned. */
  regionId: string | null;
}

/** The uploader's SQL (RECORDING_STORAGE=s3): this node's closed segments still only in its spool. */
export class UploadStore {
  constructor(
    private readonly sql: SqlClient,
    readonly nodeId: string,
  ) {}

  async pending(limit: number): Promise<PendingUpload[]> {
    const rows = await this.sql.query<{
      id: string;
      camera_id: string;
      storage_key: string;
      sha256: string;
      size_bytes: string | number;
      start_ms: string | number;
      region_id: string | null;
    }>(
      `SELECT s.id::text AS id, s.camera_id::text AS camera_id, s.storage_key, s.sha256, s.size_bytes,
         (extract(epoch from s.start_at) * 1000)::float8 AS start_ms, m.region_id::text AS region_id
       FROM ${tables.recordingSegment} s
       JOIN ${tables.camera} c ON c.id = s.camera_id
       LEFT JOIN ${tables.securityRegionMunicipality} m ON m.municipality_ibge = c.municipality_ibge
       WHERE s.node_id = $1 AND s.object_key IS NULL AND s.closed_at IS NOT NULL AND s.deleted_at IS NULL
       ORDER BY s.closed_at LIMIT $2`,
      [this.nodeId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      cameraId: r.camera_id,
      storageKey: r.storage_key,
      sha256: r.sha256,
      sizeBytes: Number(r.size_bytes),
      startMs: Number(r.start_ms),
      regionId: r.region_id,
    }));
  }

  /** Count of this node's segments waiting for upload (metrics, tests). */
  async backlog(): Promise<number> {
    const rows = await this.sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${tables.recordingSegment}
       WHERE node_id = $1 AND object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL`,
      [this.nodeId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Records a confirmed upload: only when the bytes sent hash to the SHA-256 already in the chain
   * and the row was not tombstoned meanwhile. False → the object must not stay.
   */
  async markUploaded(u: { id: string; objectKey: string; etag: string; sha256: string }): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE ${tables.recordingSegment} SET object_key = $2, object_etag = $3, uploaded_at = now()
       WHERE id = $1::uuid AND object_key IS NULL AND deleted_at IS NULL AND sha256 = $4 RETURNING id::text AS id`,
      [u.id, u.objectKey, u.etag, u.sha256],
    );
    return rows.length > 0;
  }

  /** Spool files whose upload was confirmed more than `graceMs` ago. */
  async spoolToRemove(graceMs: number, limit: number): Promise<{ id: string; storageKey: string }[]> {
    const rows = await this.sql.query<{ id: string; storage_key: string }>(
      `SELECT id::text AS id, storage_key FROM ${tables.recordingSegment}
       WHERE node_id = $1 AND uploaded_at < now() - $2::float8 * interval '1 millisecond' AND spool_removed_at IS NULL
       ORDER BY uploaded_at LIMIT $3`,
      [this.nodeId, String(graceMs), limit],
    );
    return rows.map((r) => ({ id: r.id, storageKey: r.storage_key }));
  }

  async markSpoolRemoved(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.sql.query(
      `UPDATE ${tables.recordingSegment} SET spool_removed_at = now() WHERE id = ANY(string_to_array($1, ',')::uuid[])`,
      [ids.join(',')],
    );
  }
}
