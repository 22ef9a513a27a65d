import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { PlaybackToken } from '@vigia/contracts';
import { nonceHash, signStreamToken, verifyStreamToken, type StreamTokenClaims } from '@vigia/contracts/stream-token';
import type { RecordingStorage } from '@vigia/contracts/recording-store';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { loadCamera, viewScope } from '../cameras/cameras.scope.js';
import { recordingSegments } from '../recordings/recordings.schema.js';
import { segmentLayout, type SegmentLayout } from './fmp4-index.js';

/** Lifetime of a playback token; the player renews it at about half-life. */
export const PLAYBACK_TOKEN_TTL_MS = 60_000;
/** `node` claim of tokens served by the API itself (playback is served by the API, not a media node). */
export const PLAYBACK_SERVER = 'api';

export interface PlaybackDeps {
  db: Db;
  tokenKey: Buffer;
  storage: RecordingStorage;
}

function sign(deps: PlaybackDeps, auth: AuthContext, cameraId: string, cnf: string, pb: string) {
  return signStreamToken(deps.tokenKey, { cam: cameraId, act: 'playback', node: PLAYBACK_SERVER, sub: auth.user.id, sid: auth.session.id, cnf, pb, ttlMs: PLAYBACK_TOKEN_TTL_MS });
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
  const camera = await loadCamera(deps.db, viewScope(auth), cameraId);
  const playbackId = randomUUID();
  await deps.db.transaction(async (tx) => {
    // The token is returned only after this row is committed.
    await recordAudit(tx, actor, {
      action: 'playback.started',
      targetType: 'camera',
      targetId: camera.id,
      reason: req.reason,
      data: { playbackId, cameraName: camera.name, from: req.from, to: req.to ?? null, reason: req.reason },
    });
  });
  const { token, claims } = sign(deps, auth, camera.id, req.nonceHash, playbackId);
  return { token, playbackId, expiresAt: new Date(claims.exp).toISOString() };
}

/** A new token for the same playback (same nonce, user, session, camera); the scope is re-checked. */
export async function renewPlayback(deps: PlaybackDeps, auth: AuthContext, cameraId: string, req: { nonceHash: string; token: string }): Promise<PlaybackToken> {
  const c = checkToken(deps, auth, cameraId, req.token);
  if (c.cnf !== req.nonceHash) throw new AppError('FORBIDDEN', 'Token de reprodução de outro cliente.');
  await loadCamera(deps.db, viewScope(auth), cameraId);
  const { token, claims } = sign(deps, auth, cameraId, c.cnf, c.pb!);
  return { token, playbackId: c.pb!, expiresAt: new Date(claims.exp).toISOString() };
}

/** Signature, expiry, action, camera, user and session of a playback token (403 otherwise). */
export function checkToken(deps: PlaybackDeps, auth: AuthContext, cameraId: string, token: string): StreamTokenClaims {
  const v = verifyStreamToken([deps.tokenKey], token, Date.now(), 2_000, 'playback');
  if (!v.ok) throw new AppError('FORBIDDEN', v.error === 'expired' ? 'Token de reprodução expirado.' : 'Token de reprodução inválido.');
  const c = v.claims;
  if (c.cam !== cameraId) throw new AppError('FORBIDDEN', 'Token de reprodução de outra câmera.');
  if (c.node !== PLAYBACK_SERVER || !c.pb) throw new AppError('FORBIDDEN', 'Token de reprodução inválido.');
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
}

const layouts = new Map<string, { size: number; layout: SegmentLayout }>();

function layoutOf(key: string, bytes: Buffer): SegmentLayout {
  const hit = layouts.get(key);
  if (hit && hit.size === bytes.length) return hit.layout;
  const layout = segmentLayout(bytes);
  if (layouts.size > 500) layouts.delete(layouts.keys().next().value!);
  layouts.set(key, { size: bytes.length, layout });
  return layout;
}

/**
 * Bytes to play a camera from `at`: the init part of the segment holding `at` (or of the next
 * recorded segment when `at` falls in a gap) and its fragments from the last one that starts on a
 * keyframe at or before `at`, up to `maxMs` of media or the end of the segment.
 */
export async function playbackChunk(deps: PlaybackDeps, cameraId: string, at: Date, maxMs: number): Promise<PlaybackChunk | undefined> {
  const live = and(eq(recordingSegments.cameraId, cameraId), isNull(recordingSegments.deletedAt));
  let [seg] = await deps.db
    .select()
    .from(recordingSegments)
    .where(and(live, lte(recordingSegments.startAt, at), or(isNull(recordingSegments.endAt), gt(recordingSegments.endAt, at))))
    .orderBy(desc(recordingSegments.startAt))
    .limit(1);
  if (!seg) [seg] = await deps.db.select().from(recordingSegments).where(and(live, gt(recordingSegments.startAt, at))).orderBy(asc(recordingSegments.startAt)).limit(1);
  if (!seg) return undefined;
  let bytes: Buffer;
  try {
    bytes = await deps.storage.readAll(seg.storageKey);
  } catch {
    return undefined;
  }
  const layout = layoutOf(seg.storageKey, bytes);
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
  const body = Buffer.concat([bytes.subarray(0, layout.initEnd), bytes.subarray(frags[first]!.offset, f.offset + f.size)]);
  return { bytes: body, wallMs: wall(first), mediaStart: frags[first]!.decodeTime / layout.timescale, endMs, nextMs };
}

export async function recordSnapshot(deps: PlaybackDeps, auth: AuthContext, actor: AuditActor, cameraId: string, req: { playbackId: string; at: string }): Promise<void> {
  const camera = await loadCamera(deps.db, viewScope(auth), cameraId);
  await deps.db.transaction((tx) =>
    recordAudit(tx, actor, { action: 'playback.snapshot', targetType: 'camera', targetId: camera.id, data: { playbackId: req.playbackId, at: req.at } }),
  );
}


