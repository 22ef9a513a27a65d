import { randomUUID } from 'node:crypto';
import type { PlaybackToken } from '@vigia/contracts';
import type { RangedReader, RecordingStorage } from '@vigia/contracts/recording-store';
import { nonceHash, type StreamTokenClaims, signStreamToken, verifyStreamToken } from '@vigia/contracts/stream-token';
import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { playbackSessions } from '../../db/tables/playback.js';
import { recordingSegments } from '../../db/tables/recordings.js';
import { AppError } from '../../http/errors.js';
import { segmentReadKey } from '../../media-tools/recording-storage.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type CameraGrant, type CameraGrantUse, withGrant } from '../cameras/camera-grant.js';
import { loadCamera, playbackScope } from '../cameras/cameras.scope.js';
import { frameRate, type LayoutScan, scanSegmentLayout } from './fmp4-index.js';

/** Lifetime of a playback token; the player renews it at about half-life. */
export const PLAYBACK_TOKEN_TTL_MS = 60_000;
/** `node` claim of tokens served by the API itself (playback is served by the API, not a media node). */
export const PLAYBACK_SERVER = 'api';

export interface PlaybackDeps {
  db: Db;
  tokenKey: Buffer;
  storage: RecordingStorage;
  /** Fragment layouts (default: one process-wide LRU). */
  layouts?: LayoutCache;
  /** Cameras granted beyond the playback scope (the protection team's route during a mission). */
  grant?: CameraGrant;
}

/** The cameras whose recordings the user may play: the playback scope plus what the grant adds. */
const scopeFor = (deps: PlaybackDeps, auth: AuthContext, use: CameraGrantUse = { kind: 'playback' }) =>
  withGrant(playbackScope(auth), auth, use, deps.grant);

export function signPlayback(deps: PlaybackDeps, auth: AuthContext, cameraId: string, cnf: string, pb: string, node = PLAYBACK_SERVER) {
  return signStreamToken(deps.tokenKey, {
    cam: cameraId,
    act: 'playback',
    node,
    sub: auth.user.id,
    sid: auth.session.id,
    cnf,
    pb,
    ttlMs: PLAYBACK_TOKEN_TTL_MS,
  });
}

export type PlaybackSource = 'platform' | 'partner_nvr';

/**
 * Opens a playback in the caller's transaction: the `playback_session` row (ended later by the
 * player, the node or the expiry sweep) and `playback.started` with camera, range, reason and source.
 */
export async function openPlayback(
  tx: Tx,
  auth: AuthContext,
  actor: AuditActor,
  camera: { id: string; name: string },
  req: { from: string; to?: string | undefined; reason: string },
  source: PlaybackSource,
  nodeId: string | null = null,
): Promise<string> {
  const playbackId = randomUUID();
  await tx.insert(playbackSessions).values({
    id: playbackId,
    cameraId: camera.id,
    userId: auth.user.id,
    sessionId: auth.session.id,
    source,
    nodeId,
    origin: actor.origin,
    fromAt: new Date(req.from),
    toAt: req.to ? new Date(req.to) : null,
  });
  await recordAudit(tx, actor, {
    action: 'playback.started',
    targetType: 'camera',
    targetId: camera.id,
    reason: req.reason,
    data: { playbackId, cameraName: camera.name, from: req.from, to: req.to ?? null, reason: req.reason, source },
  });
  return playbackId;
}

/**
 * Starts a playback: the camera must be in the user's view scope (else 404), a reason is required;
 * `playback.started` (camera, range, reason — in the audit row's `reason` column and in its data)
 * is committed before the token is returned.
 */
export async function startPlayback(
  deps: PlaybackDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  req: { nonceHash: string; from: string; to?: string | undefined; reason: string },
): Promise<PlaybackToken> {
  const camera = await loadCamera(deps.db, await scopeFor(deps, auth, { kind: 'playback', from: new Date(req.from) }), cameraId);
  // The token is returned only after this row is committed.
  const playbackId = await deps.db.transaction((tx) => openPlayback(tx, auth, actor, camera, req, 'platform'));
  const { token, claims } = signPlayback(deps, auth, camera.id, req.nonceHash, playbackId);
  return { token, playbackId, expiresAt: new Date(claims.exp).toISOString() };
}

/**
 * A new token for the same playback (same nonce, user, session, camera, node); the scope is
 * re-checked and the playback must not have ended (closed, or expired without renewal).
 */
