import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.js';
import type { MasterKey } from './secret-box.js';

/** Key id: the first 16 hex digits of SHA-256 of the key (names the key without revealing it). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function decode(b64: string, what: string): MasterKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes, base64`);
  return { id: keyId(key), key };
}

/**
 * The master keys that seal camera credentials: the current one first (new secrets), then former
 * ones (only opened, during a rotation). Without CAMERA_SECRETS_KEY, a key is generated on first
 * start into DATA_DIR/keys/camera-secrets.key (mode 0600) and reused afterwards.
 */
export function loadCameraKeys(config: Pick<Config, 'dataDir' | 'cameras'>): MasterKey[] {
  const current = config.cameras.secretsKey ? decode(config.cameras.secretsKey, 'CAMERA_SECRETS_KEY') : fileKey(config.dataDir);
  const previous = config.cameras.previousKeys.map((k) => decode(k, 'CAMERA_SECRETS_PREVIOUS_KEYS'));
  return [current, ...previous.filter((p) => p.id !== current.id)];
}

export const cameraKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'camera-secrets.key');

function fileKey(dataDir: string): MasterKey {
  const file = cameraKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process won the race
    }
  }
  return decode(fs.readFileSync(file, 'utf8'), file);
}
