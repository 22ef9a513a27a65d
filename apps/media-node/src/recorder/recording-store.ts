import { mediaTables as tables } from '@vigia/contracts/media-tables';
import type { SqlClient } from '../sql.js';

/** The recorder's SQL (single statements, same on node-postgres and the embedded gateway). */
export interface OpenSegmentRow {
  id: string;
  seq: number;
  storageKey: string;
  startMs: number;
}

/**
 * A recording write refused by the database: the camera's assignment no longer names this writer
 * `(node, epoch, generation)` — another node took the camera while we were cut off or paused.
 */
export class FencedOut extends Error {
  constructor(readonly cameraId: string) {
    super('recording write refused: this node no longer owns the camera (stale epoch or generation)');
  }
}

/** Writer identity of a recorder (ADR 0013): every segment insert and close carries it. */
export interface Writer {
  epoch: number;
  generation: number;
}

/** An error that means "the database could not be reached", not "the statement was refused". */
export function unreachable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || code.startsWith('57P');
  return true;
}

export class RecordingStore {
  constructor(
    private readonly sql: SqlClient,
    readonly nodeId: string,
    /** Set: writes are fenced on the camera's assignment; unset (tools): unfenced. */
    readonly writer?: Writer,
    /** How long a write waits for an unreachable database before failing (recording goes on meanwhile). */
    private readonly outageMs = 10 * 60_000,
  ) {}

  /** The same store, writing as `writer` (one per recorder: a new owner gets a new recorder). */
  as(writer: Writer): RecordingStore {
    return new RecordingStore(this.sql, this.nodeId, writer, this.outageMs);
  }

  /**
   * SQL condition (placeholders `$n`, `$n+1`, `$n+2` = node, epoch, generation, see fenceArgs) that
   * the camera `cam` is still ours — or, for closes during a make-before-break hand-over, that we
   * are its previous owner within the hand-over window.
   */
  private fence(cam: string, n: number, closing: boolean): string {
    const current = `(a.node_id = $${n} AND a.epoch = $${n + 1}::bigint AND a.generation = $${n + 2}::bigint)`;
    const previous = `(a.previous_node_id = $${n} AND a.previous_epoch = $${n + 1}::bigint AND a.previous_until > now())`;
    return `EXISTS (SELECT 1 FROM ${tables.cameraAssignment} a WHERE a.camera_id = ${cam} AND (${current}${closing ? ` OR ${previous}` : ''}))`;
  }

  private fenceArgs(): unknown[] {
    return [this.nodeId, this.writer?.epoch ?? 0, this.writer?.generation ?? 0];
  }

