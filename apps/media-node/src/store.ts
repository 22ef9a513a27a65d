import { randomUUID } from 'node:crypto';
import { mediaTables as tables } from '@vigia/contracts/media-tables';
import { publicApprovedSql, streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import { Batcher } from './batcher.js';
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

/** Valid sessions (not revoked, not expired, MFA done, user active); callers add `AND s.id …`. */
const LIVE_SESSION_SQL = `SELECT s.id FROM ${tables.userSession} s JOIN ${tables.appUser} u ON u.id = s.user_id
  WHERE s.revoked_at IS NULL AND s.expires_at > now() AND s.stage = 'active' AND u.status = 'active'`;

interface CameraRow {
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
}
const CAMERA_COLUMNS = `${tables.camera}.id::text AS id, host, rtsp_port, rtsp_path, credentials, status,
  ${publicApprovedSql('camera')} AS open_to_public, ${streamEligibleSql('camera')} AS stream_eligible, push_credentials,
  ingest_mode, stream_source, http_port, rtsp_transport`;

function toCamera(r: CameraRow): CameraForIngest {
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

const secs = (n: number) => String(n);

/** Recording policy of camera `c` (camera row > partner row > RECORDING_DEFAULT). */
export const recordedJoins = `LEFT JOIN ${tables.recordingPolicy} pc ON pc.camera_id = c.id
  LEFT JOIN ${tables.recordingPolicy} pp ON pp.partner_id = c.partner_id AND pp.camera_id IS NULL`;
/** SQL (with `recordedJoins`): the policy of camera `c` says record. */
export const recordedSql = (defaultOn: string) => `coalesce(pc.enabled, pp.enabled, ${defaultOn}::boolean)`;
/**
 * SQL (with `recordedJoins`): camera `c` is held by a node without a viewer — active and eligible
 * to stream; with `monitorAll` (MEDIA_MONITOR=all) every such camera, watched 24/7 whether
 * recorded or not (Art. 25 §3), else only those recorded.
 */
export const claimableWhere = (defaultOn: string, monitorAll: string) =>
  `(${monitorAll}::boolean OR ${recordedSql(defaultOn)}) AND c.status <> 'disabled' AND ${streamEligibleSql('c')}`;

/** Which cameras the nodes hold without a viewer (RECORDING_DEFAULT, MEDIA_MONITOR). */
export interface ClaimPolicy {
  defaultOn: boolean;
  monitorAll: boolean;
}

/** SQL: the owner `(node, epoch)` of assignment `a` holds a live lease. */
const ownerLive = (a: string) =>
  `EXISTS (SELECT 1 FROM ${tables.mediaNode} o WHERE o.id = ${a}.node_id AND o.epoch = ${a}.epoch AND o.lease_expires_at > now())`;

/** SQL: the live owner of assignment `a` gives it away (draining, or offered over its fair share): make-before-break. */
const ownerHandsOver = (a: string) =>
  `EXISTS (SELECT 1 FROM ${tables.mediaNode} o WHERE o.id = ${a}.node_id AND o.epoch = ${a}.epoch AND o.lease_expires_at > now()
     AND (o.draining OR ${a}.offered_at IS NOT NULL))`;

/** One camera this node owns: the generation is the fencing token of its recording writes. */
export interface Owned {
  cameraId: string;
  generation: number;
  /** The recording policy says record (else the camera is only monitored). */
  record: boolean;
}

export class NodeStore {
  /** This process's lease epoch (from `media_node_epoch_seq` at start; 0 before `join`). */
  epoch = 0;

  constructor(
    private readonly sql: SqlClient,
    readonly nodeId: string,
    private readonly leaseSeconds: number,
  ) {}

  /**
   * Registers the node and takes a fresh epoch: every assignment of an older epoch of this node id
   * is free at once (a restarted node does not inherit its cameras; it claims them again with a
   * new generation, those of its own older epoch without waiting: `claimCameras`).
   */
  async join(p: { publicUrl: string; region: string | undefined; capacity: number }): Promise<number> {
    const rows = await this.sql.query<{ epoch: string | number }>(
      `INSERT INTO ${tables.mediaNode} (id, public_url, region_id, capacity, epoch, lease_expires_at, draining)
       VALUES ($1, $2, (SELECT id FROM ${tables.securityRegion} WHERE id::text = $3 OR name = $3 LIMIT 1), $4,
         nextval('media_node_epoch_seq'), now() + $5::float8 * interval '1 second', false)
       ON CONFLICT (id) DO UPDATE SET public_url = excluded.public_url, region_id = excluded.region_id, capacity = excluded.capacity,
         epoch = excluded.epoch, lease_expires_at = excluded.lease_expires_at, draining = false, started_at = now(), heartbeat_at = now(),
         upstreams = 0, viewers = 0
       RETURNING epoch`,
      [this.nodeId, p.publicUrl, p.region ?? null, p.capacity, secs(this.leaseSeconds)],
    );
    this.epoch = Number(rows[0]!.epoch);
    return this.epoch;
  }

  /**
   * The node's only steady-state write (ADR 0013): renews its lease and reports its load. False
   * when the row no longer carries our epoch (the same node id was started elsewhere).
   */
  async heartbeat(upstreams: number, viewers: number): Promise<'ok' | 'draining' | 'replaced'> {
    const rows = await this.sql.query<{ draining: boolean }>(
      `UPDATE ${tables.mediaNode} SET heartbeat_at = now(), lease_expires_at = now() + $3::float8 * interval '1 second',
         upstreams = $4, viewers = $5
       WHERE id = $1 AND epoch = $2 RETURNING draining`,
      [this.nodeId, this.epoch, secs(this.leaseSeconds), upstreams, viewers],
    );
    if (!rows[0]) return 'replaced';
    // An admin may set `draining` on the row (fleet view): the node then drains like on SIGTERM.
    return String(rows[0].draining) === 'true' ? 'draining' : 'ok';
  }

  /** Graceful drain (SIGTERM or admin): others take our cameras while we keep recording. */
  async setDraining(): Promise<void> {
    await this.sql.query(`UPDATE ${tables.mediaNode} SET draining = true WHERE id = $1 AND epoch = $2`, [this.nodeId, this.epoch]);
  }

  /** Whether another node holds a live lease and is not draining (someone can take our cameras). */
  async othersLive(): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM ${tables.mediaNode} WHERE id <> $1 AND lease_expires_at > now() AND NOT draining LIMIT 1`,
      [this.nodeId],
    );
    return rows.length > 0;
  }

  /** Marks the node gone (clean shutdown): its lease ends at once and its assignments are freed. */
  async leave(): Promise<void> {
    await this.sql.query(`DELETE FROM ${tables.cameraAssignment} WHERE node_id = $1 AND epoch = $2`, [this.nodeId, this.epoch]);
    await this.sql.query(
      `UPDATE ${tables.mediaNode} SET heartbeat_at = to_timestamp(0), lease_expires_at = to_timestamp(0), upstreams = 0, viewers = 0
       WHERE id = $1 AND epoch = $2`,
      [this.nodeId, this.epoch],
    );
  }

  /**
   * Takes one camera for a viewer (or a publisher): returns its generation, or null when another
   * node's live lease owns it. Ours already → unchanged. Free (no row, or its owner's `(node,
   * epoch)` lease expired) → ours with a new generation. Two nodes racing: ON CONFLICT locks the row
   * and the second re-checks the condition against the winner's row, so only one gets it.
   */
  async acquireLease(cameraId: string): Promise<{ nodeId: string; generation: number } | null> {
    const rows = await this.sql.query<{ generation: string | number }>(
      `WITH me AS (
         SELECT 1 FROM ${tables.mediaNode} WHERE id = $2 AND epoch = $3 AND lease_expires_at > now()
       ), mine AS (
         SELECT generation FROM ${tables.cameraAssignment} WHERE camera_id = $1::uuid AND node_id = $2 AND epoch = $3
       ), took AS (
         INSERT INTO ${tables.cameraAssignment} (camera_id, node_id, epoch, generation)
         SELECT $1::uuid, $2, $3, nextval('camera_assignment_generation_seq') FROM me WHERE NOT EXISTS (SELECT 1 FROM mine)
         ON CONFLICT (camera_id) DO UPDATE SET node_id = excluded.node_id, epoch = excluded.epoch,
           generation = excluded.generation, acquired_at = now(),
           previous_node_id = NULL, previous_epoch = NULL, previous_until = NULL, offered_at = NULL
         WHERE NOT ${ownerLive(tables.cameraAssignment)}
         RETURNING generation
       )
       SELECT generation FROM mine UNION ALL SELECT generation FROM took`,
      [cameraId, this.nodeId, this.epoch],
    );
    return rows[0] ? { nodeId: this.nodeId, generation: Number(rows[0].generation) } : null;
  }

  /**
   * Cameras this node owns now (read, not written, every heartbeat: the lease itself is the node
   * row), and those it is handing over (a new owner took them make-before-break; we may still
   * close our open segment until `previous_until`). `wanted`: the owned cameras the node holds
   * without a viewer (active, eligible; every one with `monitorAll`, else those recorded) → whether
   * the recording policy says record. A camera that is **no longer eligible to stream** (term ended,
   * client consent revoked — issue 18) is not owned any more: its assignment is released in the
   * same statement, so the heartbeat stops it (live, recording, health) like a lost lease.
   */
  async ownership(p: ClaimPolicy): Promise<{
    owned: Map<string, number>;
    wanted: Map<string, boolean>;
    handingOver: Set<string>;
  }> {
    const rows = await this.sql.query<{
      camera_id: string;
      generation: string | number;
      mine: boolean | string;
      held: boolean | string;
      record: boolean | string;
    }>(
      `WITH released AS (
         DELETE FROM ${tables.cameraAssignment} a USING ${tables.camera} c
         WHERE c.id = a.camera_id AND a.node_id = $1 AND a.epoch = $2 AND NOT (${streamEligibleSql('c')})
         RETURNING a.camera_id
       )
       SELECT a.camera_id::text AS camera_id, a.generation, (a.node_id = $1 AND a.epoch = $2) AS mine,
         (c.status <> 'disabled' AND ($4::boolean OR ${recordedSql('$3')})) AS held, ${recordedSql('$3')} AS record
       FROM ${tables.cameraAssignment} a JOIN ${tables.camera} c ON c.id = a.camera_id ${recordedJoins}
       WHERE ((a.node_id = $1 AND a.epoch = $2) OR (a.previous_node_id = $1 AND a.previous_epoch = $2 AND a.previous_until > now()))
         AND ${streamEligibleSql('c')} AND NOT EXISTS (SELECT 1 FROM released r WHERE r.camera_id = a.camera_id)`,
      [this.nodeId, this.epoch, p.defaultOn, p.monitorAll],
    );
    const owned = new Map<string, number>();
    const wanted = new Map<string, boolean>();
    const handingOver = new Set<string>();
    const yes = (v: boolean | string) => v === true || String(v) === 'true';
    for (const r of rows) {
      if (!yes(r.mine)) {
        handingOver.add(r.camera_id);
        continue;
      }
      owned.set(r.camera_id, Number(r.generation));
      if (yes(r.held)) wanted.set(r.camera_id, yes(r.record));
    }
    return { owned, wanted, handingOver };
  }

  async releaseLease(cameraId: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${tables.cameraAssignment} WHERE camera_id = $1::uuid AND node_id = $2 AND epoch = $3`, [
      cameraId,
      this.nodeId,
      this.epoch,
    ]);
  }

  /**
   * Clears assignments whose owner's lease expired more than a lease period ago (live view only:
   * held cameras are claimed by `claimCameras`), skipping rows being taken right now. Only
   * called once this node has had its own lease renewed for a full lease period (after a database
   * outage every lease looks expired until its node renews it).
   */
  async clearOrphanedLeases(limit = 100): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM ${tables.cameraAssignment} WHERE camera_id IN (
         SELECT a.camera_id FROM ${tables.cameraAssignment} a
         WHERE NOT EXISTS (SELECT 1 FROM ${tables.mediaNode} o WHERE o.id = a.node_id AND o.epoch = a.epoch
           AND o.lease_expires_at > now() - $1::float8 * interval '1 second')
         LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING camera_id`,
      [secs(this.leaseSeconds), limit],
    );
    return rows.length;
  }

  /** The fair share: claimable cameras × our capacity ÷ capacity of live, non-draining nodes; how many we own. */
  async fairShare(p: ClaimPolicy): Promise<{ share: number; owned: number; liveNodes: number }> {
    // Counting the claimable cameras costs a scan: at scale (≥ 1,000, where a count a few seconds old
    // changes nothing) it is counted at most every 30 s; small fleets count every heartbeat.
    const now = Date.now();
    const cached = this.claimableCount && now - this.claimableCount.at < 30_000 ? this.claimableCount.n : undefined;
    const rows = await this.sql.query<{
      total: string | number | null;
      cap: string | number | null;
      mine: string | number;
      nodes: string | number;
    }>(
      `SELECT CASE WHEN $4::boolean THEN NULL ELSE (SELECT count(*) FROM ${tables.camera} c ${recordedJoins} WHERE ${claimableWhere('$1', '$5')}) END AS total,
         (SELECT sum(capacity) FROM ${tables.mediaNode} WHERE lease_expires_at > now() AND NOT draining) AS cap,
         (SELECT count(*) FROM ${tables.mediaNode} WHERE lease_expires_at > now() AND NOT draining) AS nodes,
         (SELECT count(*) FROM ${tables.cameraAssignment} WHERE node_id = $2 AND epoch = $3) AS mine`,
      [p.defaultOn, this.nodeId, this.epoch, cached !== undefined, p.monitorAll],
    );
    const r = rows[0]!;
    const total = cached ?? Number(r.total);
    if (cached === undefined && total >= 1000) this.claimableCount = { n: total, at: now };
    const cap = Number(r.cap ?? 0);
    const mineCap = await this.capacity();
    return {
      share: cap > 0 ? Math.ceil((total * mineCap) / cap) : 0,
      owned: Number(r.mine),
      liveNodes: Number(r.nodes),
    };
  }

  private claimableCount: { n: number; at: number } | undefined;
  private capacityCache: number | undefined;
  private async capacity(): Promise<number> {
    if (this.capacityCache === undefined) {
      const rows = await this.sql.query<{ capacity: number }>(`SELECT capacity FROM ${tables.mediaNode} WHERE id = $1`, [this.nodeId]);
      this.capacityCache = Number(rows[0]?.capacity ?? 0);
    }
    return this.capacityCache;
  }

  /**
   * Claims up to `limit` claimable cameras (`claimableWhere`: with MEDIA_MONITOR=all every active
   * eligible camera, recorded or not) that are free — never assigned, owner's `(node, epoch)`
   * lease expired, or owner draining (make-before-break: the old owner becomes `previous_*` until
   * `previous_until` and may still close its open segment). Cameras of our own region first
   * (camera region = region of its municipality), then the others. Rows other nodes are claiming
   * are skipped (`FOR UPDATE SKIP LOCKED`); the ON CONFLICT condition re-checks against the row as
   * committed. `takeExpired` false (within a lease period of a database outage): only cameras
   * nobody owns are taken — an expired lease then means "its node could not reach the database
   * either", not "its node is dead" — and no hand-over is taken (the fair share is not known yet).
   * Cameras of an older epoch of our own node id are always free to us: that process is gone (our
   * `join` replaced its epoch), so a node restarted after a crash takes its cameras back at once.
   * The previous owner of a hand-over may close its open segment for 4 lease periods (≥ 30 s).
   */
  async claimCameras(p: ClaimPolicy & { limit: number; takeExpired: boolean }): Promise<Owned[]> {
    if (p.limit <= 0) return [];
    const rows = await this.sql.query<{ camera_id: string; generation: string | number; record: boolean | string }>(
      this.claimSql(),
      this.claimArgs(p),
    );
    return rows.map((r) => ({
      cameraId: r.camera_id,
      generation: Number(r.generation),
      record: r.record === true || String(r.record) === 'true',
    }));
  }

  /** The claim statement (also EXPLAINed by bench/bench-coordination.ts). */
  claimSql(): string {
    return `WITH me AS (
         SELECT region_id FROM ${tables.mediaNode} WHERE id = $2 AND epoch = $3 AND lease_expires_at > now() AND NOT draining
       ), cand AS (
         SELECT c.id, ${recordedSql('$1')} AS record FROM ${tables.camera} c ${recordedJoins}
         LEFT JOIN ${tables.securityRegionMunicipality} rm ON rm.municipality_ibge = c.municipality_ibge
         WHERE c.id IN (
             SELECT c0.id FROM ${tables.camera} c0
             WHERE NOT EXISTS (SELECT 1 FROM ${tables.cameraAssignment} a0 WHERE a0.camera_id = c0.id)
             UNION ALL
             SELECT a1.camera_id FROM ${tables.cameraAssignment} a1
             WHERE $5::boolean AND NOT EXISTS (SELECT 1 FROM ${tables.mediaNode} o WHERE o.id = a1.node_id AND o.epoch = a1.epoch
               AND o.lease_expires_at > now() AND NOT o.draining AND a1.offered_at IS NULL)
             UNION ALL
             SELECT a2.camera_id FROM ${tables.cameraAssignment} a2 WHERE a2.node_id = $2 AND a2.epoch <> $3)
           AND ${claimableWhere('$1', '$7')} AND EXISTS (SELECT 1 FROM me)
         ORDER BY (rm.region_id IS NOT DISTINCT FROM (SELECT region_id FROM me)) DESC, c.id
         LIMIT $4
         FOR UPDATE OF c SKIP LOCKED
       ), took AS (
       INSERT INTO ${tables.cameraAssignment} (camera_id, node_id, epoch, generation)
       SELECT id, $2, $3, nextval('camera_assignment_generation_seq') FROM cand
       ON CONFLICT (camera_id) DO UPDATE SET node_id = excluded.node_id, epoch = excluded.epoch,
         generation = excluded.generation, acquired_at = now(),
         previous_node_id = CASE WHEN ${ownerLive(tables.cameraAssignment)} THEN ${tables.cameraAssignment}.node_id END,
         previous_epoch = CASE WHEN ${ownerLive(tables.cameraAssignment)} THEN ${tables.cameraAssignment}.epoch END,
         previous_until = CASE WHEN ${ownerLive(tables.cameraAssignment)} THEN now() + $6::float8 * interval '1 second' END,
         offered_at = NULL
       WHERE ($5::boolean AND (NOT ${ownerLive(tables.cameraAssignment)} OR ${ownerHandsOver(tables.cameraAssignment)}))
         OR (${tables.cameraAssignment}.node_id = $2 AND ${tables.cameraAssignment}.epoch <> $3)
       RETURNING camera_id, generation
       )
       SELECT took.camera_id::text AS camera_id, took.generation, cand.record FROM took JOIN cand ON cand.id = took.camera_id`;
  }

  claimArgs(p: ClaimPolicy & { limit: number; takeExpired: boolean }): unknown[] {
    return [p.defaultOn, this.nodeId, this.epoch, p.limit, p.takeExpired, secs(Math.max(this.leaseSeconds * 4, 30)), p.monitorAll];
  }

  /**
   * Offers `count` of our cameras to other nodes (we hold more than our fair share: a node joined).
   * They stay ours, recorded, until a claimer takes them make-before-break; one write per hand-over.
   */
  async offer(count: number): Promise<string[]> {
    if (count <= 0) return [];
    // `count` is the whole excess: cameras offered already (not taken yet) count towards it.
    const rows = await this.sql.query<{ camera_id: string }>(
      `UPDATE ${tables.cameraAssignment} SET offered_at = now() WHERE camera_id IN (
         SELECT camera_id FROM ${tables.cameraAssignment} WHERE node_id = $1 AND epoch = $2 AND offered_at IS NULL
         ORDER BY camera_id DESC
         LIMIT greatest(0, $3 - (SELECT count(*) FROM ${tables.cameraAssignment} WHERE node_id = $1 AND epoch = $2 AND offered_at IS NOT NULL)))
       RETURNING camera_id::text AS camera_id`,
      [this.nodeId, this.epoch, count],
    );
    return rows.map((r) => r.camera_id);
  }

  /** Of the cameras we hand over, those whose new owner already records (a segment of its generation exists). */
  async successorRecording(cameraIds: string[]): Promise<string[]> {
    if (!cameraIds.length) return [];
    const rows = await this.sql.query<{ camera_id: string }>(
      `SELECT a.camera_id::text AS camera_id FROM ${tables.cameraAssignment} a
       WHERE a.camera_id = ANY(string_to_array($1, ',')::uuid[]) AND EXISTS (SELECT 1 FROM ${tables.recordingSegment} s
         WHERE s.camera_id = a.camera_id AND s.node_id = a.node_id AND s.node_epoch = a.epoch AND s.assignment_generation = a.generation)`,
      [cameraIds.join(',')],
    );
    return rows.map((r) => r.camera_id);
  }

  async camera(id: string): Promise<CameraForIngest | undefined> {
    const rows = await this.sql.query<CameraRow>(`SELECT ${CAMERA_COLUMNS} FROM ${tables.camera} WHERE id = $1::uuid`, [id]);
    return rows[0] ? toCamera(rows[0]) : undefined;
  }

  /**
   * What a viewer socket checks before streaming, in one round trip: the camera (undefined if it
   * does not exist) and whether the viewer's session is still valid (as `liveSessions`; an
   * anonymous viewer, `sessionId` null: false).
   */
  /**
   * A viewer's camera and whether its session is still valid. Checks arriving together (the tiles of
   * a layout subscribing on the shared socket) are one query, not one each behind the other.
   */
  viewerCheck(cameraId: string, sessionId: string | null): Promise<{ camera: CameraForIngest | undefined; sessionLive: boolean }> {
    return this.viewerChecks.add({ cameraId, sessionId });
  }

  private readonly viewerChecks = new Batcher(async (items: Array<{ cameraId: string; sessionId: string | null }>) => {
    const rows = await this.sql.query<Partial<CameraRow> & { n: number; session_live: boolean | string }>(
      `SELECT q.n, ${CAMERA_COLUMNS}, EXISTS (${LIVE_SESSION_SQL} AND s.id = q.sid) AS session_live
       FROM json_to_recordset($1::json) AS q(n int, cam uuid, sid text) LEFT JOIN ${tables.camera} ON ${tables.camera}.id = q.cam`,
      [JSON.stringify(items.map((it, n) => ({ n, cam: it.cameraId, sid: it.sessionId })))],
    );
    const byN = new Map(rows.map((r) => [Number(r.n), r]));
    return items.map((_, n) => {
      const r = byN.get(n);
      return {
        camera: r?.id ? toCamera(r as CameraRow) : undefined,
        sessionLive: r?.session_live === true || String(r?.session_live) === 'true',
      };
    });
  });

  /** Of the given session ids, those still valid (not revoked, not expired, user active, MFA done). */
  async liveSessions(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.sql.query<{ id: string }>(`${LIVE_SESSION_SQL} AND s.id = ANY(string_to_array($1, ','))`, [ids.join(',')]);
    return new Set(rows.map((r) => r.id));
  }

  /** Records a view (one `live_view` row; views starting together are one INSERT). */
  startView(v: { cameraId: string; userId: string | null; sessionId: string | null; origin: string }): Promise<string> {
    return this.viewStarts.add(v);
  }

  private readonly viewStarts = new Batcher(
    async (views: Array<{ cameraId: string; userId: string | null; sessionId: string | null; origin: string }>) => {
      const rows = views.map((v) => ({
        id: randomUUID(),
        cam: v.cameraId,
        usr: v.userId,
        sid: v.sessionId,
        origin: v.origin.slice(0, 200),
      }));
      await this.sql.query(
        `INSERT INTO ${tables.liveView} (id, camera_id, node_id, user_id, session_id, origin)
         SELECT q.id, q.cam, $2, q.usr, q.sid, q.origin FROM json_to_recordset($1::json) AS q(id uuid, cam uuid, usr uuid, sid text, origin text)`,
        [JSON.stringify(rows), this.nodeId],
      );
      return rows.map((r) => r.id);
    },
  );

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
