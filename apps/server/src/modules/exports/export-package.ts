import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';
import { SafeZip, type ZipLimits } from '../files/safe-zip.js';

/**
 * An export package as a set of named files, whether it is a directory or a ZIP (the download).
 * The verifier reads packages only through this interface, so the offline CLI, the public
 * verification endpoint and the tests check folders and zips with the same code.
 */
export interface PackageSource {
  names(): Promise<string[]>;
  read(name: string): Promise<Buffer | undefined>;
  digest(name: string): Promise<{ size: number; sha256: string } | undefined>;
}

export function dirSource(dir: string): PackageSource {
  return {
    names: async () => (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
    read: (name) => fs.readFile(path.join(dir, name)).catch(() => undefined),
    async digest(name) {
      const p = path.join(dir, name);
      if (!(await fs.stat(p).catch(() => undefined))) return undefined;
      const h = createHash('sha256');
      let size = 0;
      for await (const chunk of createReadStream(p)) {
        h.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      return { size, sha256: h.digest('hex') };
    },
  };
}

/** Caps for reading a package ZIP when no configuration is at hand (the offline CLI); the server passes its own. */
export const defaultPackageZipLimits: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 2048 * 1024 * 1024,
  maxTotalBytes: 4095 * 1024 * 1024,
  maxRatio: 100,
};

/** Largest manifest, signature or custody log read into memory. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * A ZIP in memory, read through the capped inflater (files/safe-zip.ts): only the entries the
 * verifier asks for are inflated, one at a time, and digests stream. Entries may sit in one top
 * folder (`exportacao-…/`, as the platform writes them) or at the root; the folder is stripped.
 * Throws ZipRefusedError on a corrupt archive or one that inflates past `limits`.
 */
export function zipSource(bytes: Uint8Array, limits: ZipLimits = defaultPackageZipLimits): PackageSource {
  const zip = new SafeZip(bytes, limits);
  const files = zip.entries.filter((e) => !e.name.endsWith('/'));
  const tops = new Set(files.map((e) => (e.name.includes('/') ? e.name.split('/')[0] : '')));
  const strip = tops.size === 1 && !tops.has('') ? [...tops][0]!.length + 1 : 0;
  const map = new Map(files.map((e) => [e.name.slice(strip), e]));
  return {
    names: async () => [...map.keys()],
    read: async (name) => {
      const e = map.get(name);
      return e ? zip.read(e, MAX_READ_BYTES) : undefined;
    },
    digest: async (name) => {
      const e = map.get(name);
      return e ? zip.digest(e) : undefined;
    },
  };
}

/** A path on disk: a .zip file or a package folder. */
export async function pathSource(p: string): Promise<PackageSource> {
  const st = await fs.stat(p);
  return st.isDirectory() ? dirSource(p) : zipSource(await fs.readFile(p));
}

export interface ZipEntry {
  name: string;
  /** A file on disk (streamed) or bytes. */
  file?: string;
  data?: Buffer;
}

/**
 * Streams a ZIP (stored, no compression: MP4 is already compressed) of the entries under one top
 * folder, honouring back-pressure so a large export never sits in memory.
 */
export function zipStream(folder: string, entries: ZipEntry[]): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) return void out.destroy(err);
    out.write(Buffer.from(chunk));
    if (final) out.end();
  });
  void (async () => {
    for (const e of entries) {
      const f = new ZipPassThrough(`${folder}/${e.name}`);
      f.mtime = new Date();
      zip.add(f);
      if (e.data) f.push(e.data, true);
      else {
        for await (const chunk of createReadStream(e.file!)) {
          f.push(chunk as Buffer);
          if (out.writableNeedDrain) await once(out, 'drain');
        }
        f.push(new Uint8Array(0), true);
      }
    }
    zip.end();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
