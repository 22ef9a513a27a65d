import type { LiveToken, LiveTokenBatch, LiveTokenBatchRequest, MaskPolygon } from '@vigia/contracts';
import { signStreamToken } from '@vigia/contracts/stream-token';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type CameraGrant, withGrant } from '../cameras/camera-grant.js';
import { type CameraRow, viewScope } from '../cameras/cameras.scope.js';
import { loadStreamableCamera, loadStreamableCameras, publicApproved } from '../cameras/stream-eligibility.js';
import { viewerMasks } from '../privacy/privacy.service.js';

/** Lifetime of a stream token: the player renews it over the open socket well before expiry. */
export const LIVE_TOKEN_TTL_MS = 60_000;
/** A node whose heartbeat is older than this is considered dead. */
export const NODE_STALE_MS = 15_000;

export interface LiveDeps {
  db: Db;
  tokenKey: Buffer;
  /** Cameras granted beyond the view scope (the protection team's route during a mission). */
  grant?: CameraGrant;
}

/** The cameras a signed-in user may watch live: the view scope plus what the grant adds. */
const liveScope = (deps: LiveDeps, auth: AuthContext) => withGrant(viewScope(auth), auth, { kind: 'live' }, deps.grant);

export interface NodeRow {
  id: string;
  public_url: string;
  upstreams: number;
  holder: string | null;
  [k: string]: unknown;
}

/**
 * The node for a camera: the one holding a live lease, else the least-loaded live node (the node
 * takes the lease when the viewer connects; on a race the viewer is told to ask again). Same rule as
 * `chooseNode` in apps/media-node/src/leases.ts (unit-tested there).
 */
export async function chooseNode(db: Db, cameraId: string): Promise<NodeRow> {
  const node = (await chooseNodes(db, [cameraId])).get(cameraId);
  if (!node) throw new AppError('MEDIA_NODE_UNAVAILABLE');
  return node;
}

/**
 * `chooseNode` for several cameras in one query (a console layout asks for 16 at once): the live
 * nodes, each with the cameras among `cameraIds` it holds (assignment of its current `(node,
 * epoch)` with a live lease, ADR 0013). A camera held by nobody goes to the least-loaded node that
 * is not draining, among those whose lease is live first: a node killed a moment ago still has a
 * recent heartbeat (and the fewest upstreams it will ever have), but its lease has run out, and a
 * viewer sent there would only fail again (docs/architecture.md "Live view: node failover"). A
 * camera missing from the result has no live node.
 */
export async function chooseNodes(db: Db, cameraIds: string[]): Promise<Map<string, NodeRow>> {
  if (!cameraIds.length) return new Map();
  const res = await db.execute(sql`
    SELECT n.id, n.public_url, n.upstreams,
      coalesce(array_agg(a.camera_id::text) FILTER (WHERE a.camera_id IS NOT NULL), '{}') AS held
    FROM media_node n
    LEFT JOIN camera_assignment a ON a.node_id = n.id
      AND a.camera_id IN (${sql.join(
        cameraIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      AND EXISTS (SELECT 1 FROM media_node o WHERE o.id = a.node_id AND o.epoch = a.epoch AND o.lease_expires_at > now())
    WHERE n.heartbeat_at > now() - ${NODE_STALE_MS / 1000}::float8 * interval '1 second'
    GROUP BY n.id, n.public_url, n.upstreams, n.draining, n.lease_expires_at
    ORDER BY (n.lease_expires_at > now()) IS TRUE DESC, n.draining ASC, n.upstreams ASC, n.id ASC`);
  const nodes = (res as unknown as { rows: Array<{ id: string; public_url: string; upstreams: number; held: string[] }> }).rows;
  const chosen = new Map<string, NodeRow>();
  const leastLoaded = nodes[0];
  for (const cameraId of cameraIds) {
    const holder = nodes.find((n) => n.held.includes(cameraId));
    const node = holder ?? leastLoaded;
    if (node) chosen.set(cameraId, { id: node.id, public_url: node.public_url, upstreams: node.upstreams, holder: holder?.id ?? null });
  }
  return chosen;
}

