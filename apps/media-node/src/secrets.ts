import { loadMasterKeys, type MasterKey, openSecret, type SealedSecret } from '@vigia/secrets';

/**
 * Opens camera credentials sealed by the API (`@vigia/secrets`: envelope AES-256-GCM, camera id
 * as AAD). The node holds the same master key(s) as the API — CAMERA_SECRETS_KEY
 * (+ CAMERA_SECRETS_PREVIOUS_KEYS) or DATA_DIR/keys/camera-secrets.key — and reads the sealed value
 * from the camera row; the password never crosses the public API and lives only in memory while the
 * upstream connection is open. The node never creates the key: the API does on first start.
 */
export type { MasterKey, SealedSecret };

export function loadCameraKeys(opts: { current: string | undefined; previous: string[]; dataDir: string }): MasterKey[] {
  return loadMasterKeys({ name: 'camera-secrets', ...opts, create: false, envName: 'CAMERA_SECRETS_KEY' });
}

/** The camera's {username, password}, or undefined when none is stored. */
export function openCameraCredentials(
  masters: readonly MasterKey[],
  cameraId: string,
  sealed: SealedSecret | null,
): { username: string; password: string } | undefined {
  if (!sealed) return undefined;
  const v = JSON.parse(openSecret(masters, cameraId, sealed)) as { username?: string; password?: string };
  return { username: v.username ?? '', password: v.password ?? '' };
}

/** The camera's RTSP push {username, password} (sealed by the API with the AAD "<id>:push"). */
export function openPushCredentials(
  masters: readonly MasterKey[],
  cameraId: string,
  sealed: SealedSecret | null,
): { username: string; password: string } | undefined {
  if (!sealed) return undefined;
  const v = JSON.parse(openSecret(masters, `${cameraId}:push`, sealed)) as { username?: string; password?: string };
  if (!v.username || !v.password) return undefined;
  return { username: v.username, password: v.password };
}
