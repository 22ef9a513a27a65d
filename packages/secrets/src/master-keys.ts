import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MasterKey } from './secret-box.js';

/** Key id: the first 16 hex digits of SHA-256 of the key (names the key without revealing it). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function decodeMasterKey(b64: string, what: string): MasterKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes, base64`);
  return { id: keyId(key), key };
}

export const masterKeyFile = (dataDir: string, name: string): string => path.join(dataDir, 'keys', `${name}.key`);

/**
 * The master keys of one purpose: the current one first (it seals new secrets), then former ones
 * (only opened, during a rotation). Without a configured current key the key file under
 * DATA_DIR/keys is used; with `create` it is generated on first use (mode 0600) — only the API
 * creates it, media nodes only read it.
 */
export function loadMasterKeys(opts: {
  name: string;
  current: string | undefined;
  previous: readonly string[];
  dataDir: string;
  create: boolean;
  envName: string;
}): MasterKey[] {
  const file = masterKeyFile(opts.dataDir, opts.name);
  let current: MasterKey | undefined;
  if (opts.current) current = decodeMasterKey(opts.current, opts.envName);
  else {
    if (opts.create && !fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process won the race
      }
    }
    if (fs.existsSync(file)) current = decodeMasterKey(fs.readFileSync(file, 'utf8'), file);
  }
  const previous = opts.previous.map((k) => decodeMasterKey(k, `${opts.envName} (previous)`));
  return [...(current ? [current] : []), ...previous.filter((p) => p.id !== current?.id)];
}
