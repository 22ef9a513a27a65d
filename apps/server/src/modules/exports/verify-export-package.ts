import { type ExportVerification, exportManifestSchema } from '@vigia/contracts';
import { ZipRefusedError } from '../files/safe-zip.js';
import { type PackageSource, pathSource } from './export-package.js';
import { verifyManifestSignature } from './export-signing.js';

/** Files a package may carry beyond the manifest's list: the signed chain-of-custody log. */
export const CUSTODY_FILE = 'CUSTODIA.txt';
export const CUSTODY_SIG = 'CUSTODIA.sig';

/**
 * Verifies an export package (a folder or a ZIP) offline: the Ed25519 signature of manifest.json
 * (against `trustedPublicKeyPem` when given — the key published by the platform — else the key
 * in the manifest), then every file's size and SHA-256; the custody log, when present, must carry
 * a valid signature by the same key and name this package; any extra file is reported too. Each
 * problem names the file.
 */
export async function verifyExportPackage(dirOrZip: string, trustedPublicKeyPem?: string): Promise<ExportVerification> {
  let src: PackageSource;
  try {
    src = await pathSource(dirOrZip);
  } catch {
    return { ok: false, problems: [{ file: dirOrZip, problem: 'file_missing' }], manifest: null };
  }
  try {
    return await verifyPackageSource(src, trustedPublicKeyPem);
  } catch (err) {
    // A ZIP entry that is corrupt or inflates past the reader's caps (files/safe-zip.ts).
    if (err instanceof ZipRefusedError) return { ok: false, problems: [{ file: dirOrZip, problem: 'manifest_invalid' }], manifest: null };
    throw err;
  }
}

export async function verifyPackageSource(src: PackageSource, trustedPublicKeyPem?: string): Promise<ExportVerification> {
  const problems: ExportVerification['problems'] = [];
  const bytes = await src.read('manifest.json');
  const sig = (await src.read('manifest.sig'))?.toString('utf8');
  if (!bytes || sig === undefined)
    return { ok: false, problems: [{ file: bytes ? 'manifest.sig' : 'manifest.json', problem: 'file_missing' }], manifest: null };
  let json: unknown = null;
  try {
    json = JSON.parse(bytes.toString('utf8').trim() || 'null');
  } catch {
    /* reported below */
  }
  const parsed = exportManifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: [{ file: 'manifest.json', problem: 'manifest_invalid' }], manifest: null };
  const manifest = parsed.data;
  const key = trustedPublicKeyPem ?? manifest.publicKey;
  if (trustedPublicKeyPem && trustedPublicKeyPem.trim() !== manifest.publicKey.trim())
    problems.push({ file: 'manifest.json', problem: 'signature_invalid' });
  else if (!verifyManifestSignature(key, bytes, sig)) problems.push({ file: 'manifest.json', problem: 'signature_invalid' });
  for (const f of manifest.files) {
    const d = await src.digest(f.name);
    if (!d) problems.push({ file: f.name, problem: 'file_missing' });
    else if (d.size !== f.sizeBytes || d.sha256 !== f.sha256) problems.push({ file: f.name, problem: 'file_altered' });
  }
  const names = await src.names();
  if (names.includes(CUSTODY_FILE) || names.includes(CUSTODY_SIG)) {
    const log = await src.read(CUSTODY_FILE);
    const logSig = (await src.read(CUSTODY_SIG))?.toString('utf8');
    if (!log || logSig === undefined) problems.push({ file: log ? CUSTODY_SIG : CUSTODY_FILE, problem: 'file_missing' });
    else if (!verifyManifestSignature(key, log, logSig) || !log.toString('utf8').includes(manifest.exportId))
      problems.push({ file: CUSTODY_FILE, problem: 'file_altered' });
  }
  const listed = new Set(['manifest.json', 'manifest.sig', CUSTODY_FILE, CUSTODY_SIG, ...manifest.files.map((f) => f.name)]);
  for (const name of names) if (!listed.has(name)) problems.push({ file: name, problem: 'file_unexpected' });
  return { ok: problems.length === 0, problems, manifest };
}
