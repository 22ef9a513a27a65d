import { mediaTables as tables } from '@vigia/contracts/media-tables';
import { publicApprovedSql, streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import type { SqlClient } from './sql.js';

/**
 * Every SQL statement the media node runs. Each is a single statement, atomic by itself, so it
 * behaves the same over node-postgres and over the embedded gateway. The node reads only what it
 * needs from domain tables (camera, user_session, app_user) and writes only media tables.
 */
export interface CameraForIngest {
  id: string;
  host: string;
  rtspPort: number;
  rtspPath: string;
  credentials: { v: 1; kid: string; wrappedKey: string; secret: string } | null;
  status: string;
  /** Open to the public: requested by the partner, approved by the committee, eligible. */
  openToPublic: boolean;
  /**
   * Active cooperation term and tied to an authorised camera point (`@vigia/contracts/stream-eligibility`):
   * false → the node neither records it, nor takes its lease, nor accepts its publisher, nor serves a viewer.
   */
  streamEligible: boolean;
  /** Sealed RTSP push credentials (AAD "<id>:push"); set → the camera publishes to us (push mode). */
  pushCredentials: { v: 1; kid: string; wrappedKey: string; secret: string } | null;
  /** 'ffmpeg': ffmpeg copies the camera's video into the node (compatibility, ffmpeg-source.ts). */
  ingestMode: 'native' | 'ffmpeg';
  /** 'onvif': the RTSP path is the one the camera reports over ONVIF on `httpPort` (onvif-paths.ts). */
  streamSource: 'path' | 'onvif';
  httpPort: number;
  /** RTP transport for this camera; null = the node's MEDIA_RTSP_TRANSPORT (native client only). */
  rtspTransport: 'tcp' | 'udp' | 'auto' | null;
}

const TRANSPORTS = new Set(['tcp', 'udp', 'auto']);

const secs = (n: number) => String(n);

export class NodeStore {
  constructor(
    private readonly sql: SqlClient,
    readonly nodeId: string,
    private readonly leaseSeconds: number,
  ) {}

  async heartbeat(publicUrl: string, upstreams: number, viewers: number, starting = false): Promise<void> {
    await this.sql.query(
      `INSERT INTO ${tables.mediaNode} (id, public_url, upstreams, viewers) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET public_url = excluded.public_url, heartbeat_at = now(),
         upstreams = excluded.upstreams, viewers = excluded.viewers
         ${starting ? ', started_at = now()' : ''}`,
      [this.nodeId, publicUrl, upstreams, viewers],
    );
  }

  /** Marks the node gone (clean shutdown): its heartbeat is stale at once and its leases freed. */
  async leave(): Promise<void> {
    await this.sql.query(`DELETE FROM ${tables.cameraAssignment} WHERE node_id = $1`, [this.nodeId]);
    await this.sql.query(`UPDATE ${tables.mediaNode} SET heartbeat_at = to_timestamp(0), upstreams = 0, viewers = 0 WHERE id = $1`, [
      this.nodeId,
    ]);
  }

  /**
   * Takes or renews the lease of one camera. Returns null when another node holds a live lease.
   * The existing row is locked with FOR UPDATE SKIP LOCKED: when two nodes race for an expired
   * lease, one wins and the other sees nothing to take (and refuses the viewer, who asks again).
   */
  async acquireLease(cameraId: string): Promise<{ nodeId: string } | null> {
    const rows = await this.sql.query<{ node_id: string }>(
      `WITH ins AS (
         INSERT INTO ${tables.cameraAssignment} (camera_id, node_id, expires_at)
         VALUES ($1::uuid, $2, now() + $3::float8 * interval '1 second')
         ON CONFLICT (camera_id) DO NOTHING
         RETURNING node_id
       ), cur AS (
         SELECT camera_id FROM ${tables.cameraAssignment}
         WHERE camera_id = $1::uuid AND (node_id = $2 OR expires_at < now())
         FOR UPDATE SKIP LOCKED
       ), upd AS (
         UPDATE ${tables.cameraAssignment} a
         SET acquired_at = CASE WHEN a.node_id = $2 THEN a.acquired_at ELSE now() END,
             node_id = $2, expires_at = now() + $3::float8 * interval '1 second'
         FROM cur WHERE a.camera_id = cur.camera_id
         RETURNING a.node_id
       )
       SELECT node_id FROM ins UNION ALL SELECT node_id FROM upd`,
      [cameraId, this.nodeId, secs(this.leaseSeconds)],
    );
    return rows[0] ? { nodeId: rows[0].node_id } : null;
  }

  /**
   * Renews the leases of the cameras served; returns those still ours **and still eligible to
   * stream**: a camera that lost eligibility (term ended, client consent revoked — issue 18) is not
   * renewed, so the heartbeat stops it (live, recording, health) like a lost lease.
   */
  async renewLeases(cameraIds: string[]): Promise<string[]> {
    if (!cameraIds.length) return [];
    const rows = await this.sql.query<{ camera_id: string }>(
      `UPDATE ${tables.cameraAssignment} a SET expires_at = now() + $3::float8 * interval '1 second'
       FROM ${tables.camera} camera
       WHERE camera.id = a.camera_id AND a.node_id = $1 AND a.camera_id = ANY(string_to_array($2, ',')::uuid[])
         AND ${streamEligibleSql('camera')}
       RETURNING a.camera_id::text AS camera_id`,
      [this.nodeId, cameraIds.join(','), secs(this.leaseSeconds)],
    );
    return rows.map((r) => r.camera_id);
  }

  async releaseLease(cameraId: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${tables.cameraAssignment} WHERE camera_id = $1::uuid AND node_id = $2`, [cameraId, this.nodeId]);
  }

  /**
   * Clears leases left behind by dead nodes (expired for more than a lease period), skipping rows
   * another node is taking right now. Returns how many were cleared.
   */
  async clearOrphanedLeases(limit = 100): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM ${tables.cameraAssignment} WHERE camera_id IN (
         SELECT camera_id FROM ${tables.cameraAssignment}
         WHERE expires_at < now() - $1::float8 * interval '1 second'
         ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING camera_id`,
      [secs(this.leaseSeconds), limit],
    );
    return rows.length;
  }

  async camera(id: string): Promise<CameraForIngest | undefined> {
    const rows = await this.sql.query<{
      id: string;
      host: string;
      rtsp_port: number;
      rtsp_path: string;
      credentials: CameraForIngest['credentials'] | string | null;
      status: string;
      open_to_public: boolean;
      stream_eligible: boolean;
      push_credentials: CameraForIngest['pushCredentials'] | string | null;
      ingest_mode: string | null;
      stream_source: string | null;
      http_port: number;
      rtsp_transport: string | null;
    }>(
      `SELECT id::text AS id, host, rtsp_port, rtsp_path, credentials, status, ${publicApprovedSql('camera')} AS open_to_public,
         ${streamEligibleSql('camera')} AS stream_eligible, push_credentials, ingest_mode, stream_source, http_port, rtsp_transport
       FROM ${tables.camera} WHERE id = $1::uuid`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      host: r.host,
      rtspPort: Number(r.rtsp_port),
      rtspPath: r.rtsp_path,
      credentials: typeof r.credentials === 'string' ? JSON.parse(r.credentials) : r.credentials,
      status: r.status,
      openToPublic: r.open_to_public === true || String(r.open_to_public) === 'true',
      streamEligible: r.stream_eligible === true || String(r.stream_eligible) === 'true',
      pushCredentials: typeof r.push_credentials === 'string' ? JSON.parse(r.push_credentials) : (r.push_credentials ?? null),
      ingestMode: r.ingest_mode === 'ffmpeg' ? 'ffmpeg' : 'native',
      streamSource: r.stream_source === 'onvif' ? 'onvif' : 'path',
      httpPort: Number(r.http_port),
      rtspTransport: r.rtsp_transport && TRANSPORTS.has(r.rtsp_transport) ? (r.rtsp_transport as CameraForIngest['rtspTransport']) : null,
    };
  }

  /** Of the given session ids, those still valid (not revoked, not expired, user active, MFA done). */
  async liveSessions(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.sql.query<{ id: string }>(
      `SELECT s.id FROM ${tables.userSession} s JOIN ${tables.appUser} u ON u.id = s.user_id
       WHERE s.id = ANY(string_to_array($1, ',')) AND s.revoked_at IS NULL AND s.expires_at > now()
         AND s.stage = 'active' AND u.status = 'active'`,
      [ids.join(',')],
    );
    return new Set(rows.map((r) => r.id));
  }

  async startView(v: { cameraId: string; userId: string | null; sessionId: string | null; origin: string }): Promise<string> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO ${tables.liveView} (camera_id, node_id, user_id, session_id, origin) VALUES ($1::uuid, $2, $3::uuid, $4, $5) RETURNING id::text AS id`,
      [v.cameraId, this.nodeId, v.userId, v.sessionId, v.origin.slice(0, 200)],
    );
    return rows[0]!.id;
  }

  async endView(id: string, reason: string): Promise<void> {
    await this.sql.query(
      `UPDATE ${tables.liveView} SET ended_at = now(), seen_at = now(), end_reason = $2 WHERE id = $1::uuid AND ended_at IS NULL`,
      [id, reason],
    );
  }

  async touchViews(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.sql.query(
      `UPDATE ${tables.liveView} SET seen_at = now() WHERE id = ANY(string_to_array($1, ',')::uuid[]) AND ended_at IS NULL`,
      [ids.join(',')],
    );
  }

  /** After a restart: views this node left open end when they were last seen. */
  async closeStaleViews(): Promise<void> {
    await this.sql.query(
      `UPDATE ${tables.liveView} SET ended_at = seen_at, end_reason = 'node_restart' WHERE node_id = $1 AND ended_at IS NULL`,
      [this.nodeId],
    );
  }
}
