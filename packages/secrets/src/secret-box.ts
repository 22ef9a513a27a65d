import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for camera credentials: each record gets its own random 256-bit data key;
 * the secret is sealed with AES-256-GCM under that key with the camera id as additional
 * authenticated data, and the data key is sealed under the master key (from configuration). A
 * sealed value copied to another camera's row fails to open, and rotating the master key only
 * re-wraps data keys.
 */
export interface SealedSecret {
  v: 1;
  /** Identifier of the master key that wrapped the data key (for rotation). */
  kid: string;
  wrappedKey: string;
  secret: string;
}

const ALG = 'aes-256-gcm';

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALG, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv(ALG, key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export interface MasterKey {
  id: string;
  key: Buffer;
}

export function sealSecret(master: MasterKey, recordId: string, plaintext: string): SealedSecret {
  if (master.key.length !== 32) throw new Error('master key must be 32 bytes');
  const dataKey = randomBytes(32);
  try {
    return {
      v: 1,
      kid: master.id,
      wrappedKey: seal(master.key, dataKey, `data-key:${recordId}`),
      secret: seal(dataKey, Buffer.from(plaintext, 'utf8'), recordId),
    };
  } finally {
    dataKey.fill(0);
  }
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