export async function renewPlayback(
  deps: PlaybackDeps,
  auth: AuthContext,
  cameraId: string,
  req: { nonceHash: string; token: string },
): Promise<PlaybackToken> {
  const c = checkToken(deps, auth, cameraId, req.token, true);
  if (c.cnf !== req.nonceHash) throw new AppError('FORBIDDEN', 'Token de reprodução de outro cliente.');
  await loadCamera(deps.db, await scopeFor(deps, auth), cameraId);
  const [open] = await deps.db
    .update(playbackSessions)
    .set({ seenAt: new Date() })
    .where(and(eq(playbackSessions.id, c.pb!), eq(playbackSessions.userId, auth.user.id), isNull(playbackSessions.endedAt)))
    .returning({ id: playbackSessions.id });
  if (!open) throw new AppError('FORBIDDEN', 'Esta reprodução foi encerrada. Inicie uma nova reprodução.');
  const { token, claims } = signPlayback(deps, auth, cameraId, c.cnf, c.pb!, c.node);
  return { token, playbackId: c.pb!, expiresAt: new Date(claims.exp).toISOString() };
}

/** The `playback.ended` entry of an ended row: range, source, how it ended and the time watched. */
export function playbackEndedEntry(row: typeof playbackSessions.$inferSelect) {
  const ended = row.endedAt ?? new Date();
  return {
    action: 'playback.ended',
    targetType: 'camera',
    targetId: row.cameraId,
    data: {
      playbackId: row.id,
      source: row.source,
      from: row.fromAt.toISOString(),
      to: row.toAt?.toISOString() ?? null,
      startedAt: row.startedAt.toISOString(),
      endedAt: ended.toISOString(),
      durationMs: Math.max(0, ended.getTime() - row.startedAt.getTime()),
      endReason: row.endReason,
    },
  };
}

/** The player was closed: ends the caller's own playback and audits `playback.ended` at once (idempotent). */
export async function endPlayback(
  deps: PlaybackDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  playbackId: string,
): Promise<void> {
  // Out of scope → 404 like every camera route (the update below would touch nothing anyway).
  await loadCamera(deps.db, await scopeFor(deps, auth), cameraId);
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(playbackSessions)
      .set({ endedAt: now, endReason: 'closed', auditedAt: now })
      .where(
        and(
          eq(playbackSessions.id, playbackId),
          eq(playbackSessions.cameraId, cameraId),
          eq(playbackSessions.userId, auth.user.id),
          isNull(playbackSessions.endedAt),
        ),
      )
      .returning();
    if (row) await recordAudit(tx, actor, playbackEndedEntry(row));
  });
}

/**
 * Signature, expiry, action, camera, user and session of a playback token (403 otherwise). Media
 * requests need a token for the API itself; renewal also accepts one for a media node (partner NVR).
 */
export function checkToken(deps: PlaybackDeps, auth: AuthContext, cameraId: string, token: string, anyNode = false): StreamTokenClaims {
  const v = verifyStreamToken([deps.tokenKey], token, Date.now(), 2_000, 'playback');
  if (!v.ok) throw new AppError('FORBIDDEN', v.error === 'expired' ? 'Token de reprodução expirado.' : 'Token de reprodução inválido.');
  const c = v.claims;
  if (c.cam !== cameraId) throw new AppError('FORBIDDEN', 'Token de reprodução de outra câmera.');
  if ((!anyNode && c.node !== PLAYBACK_SERVER) || !c.pb) throw new AppError('FORBIDDEN', 'Token de reprodução inválido.');
  if (c.sub !== auth.user.id || c.sid !== auth.session.id) throw new AppError('FORBIDDEN', 'Token de reprodução de outra sessão.');
  return c;
}

/** Token + nonce of a media request. */
export function checkMediaAccess(deps: PlaybackDeps, auth: AuthContext, cameraId: string, token: string, nonce: string): StreamTokenClaims {
  const c = checkToken(deps, auth, cameraId, token);
  if (nonceHash(nonce) !== c.cnf) throw new AppError('FORBIDDEN', 'Token de reprodução não vinculado a este cliente.');
  return c;
}

export interface PlaybackChunk {
  bytes: Buffer;
  wallMs: number;
  mediaStart: number;
  endMs: number;
  nextMs: number | undefined;
  /** Recorded frame rate of the segment (frames / media duration), for frame stepping. */
  fps: number | undefined;
}

