import { isOnvifError, OnvifPtz } from '@vigia/media';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { cameraDepsOf } from '../cameras/camera-deps.js';
import type { CameraRow } from '../cameras/cameras.scope.js';
import { type CameraDeps, openCredentials } from '../cameras/cameras.service.js';
import { checkOutbound } from '../cameras/outbound-guard.js';

export interface PtzDeps extends CameraDeps {
  cfg: Config['ptz'];
  clock: Clock;
}

export const ptzDeps = (db: Db, config: Config, clock: Clock): PtzDeps => ({ ...cameraDepsOf(db, config), cfg: config.ptz, clock });

/** Connected PTZ services by camera (and its last edit, so a new address or password reconnects). */
const connected = new Map<string, { ptz: OnvifPtz; at: number }>();
const KEEP_MS = 5 * 60_000;
/**
 * Cameras whose ONVIF service did not answer (or refused the password), by the same key: each open
 * PTZ control polls its status, so an unreachable camera is not dialled again for this long — a
 * changed address or password (a new `updatedAt`) tries at once.
 */
const unreachable = new Map<string, { err: AppError; at: number }>();
const RETRY_MS = 30_000;

/**
 * The camera's ONVIF PTZ service on the address its outbound guard allows and its HTTP port.
 * ONVIF_NOT_SUPPORTED → null (the camera reports no PTZ); any other failure → PTZ_DEVICE_FAILED.
 */
export async function ptzOf(deps: PtzDeps, camera: CameraRow): Promise<OnvifPtz | null> {
  const key = `${camera.id}:${camera.updatedAt.getTime()}`;
  const hit = connected.get(key);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.ptz;
  const down = unreachable.get(key);
  if (down && Date.now() - down.at < RETRY_MS) throw down.err;
  const verdict = await checkOutbound(camera.host, deps.outbound);
  if (!verdict.ok) throw new AppError('PTZ_DEVICE_FAILED', 'O endereço da câmera não é permitido ou não foi resolvido.');
  const credentials = openCredentials(deps.keys, camera);
  try {
    const ptz = await OnvifPtz.connect({
      address: verdict.addresses[0]!,
      port: camera.httpPort,
      hostHeader: camera.host,
      ...(credentials ? { username: credentials.username, password: credentials.password } : {}),
      timeoutMs: 5000,
    });
    connected.set(key, { ptz, at: Date.now() });
    return ptz;
  } catch (err) {
    if (isOnvifError(err) && err.code === 'ONVIF_NOT_SUPPORTED') return null;
    const failed = deviceFailed(err);
    unreachable.set(key, { err: failed, at: Date.now() });
    return Promise.reject(failed);
  }
}

/** A command the device refused or did not answer; drops the cached connection. */
export async function command<T>(camera: CameraRow, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    for (const k of connected.keys()) if (k.startsWith(`${camera.id}:`)) connected.delete(k);
    throw deviceFailed(err);
  }
}

const deviceFailed = (err: unknown) =>
  err instanceof AppError
    ? err
    : new AppError(
        'PTZ_DEVICE_FAILED',
        isOnvifError(err) && err.code === 'ONVIF_AUTH_FAILED' ? 'A câmera recusou a senha cadastrada (ONVIF).' : undefined,
      );