  /**
   * Runs a statement, waiting out a database outage (capped backoff): the recorder's queue holds
   * the following writes meanwhile and cameras keep being received. A refusal is not retried.
   */
  private async run<T>(text: string, values: unknown[]): Promise<T[]> {
    const until = Date.now() + this.outageMs;
    for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        return await this.sql.query<T>(text, values);
      } catch (err) {
        if (!unreachable(err) || Date.now() + delay > until) throw err;
        await new Promise((r) => setTimeout(r, delay * (0.8 + Math.random() * 0.4)));
      }
    }
  }

  /** Last sequence number and chain hash of the camera; `open`: the last segment is still being written (hand-over). */
  async chainHead(cameraId: string): Promise<{ seq: number; chainHash: string | null; endMs: number | null; open: boolean }> {
    const rows = await this.run<{ seq: string | number; chain_hash: string | null; end_ms: string | number | null; open: boolean }>(
      `SELECT seq, chain_hash, (extract(epoch from end_at) * 1000)::float8 AS end_ms, closed_at IS NULL AS open FROM ${tables.recordingSegment}
       WHERE camera_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
      [cameraId],
    );
    const r = rows[0];
    return r
      ? { seq: Number(r.seq), chainHash: r.chain_hash, endMs: r.end_ms === null ? null : Number(r.end_ms), open: String(r.open) === 'true' }
      : { seq: 0, chainHash: null, endMs: null, open: false };
  }

  async openSegments(cameraId: string): Promise<OpenSegmentRow[]> {
    const rows = await this.run<{ id: string; seq: string | number; storage_key: string; start_ms: string | number }>(
      `SELECT id::text AS id, seq, storage_key, (extract(epoch from start_at) * 1000)::float8 AS start_ms FROM ${tables.recordingSegment} s
       WHERE camera_id = $1::uuid AND closed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ${tables.cameraAssignment} a WHERE a.camera_id = s.camera_id AND a.previous_node_id = s.node_id
           AND a.previous_epoch = s.node_epoch AND a.previous_until > now())
       ORDER BY seq`,
      [cameraId],
    );
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq), storageKey: r.storage_key, startMs: Number(r.start_ms) }));
  }

  async chainHashOf(cameraId: string, seq: number): Promise<string | null> {
    const rows = await this.run<{ chain_hash: string | null }>(
      `SELECT chain_hash FROM ${tables.recordingSegment} WHERE camera_id = $1::uuid AND seq = $2`,
      [cameraId, seq],
    );
    return rows[0]?.chain_hash ?? null;
  }

  /**
   * Inserts the row of a segment being opened; throws FencedOut when the camera is no longer ours.
   * Idempotent: a retry after a lost answer (connection cut after the commit) finds its own row.
   */
  async insertSegment(s: { cameraId: string; seq: number; storageKey: string; startMs: number; codec: string }): Promise<string> {
    const rows = await this.run<{ id: string }>(
      `INSERT INTO ${tables.recordingSegment} (camera_id, seq, node_id, node_epoch, assignment_generation, storage_key, start_at, codec)
       SELECT $1::uuid, $2, $7, $8::bigint, $9::bigint, $3, to_timestamp($4::float8 / 1000), $5
       WHERE $6::boolean OR ${this.fence('$1::uuid', 7, false)}
       ON CONFLICT (camera_id, seq) DO UPDATE SET seq = excluded.seq WHERE ${tables.recordingSegment}.storage_key = excluded.storage_key
       RETURNING id::text AS id`,
      [s.cameraId, s.seq, s.storageKey, String(s.startMs), s.codec, !this.writer, ...this.fenceArgs()],
    );
    if (!rows[0]) throw new FencedOut(s.cameraId);
    return rows[0].id;
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
    const rows = await this.run(
      `UPDATE ${tables.recordingSegment} s SET end_at = to_timestamp($2::float8 / 1000), size_bytes = $3, frames = $4, sha256 = $5,
         prev_chain_hash = $6, chain_hash = $7, close_reason = $8, closed_at = coalesce(s.closed_at, now())
       WHERE s.id = $1::uuid AND (s.closed_at IS NULL OR s.chain_hash = $7) AND ($12::boolean OR ${this.fence('s.camera_id', 9, true)})
       RETURNING s.id`,
      [c.id, String(c.endMs), c.sizeBytes, c.frames, c.sha256, c.prevChainHash, c.chainHash, c.reason, ...this.fenceArgs(), !this.writer],
    );
    // Closed by the new owner's recovery, or the camera is not ours any more: refused. (Our own
    // close retried after a lost answer matches its chain hash and passes.)
    if (this.writer && !rows[0]) throw new FencedOut(c.id);
  }

  /**
   * Opens a gap unless one is open already (the first cause is kept; the latest goes to detail).
   * Gap rows are written by the camera's owner only (a stale node's are silently dropped).
   */
  async openGap(cameraId: string, startMs: number, cause: string, detail: string | null): Promise<void> {
    await this.run(
      `WITH ok AS (SELECT 1 WHERE $8::boolean OR ${this.fence('$1::uuid', 5, true)}), upd AS (
         UPDATE ${tables.recordingGap} SET detail = $4 WHERE camera_id = $1::uuid AND ended_at IS NULL AND EXISTS (SELECT 1 FROM ok) RETURNING id
       )
       INSERT INTO ${tables.recordingGap} (camera_id, node_id, started_at, cause, detail)
       SELECT $1::uuid, $5, to_timestamp($2::float8 / 1000), $3, $4 FROM ok WHERE NOT EXISTS (SELECT 1 FROM upd)`,
      [cameraId, String(startMs), cause, detail?.slice(0, 500) ?? null, ...this.fenceArgs(), !this.writer],
    );
  }

  async closeGap(cameraId: string, endMs: number): Promise<void> {
    await this.run(
      `UPDATE ${tables.recordingGap} SET ended_at = greatest(started_at, to_timestamp($2::float8 / 1000))
       WHERE camera_id = $1::uuid AND ended_at IS NULL AND ($6::boolean OR ${this.fence('$1::uuid', 3, false)})`,
      [cameraId, String(endMs), ...this.fenceArgs(), !this.writer],
    );
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
  /** The writer's lease epoch and assignment generation (ADR 0013), carried into the object key; unset for unfenced rows. */
  epoch: number | undefined;
  generation: number | undefined;
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
      node_epoch: string | number | null;
      assignment_generation: string | number | null;
    }>(
      `SELECT s.id::text AS id, s.camera_id::text AS camera_id, s.storage_key, s.sha256, s.size_bytes,
         (extract(epoch from s.start_at) * 1000)::float8 AS start_ms, m.region_id::text AS region_id, s.node_epoch, s.assignment_generation
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
      epoch: r.node_epoch === null ? undefined : Number(r.node_epoch),
      generation: r.assignment_generation === null ? undefined : Number(r.assignment_generation),
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