/**
 * Fragment layouts by storage key, least recently used evicted first. A closed segment's layout
 * never changes; a growing one is rescanned from its last complete fragment.
 */
export class LayoutCache {
  private readonly entries = new Map<string, LayoutScan>();
  constructor(readonly maxEntries = 2_000) {}

  async get(storage: RecordingStorage, key: string): Promise<{ scan: LayoutScan; reader: RangedReader }> {
    const reader = await storage.openRanged(key);
    try {
      let scan = this.entries.get(key);
      if (scan) this.entries.delete(key);
      if (!scan || scan.size !== reader.size) scan = await scanSegmentLayout((a, b) => reader.read(a, b), reader.size, scan);
      this.entries.set(key, scan);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return { scan, reader };
    } catch (err) {
      await reader.close();
      throw err;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const defaultLayouts = new LayoutCache();

/**
 * Bytes to play a camera from `at`: the init part of the segment holding `at` (or of the next
 * recorded segment when `at` falls in a gap) and its fragments from the last one that starts on a
 * keyframe at or before `at`, up to `maxMs` of media or the end of the segment. Only those two byte
 * ranges are read (the layout comes from the cache or a header scan).
 */
export async function playbackChunk(deps: PlaybackDeps, cameraId: string, at: Date, maxMs: number): Promise<PlaybackChunk | undefined> {
  const live = and(eq(recordingSegments.cameraId, cameraId), isNull(recordingSegments.deletedAt));
  let [seg] = await deps.db
    .select()
    .from(recordingSegments)
    .where(and(live, lte(recordingSegments.startAt, at), or(isNull(recordingSegments.endAt), gt(recordingSegments.endAt, at))))
    .orderBy(desc(recordingSegments.startAt))
    .limit(1);
  if (!seg)
    [seg] = await deps.db
      .select()
      .from(recordingSegments)
      .where(and(live, gt(recordingSegments.startAt, at)))
      .orderBy(asc(recordingSegments.startAt))
      .limit(1);
  if (!seg) return undefined;
  let opened: { scan: LayoutScan; reader: RangedReader };
  try {
    opened = await (deps.layouts ?? defaultLayouts).get(deps.storage, segmentReadKey(seg));
  } catch {
    return undefined; // file gone (retention) or not yet holding its init part
  }
  const { scan, reader } = opened;
  try {
    const layout = scan.layout;
    const frags = layout.fragments;
    if (!frags.length) return undefined;
    const t0 = frags[0]!.decodeTime;
    const wall = (i: number) => seg.startAt.getTime() + ((frags[i]!.decodeTime - t0) / layout.timescale) * 1000;
    let first = 0;
    for (let i = 0; i < frags.length; i++) {
      if (wall(i) > at.getTime()) break;
      if (frags[i]!.sync) first = i;
    }
    let last = first;
    while (last + 1 < frags.length && wall(last + 1) - wall(first) < maxMs) last++;
    const f = frags[last]!;
    const endMs = wall(last) + (f.duration / layout.timescale) * 1000;
    let nextMs: number | undefined;
    if (last + 1 < frags.length) nextMs = wall(last + 1);
    else {
      const [next] = await deps.db
        .select({ startAt: recordingSegments.startAt })
        .from(recordingSegments)
        .where(and(live, gt(recordingSegments.seq, seg.seq)))
        .orderBy(asc(recordingSegments.seq))
        .limit(1);
      // The open segment may still grow: ask again just after its last complete fragment.
      nextMs = next ? Math.max(next.startAt.getTime(), endMs) : seg.closedAt ? undefined : endMs;
    }
    const [init, body] = await Promise.all([reader.read(0, layout.initEnd), reader.read(frags[first]!.offset, f.offset + f.size)]);
    return {
      bytes: Buffer.concat([init, body]),
      wallMs: wall(first),
      mediaStart: frags[first]!.decodeTime / layout.timescale,
      endMs,
      nextMs,
      fps: frameRate(layout),
    };
  } finally {
    await reader.close();
  }
}

export async function recordSnapshot(
  deps: PlaybackDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  req: { playbackId: string; at: string },
): Promise<void> {
  const camera = await loadCamera(deps.db, await scopeFor(deps, auth), cameraId);
  await deps.db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'playback.snapshot',
      targetType: 'camera',
      targetId: camera.id,
      data: { playbackId: req.playbackId, at: req.at },
    }),
  );
}
