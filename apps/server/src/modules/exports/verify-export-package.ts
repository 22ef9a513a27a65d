import fs from 'node:fs/promises';
import path from 'node:path';
import { exportManifestSchema, type ExportVerification } from '@vigia/contracts';
import { verifyManifestSignature } from './export-signing.js';
import { hashFile } from './create-export.js';

/**
 * Verifies an export package directory offline: the Ed25519 signature of manifest.json (against
 * `trustedPublicKeyPem` when given — the key published by the platform — else the key in the
 * manifest), then every file's size and SHA-256; any extra file is reported too. Each problem
 * names the file.
 */
export async function verifyExportPackage(dir: string, trustedPublicKeyPem?: string): Promise<ExportVerification> {
  const problems: ExportVerification['problems'] = [];
  let bytes: Buffer;
  let sig: string;
  try {
    bytes = await fs.readFile(path.join(dir, 'manifest.json'));
    sig = await fs.readFile(path.join(dir, 'manifest.sig'), 'utf8');
  } catch {
    return { ok: false, problems: [{ file: 'manifest.json', problem: 'file_missing' }], manifest: null };
  }
  const parsed = exportManifestSchema.safeParse(JSON.parse(bytes.toString('utf8').trim() || 'null'));
  if (!parsed.success) return { ok: false, problems: [{ file: 'manifest.json', problem: 'manifest_invalid' }], manifest: null };
  const manifest = parsed.data;
  if (trustedPublicKeyPem && trustedPublicKeyPem.trim() !== manifest.publicKey.trim()) problems.push({ file: 'manifest.json', problem: 'signature_invalid' });
  else if (!verifyManifestSignature(manifest.publicKey, bytes, sig)) problems.push({ file: 'manifest.json', problem: 'signature_invalid' });
  for (const f of manifest.files) {
    const p = path.join(dir, f.name);
    const st = await fs.stat(p).catch(() => undefined);
    if (!st) {
      problems.push({ file: f.name, problem: 'file_missing' });
      continue;
    }
    const { size, sha256 } = await hashFile(p);
    if (size !== f.sizeBytes || sha256 !== f.sha256) problems.push({ file: f.name, problem: 'file_altered' });
  }
  const listed = new Set(['manifest.json', 'manifest.sig', ...manifest.files.map((f) => f.name)]);
  for (const name of await fs.readdir(dir)) if (!listed.has(name)) problems.push({ file: name, problem: 'file_unexpected' });
  return { ok: problems.length === 0, problems, manifest };
}
