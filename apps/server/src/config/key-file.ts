import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A symmetric key: from configuration, or generated once (32 random bytes, base64) into
 * DATA_DIR/keys/<file> with mode 0600, so every process sharing the data directory reads the same.
 */
export function loadKeyFile(opts: { envKey: string | undefined; dataDir: string; file: string }): string {
  if (opts.envKey) return opts.envKey;
  const file = path.join(opts.dataDir, 'keys', opts.file);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
