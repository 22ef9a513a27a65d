import { NVR_PLAYBACK_DEFAULT_MS, NVR_PLAYBACK_MAX_MS, type NvrPlaybackToken } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { cameraNvrs } from '../../db/tables/camera-nvr.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import type { AuditActor } from '../audit/audit.service.js';
import { loadCamera, playbackScope } from '../cameras/cameras.scope.js';
import { chooseNode } from '../live/live.service.js';
import { openPlayback, type PlaybackDeps, signPlayback } from './playback.service.js';

function socketUrl(publicUrl: string, cameraId: string): string {
  const u = new URL(publicUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = `${u.pathname.replace(/\/$/, '')}/playback/${cameraId}`;
  return u.toString();
}

/**
 * Playback from the partner's own recorder (Art. 25 §2 "acesso autorizado quando armazenadas em
 * dispositivos locais … do próprio ente cooperado"): the same authorisation as platform playback —
 * camera in the caller's view scope (else 404: a partner never reaches another partner's NVR,
 * Art. 26 §2), a reason, `playback.started` with source `partner_nvr` committed first — then a
 * playback token valid on one media node, which opens the NVR's playback URL for the range.
 */
export async function startNvrPlayback(
  deps: PlaybackDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  req: { nonceHash: string; from: string; to?: string | undefined; reason: string },
): Promise<NvrPlaybackToken> {
  const camera = await loadCamera(deps.db, playbackScope(auth), cameraId);
  if (camera.status === 'disabled') throw new AppError('CAMERA_DISABLED');
  const [nvr] = await deps.db.select({ id: cameraNvrs.cameraId }).from(cameraNvrs).where(eq(cameraNvrs.cameraId, camera.id)).limit(1);
  if (!nvr) throw new AppError('PLAYBACK_NVR_NOT_CONFIGURED');
  const from = new Date(req.from);
  const to = req.to ? new Date(req.to) : new Date(Math.min(from.getTime() + NVR_PLAYBACK_DEFAULT_MS, Date.now()));
  if (!(from.getTime() < Date.now()) || !(to > from) || to.getTime() - from.getTime() > NVR_PLAYBACK_MAX_MS)
    throw new AppError('PLAYBACK_NVR_RANGE_INVALID');
  const node = await chooseNode(deps.db, camera.id);
  const range = { from: from.toISOString(), to: to.toISOString(), reason: req.reason };
  const playbackId = await deps.db.transaction((tx) => openPlayback(tx, auth, actor, camera, range, 'partner_nvr', node.id));
  const { token, claims } = signPlayback(deps, auth, camera.id, req.nonceHash, playbackId, node.id);
  return { token, url: socketUrl(node.public_url, camera.id), nodeId: node.id, expiresAt: new Date(claims.exp).toISOString(), playbackId };
}
