import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSecret, sealSecret } from '@vigia/secrets';
import { describe, expect, it } from 'vitest';
import { cameraKeyFile, keyId, loadCameraKeys } from './camera-keys.js';

const cfg = (dataDir: string, secretsKey?: string, previousKeys: string[] = []) => ({
  dataDir,
  cameras: { secretsKey, previousKeys, allowedRanges: [], enforceOutbound: false },
});

describe('camera master keys', () => {
  it('generates a 0600 key file once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-keys-'));
    try {
      const [first] = loadCameraKeys(cfg(dir));
      const [second] = loadCameraKeys(cfg(dir));
      expect(first!.key.equals(second!.key)).toBe(true);
      expect(fs.statSync(cameraKeyFile(dir)).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rotates: the new key seals, the previous key still opens old secrets', () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const sealedOld = sealSecret(loadCameraKeys(cfg('/nonexistent', oldKey))[0]!, 'cam-1', 'segredo');
    const keys = loadCameraKeys(cfg('/nonexistent', newKey, [oldKey]));
    expect(keys[0]!.id).toBe(keyId(Buffer.from(newKey, 'base64')));
    expect(openSecret(keys, 'cam-1', sealedOld)).toBe('segredo');
    expect(sealSecret(keys[0]!, 'cam-1', 'x').kid).toBe(keys[0]!.id);
    expect(() => openSecret(loadCameraKeys(cfg('/nonexistent', newKey)), 'cam-1', sealedOld)).toThrow(/unknown master key/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => loadCameraKeys(cfg('/nonexistent', Buffer.alloc(16).toString('base64')))).toThrow(/32 bytes/);
  });
});
