import { createDecipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Opens camera credentials sealed by the API (apps/server/src/modules/cameras/secret-box.ts,
 * envelope AES-256-GCM, camera id as AAD). The node holds the same master key(s) as the API —
 * CAMERA_SECRETS_KEY (+ CAMERA_SECRETS_PREVIOUS_KEYS) or DATA_DIR/keys/camera-secrets.key — and
 * reads the sealed value from the camera row; the password never crosses the public API and lives
 * only in memory while the upstream connection is open. Only the opening half is here (the node
 * never seals); `test/secrets.test.ts` checks compatibility with the API's sealing code.
 */
export interface MasterKey {
  id: string;
  key: Buffer;
}
export interface SealedSecret {
  v: 1;
  kid: string;
  wrappedKey: string;
  secret: string;
}

export const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

function decode(b64: string, what: string): MasterKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes, base64`);
  return { id: keyId(key), key };
}

/** The node never creates the key: the API does on first start (embedded) or it is configured. */
export function loadCameraKeys(opts: { current: string | undefined; previous: string[]; dataDir: string }): MasterKey[] {
  const file = path.join(opts.dataDir, 'keys', 'camera-secrets.key');
  const keys: MasterKey[] = [];
  if (opts.current) keys.push(decode(opts.current, 'CAMERA_SECRETS_KEY'));
  else if (fs.existsSync(file)) keys.push(decode(fs.readFileSync(file, 'utf8'), file));
  for (const p of opts.previous) keys.push(decode(p, 'CAMERA_SECRETS_PREVIOUS_KEYS'));
  return keys;
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function openSecret(masters: readonly MasterKey[], recordId: string, sealed: SealedSecret): string {
  const master = masters.find((m) => m.id === sealed.kid);
  if (!master) throw new Error(`unknown master key ${sealed.kid}`);
  const dataKey = open(master.key, sealed.wrappedKey, `data-key:${recordId}`);
  try {
    return open(dataKey, sealed.secret, recordId).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** The camera's {username, password}, or undefined when none is stored. */
export function openCameraCredentials(masters: readonly MasterKey[], cameraId: string, sealed: SealedSecret | null): { username: string; password: string } | undefined {
  if (!sealed) return undefined;
  const v = JSON.parse(openSecret(masters, cameraId, sealed)) as { username?: string; password?: string };
  return { username: v.username ?? '', password: v.password ?? '' };
}
