import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Ed25519 key that signs export manifests: EXPORT_SIGNING_KEY (PKCS#8 PEM or base64 DER), else
 * DATA_DIR/keys/export-signing.pem generated on first start (mode 0600). The public key is
 * published at GET /api/public/exports/public-key.
 */
export async function loadExportSigningKey(opts: {
  envKey?: string | undefined;
  dataDir: string;
}): Promise<{ privateKey: KeyObject; publicKeyPem: string }> {
  let privateKey: KeyObject;
  if (opts.envKey) {
    privateKey = opts.envKey.includes('BEGIN')
      ? createPrivateKey(opts.envKey)
      : createPrivateKey({ key: Buffer.from(opts.envKey, 'base64'), format: 'der', type: 'pkcs8' });
  } else {
    const file = path.join(opts.dataDir, 'keys', 'export-signing.pem');
    try {
      privateKey = createPrivateKey(await fs.readFile(file, 'utf8'));
    } catch {
      const pair = generateKeyPairSync('ed25519');
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await fs
        .writeFile(file, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' })
        .catch(async () => undefined);
      privateKey = createPrivateKey(await fs.readFile(file, 'utf8'));
    }
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('EXPORT_SIGNING_KEY must be an Ed25519 private key');
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString() };
}

export function signManifest(privateKey: KeyObject, manifestBytes: Buffer): string {
  return sign(null, manifestBytes, privateKey).toString('base64');
}

export function verifyManifestSignature(publicKeyPem: string, manifestBytes: Buffer, signatureB64: string): boolean {
  try {
    return verify(null, manifestBytes, createPublicKey(publicKeyPem), Buffer.from(signatureB64.trim(), 'base64'));
  } catch {
    return false;
  }
}
