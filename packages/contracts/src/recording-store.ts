/**
 * Node-only helpers shared by the media node (writes recordings) and the API (reads, verifies,
 * deletes, exports): the storage interface with its local-filesystem implementation, the dated
 * storage keys and the per-camera hash chain. Subpath export `@vigia/contracts/recording-store`
 * (never imported by the web bundle).
 */
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where segment bytes live. Local filesystem now; an S3-compatible store implements the same. */
export interface RecordingStorage {
  /** Opens a new object for appending (the recorder writes fragment by fragment). */
  create(key: string): Promise<RecordingWriter>;
  /** Reads an object (optionally a byte range, end inclusive). */
  read(key: string, range?: { start: number; end?: number }): ReadStream;
  readAll(key: string): Promise<Buffer>;
  /**
   * Opens an object for ranged reads (playback reads only the init part and the fragments it
   * serves). Local: one file handle, positional reads. S3-compatible: HEAD for the size, one
   * `Range: bytes=start-(end-1)` GET per read.
   */
  openRanged(key: string): Promise<RangedReader>;
  stat(key: string): Promise<{ size: number; mtimeMs: number } | undefined>;
  truncate(key: string, size: number): Promise<void>;
  remove(key: string): Promise<void>;
  /** Removes many keys (object storage: DeleteObjects batches of ≤ 1000 keys). */
  removeMany(keys: string[]): Promise<void>;
  /** Moves an object (orphan quarantine). */
  move(from: string, to: string): Promise<void>;
  /** Lists keys under a prefix (bounded). */
  list(prefix: string, limit: number): Promise<string[]>;
  /** Free bytes on the volume (undefined when unknown, e.g. object storage). */
  freeBytes(): Promise<number | undefined>;
  /** Absolute path of a key when local (ffmpeg input); undefined for remote stores. */
  localPath(key: string): string | undefined;
}

export interface RangedReader {
  /** Size of the object when it was opened (a segment being written may grow afterwards). */
  readonly size: number;
  /** Bytes [start, end) — fewer only at the end of the object. */
  read(start: number, end: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface RecordingWriter {
  write(chunk: Buffer): Promise<void>;
  /** Flushes to stable storage (fsync) — called after each fragment is not needed; at close. */
  close(): Promise<void>;
}

const KEY = /^(?:[\w.-]+\/)*[\w.-]+$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((p) => p === '..' || p === '.')) throw new Error(`bad storage key: ${key}`);
  return key;
}

export class LocalRecordingStorage implements RecordingStorage {
  constructor(readonly root: string) {}

  localPath(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async create(key: string): Promise<RecordingWriter> {
    const file = this.localPath(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const fh = await fs.open(file, 'a');
    return {
      write: async (chunk) => {
        // A short write (volume filling up) goes on with the rest; the next call reports ENOSPC.
        for (let off = 0; off < chunk.length; ) {
          const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
          if (bytesWritten <= 0) throw new Error(`short write to ${key}`);
          off += bytesWritten;
        }
      },
      close: async () => {
        await fh.sync().catch(() => undefined);
        await fh.close();
      },
    };
  }

  read(key: string, range?: { start: number; end?: number }): ReadStream {
    return createReadStream(
      this.localPath(key),
      range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : undefined,
    );
  }

  readAll(key: string): Promise<Buffer> {
    return fs.readFile(this.localPath(key));
  }

  async openRanged(key: string): Promise<RangedReader> {
    const fh = await fs.open(this.localPath(key), 'r');
    try {
      const { size } = await fh.stat();
      return {
        size,
        read: async (start, end) => {
          const buf = Buffer.allocUnsafe(Math.max(0, end - start));
          let got = 0;
          while (got < buf.length) {
            const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
            if (!bytesRead) break;
            got += bytesRead;
          }
          return got === buf.length ? buf : buf.subarray(0, got);
        },
        close: () => fh.close(),
      };
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  async stat(key: string) {
    try {
      const s = await fs.stat(this.localPath(key));
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async truncate(key: string, size: number): Promise<void> {
    await fs.truncate(this.localPath(key), size);
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.localPath(key), { force: true });
  }

  async removeMany(keys: string[]): Promise<void> {
    for (const k of keys) await this.remove(k);
  }

  async move(from: string, to: string): Promise<void> {
    const dest = this.localPath(to);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.rename(this.localPath(from), dest);
    const t = new Date();
    await fs.utimes(dest, t, t);
  }

  async list(prefix: string, limit: number): Promise<string[]> {
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      if (out.length >= limit) return;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(path.join(this.root, rel), { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (out.length >= limit) return;
        const k = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(k);
        else if (e.isFile()) out.push(k);
      }
    };
    await walk(prefix.replace(/\/$/, ''));
    return out;
  }

  async freeBytes(): Promise<number | undefined> {
    try {
      await fs.mkdir(this.root, { recursive: true });
      const s = await fs.statfs(this.root);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** camera/YYYY/MM/DD/HH/<mmss>-<ms>-<seq>.mp4 in UTC. */
export function segmentKey(cameraId: string, start: Date, seq: number): string {
  const d = start;
  return `${cameraId}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}-${seq}.mp4`;
}

export const GENESIS_CHAIN_HASH = '0'.repeat(64);

export interface ChainFields {
  cameraId: string;
  seq: number;
  startMs: number;
  endMs: number;
  sizeBytes: number;
  sha256: string;
}

/** chain_n = SHA-256(chain_{n-1} | camera | seq | start | end | size | sha256(file)). */
export function chainHash(prev: string, f: ChainFields): string {
  return createHash('sha256').update(`${prev}|${f.cameraId}|${f.seq}|${f.startMs}|${f.endMs}|${f.sizeBytes}|${f.sha256}`).digest('hex');
}

export async function sha256OfStream(stream: NodeJS.ReadableStream): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Length of the prefix made of complete top-level MP4 boxes (crash recovery: a segment cut in
 * the middle of a fragment is truncated to its last complete moof+mdat).
 */
export function completeBoxesLength(buf: Buffer): number {
  let off = 0;
  let lastGood = 0;
  while (off + 8 <= buf.length) {
    let size = buf.readUInt32BE(off);
    if (size === 1 && off + 16 <= buf.length) size = Number(buf.readBigUInt64BE(off + 8));
    if (size < 8 || off + size > buf.length) break;
    off += size;
    const type = buf.toString('latin1', off - size + 4, off - size + 8);
    // A fragment is complete after its mdat; the init (ftyp+moov) after moov.
    if (type === 'mdat' || type === 'moov') lastGood = off;
  }
  return lastGood;
}
