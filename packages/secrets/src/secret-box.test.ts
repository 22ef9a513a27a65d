import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.js';

const master = { id: 'k1', key: randomBytes(32) };

describe('camera credential envelope encryption', () => {
  it('round-trips a password and never stores it in clear', () => {
    const sealed = sealSecret(master, 'cam-1', 'S3nh@Câmera');
    expect(JSON.stringify(sealed)).not.toContain('S3nh@');
    expect(openSecret([master], 'cam-1', sealed)).toBe('S3nh@Câmera');
  });

  it('uses a fresh data key per record (same password, different ciphertexts)', () => {
    const a = sealSecret(master, 'cam-1', 'igual');
    const b = sealSecret(master, 'cam-1', 'igual');
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.secret).not.toBe(b.secret);
  });

  it('refuses a sealed value moved to another camera (camera id is authenticated)', () => {
    const sealed = sealSecret(master, 'cam-1', 'segredo');
    expect(() => openSecret([master], 'cam-2', sealed)).toThrow();
  });

  it('refuses a flipped byte', () => {
    const sealed = sealSecret(master, 'cam-1', 'segredo');
    const raw = Buffer.from(sealed.secret, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret([master], 'cam-1', { ...sealed, secret: raw.toString('base64') })).toThrow();
  });

  it('opens with the key named by the record, so old records survive a key rotation', () => {
    const old = sealSecret(master, 'cam-1', 'antiga');
    const next = { id: 'k2', key: randomBytes(32) };
    expect(openSecret([next, master], 'cam-1', old)).toBe('antiga');
    expect(() => openSecret([next], 'cam-1', old)).toThrow(/unknown master key/);
  });
});