/** ws(s)://node/live/:cameraId, or the node's shared socket ws(s)://node/live without a camera. */
function socketUrl(publicUrl: string, cameraId?: string): string {
  const u = new URL(publicUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = `${u.pathname.replace(/\/$/, '')}/live${cameraId ? `/${cameraId}` : ''}`;
  return u.toString();
}

function issue(
  deps: LiveDeps,
  camera: CameraRow,
  node: NodeRow,
  who: { sub: string | null; sid: string | null },
  nonceHash: string,
  masks: MaskPolygon[],
): LiveToken {
  if (camera.status === 'disabled') throw new AppError('CAMERA_DISABLED');
  const { token, claims } = signStreamToken(deps.tokenKey, {
    cam: camera.id,
    act: 'live',
    node: node.id,
    sub: who.sub,
    sid: who.sid,
    cnf: nonceHash,
    ttlMs: LIVE_TOKEN_TTL_MS,
  });
  return {
    token,
    url: socketUrl(node.public_url, camera.id),
    muxUrl: socketUrl(node.public_url),
    nodeId: node.id,
    expiresAt: new Date(claims.exp).toISOString(),
    masks,
  };
}

/**
 * Token for a signed-in user, for a camera inside their view scope or grant (else 404) that is eligible to
 * stream (else 409 CAMERA_NOT_ELIGIBLE — also for its owner: until then only the self-test).
 */
export async function issueLiveToken(deps: LiveDeps, auth: AuthContext, cameraId: string, nonceHash: string): Promise<LiveToken> {
  const camera = await loadStreamableCamera(deps.db, await liveScope(deps, auth), cameraId);
  // The masks only after the scope check: a camera outside it answers 404 before anything else.
  const [node, masks] = await Promise.all([chooseNode(deps.db, camera.id), viewerMasks(deps.db, auth.user.id, [camera.id])]);
  return issue(deps, camera, node, { sub: auth.user.id, sid: auth.session.id }, nonceHash, masks.get(camera.id) ?? []);
}

/**
 * Tokens for several cameras at once (a console layout): one scoped query for the cameras, then a
 * node per camera; each item gets its token or the error `issueLiveToken` would have thrown.
 */
export async function issueLiveTokens(deps: LiveDeps, auth: AuthContext, req: LiveTokenBatchRequest): Promise<LiveTokenBatch> {
  const ids = [...new Set(req.items.map((i) => i.cameraId))];
  const found = new Map((await loadStreamableCameras(deps.db, await liveScope(deps, auth), ids)).map((r) => [r.camera.id, r]));
  const [nodes, masks] = found.size
    ? await Promise.all([chooseNodes(deps.db, [...found.keys()]), viewerMasks(deps.db, auth.user.id, [...found.keys()])])
    : [new Map<string, NodeRow>(), new Map<string, MaskPolygon[]>()];
  const items: LiveTokenBatch['items'] = [];
  for (const { cameraId, nonceHash } of req.items) {
    try {
      const r = found.get(cameraId);
      if (!r) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
      if (r.camera.status === 'disabled') throw new AppError('CAMERA_DISABLED');
      if (!r.eligible) throw new AppError('CAMERA_NOT_ELIGIBLE');
      const node = nodes.get(cameraId);
      if (!node) throw new AppError('MEDIA_NODE_UNAVAILABLE');
      const token = issue(deps, r.camera, node, { sub: auth.user.id, sid: auth.session.id }, nonceHash, masks.get(cameraId) ?? []);
      items.push({ cameraId, ok: true, token });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      items.push({ cameraId, ok: false, status: err.status, code: err.code, message: err.message });
    }
  }
  return { items };
}

/**
 * Token for an anonymous viewer: only cameras open to the public — requested by the partner,
 * approved by the committee, eligible to stream (anything else is "not found").
 */
export async function issuePublicLiveToken(deps: LiveDeps, cameraId: string, nonceHash: string): Promise<LiveToken> {
  const [camera] = await deps.db
    .select()
    .from(cameras)
    .where(and(eq(cameras.id, cameraId), publicApproved()))
    .limit(1);
  if (!camera) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
  const [node, masks] = await Promise.all([chooseNode(deps.db, camera.id), viewerMasks(deps.db, null, [camera.id])]);
  return issue(deps, camera, node, { sub: null, sid: null }, nonceHash, masks.get(camera.id) ?? []);
}
