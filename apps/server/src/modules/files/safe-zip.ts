import { createHash } from 'node:crypto';
import { Inflate } from 'fflate';

/**
 * Reads a ZIP (PKWARE APPNOTE 6.3) from hostile senders. Nothing is trusted: the central
 * directory is parsed by hand and its declared sizes are only used to refuse early (an honest
 * bomb — a huge size or ratio — is refused before a byte is inflated); every entry is then
 * inflated in small slices while the bytes actually produced are counted, and inflation stops as
 * soon as an entry exceeds its declared size (a forged directory; the declared size already passed
 * the per-entry and ratio caps), the per-entry cap or the archive's total cap. A directory whose
 * compressed size is larger than any deflate of the declared size is refused as forged outright. Entries are inflated one at a time and only when a caller asks, so a
 * reader that needs three entries never inflates the fourth.
 *
 * Synchronous by design (fflate): the caps bound the work, and the export verifier runs it in a
 * worker thread (verify-export-zip.ts) so even the capped work never holds the event loop.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes one entry may produce. */
  maxEntryBytes: number;
  /** Inflated bytes all entries together may produce (counted as actually inflated). */
  maxTotalBytes: number;
  /** Inflated ÷ compressed size an entry may reach once it is past `ratioFloorBytes`. */
  maxRatio: number;
}

/** Entries smaller than this are never refused for their ratio (a short text compresses very well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step yields ≤ ~1 MB. */
const SLICE = 1024;

export type ZipRefusalReason = 'invalid' | 'too_large';

/** The archive cannot be read safely: corrupt or forged (`invalid`) or it would inflate past a cap (`too_large`). */
export class ZipRefusedError extends Error {
  constructor(
    readonly reason: ZipRefusalReason,
    detail: string,
  ) {
    super(`zip refused (${reason}): ${detail}`);
  }
}

export interface ZipEntryInfo {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const invalid = (detail: string) => new ZipRefusedError('invalid', detail);
const tooLarge = (detail: string) => new ZipRefusedError('too_large', detail);

/** Parses the central directory and refuses, before inflating anything, what its declared sizes already condemn. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw invalid('too short');
  let eocd = -1;
  for (let i = buf.length - 22, min = Math.max(0, buf.length - 65_557); i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw invalid('ZIP64');
  if (count > limits.maxEntries) throw tooLarge(`${count} entries`);
  if (cdOffset + cdSize > buf.length) throw invalid('central directory outside the file');
  const entries: ZipEntryInfo[] = [];
  let declaredTotal = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw invalid('bad central directory entry');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const declaredSize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const localHeaderOffset = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLen > buf.length) throw invalid('name outside the file');
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (flags & 0x1) throw invalid(`${name}: encrypted`);
    if (method !== 0 && method !== 8) throw invalid(`${name}: method ${method}`);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw invalid('ZIP64');
    if (method === 0 && compressedSize !== declaredSize) throw invalid(`${name}: stored sizes differ`);
    // Deflate never needs more than ~9/8 of the input (+ block headers); twice is generous. More
    // compressed bytes than that for the declared size means the directory lies about the size.
    if (method === 8 && compressedSize > declaredSize * 2 + 1024) throw invalid(`${name}: declared size forged`);
    if (declaredSize > limits.maxEntryBytes) throw tooLarge(`${name}: declares ${declaredSize} bytes`);
    if (declaredSize > RATIO_FLOOR_BYTES && declaredSize > compressedSize * limits.maxRatio)
      throw tooLarge(`${name}: declares a ratio above ${limits.maxRatio}`);
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxTotalBytes) throw tooLarge('declared total');
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * An archive opened for capped, lazy reading. `inflatedBytes` is the number of bytes actually
 * produced so far (never above `maxTotalBytes` plus one slice's output).
 */
export class SafeZip {
  readonly entries: ZipEntryInfo[];
  inflatedBytes = 0;
  private readonly buf: Buffer;

  constructor(
    bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = listZipEntries(bytes, limits);
  }

  /** Compressed bytes of an entry, located through its local header. */
  private raw(e: ZipEntryInfo): Buffer {
    const at = e.localHeaderOffset;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== LOCAL) throw invalid(`${e.name}: bad local header`);
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    if (start + e.compressedSize > this.buf.length) throw invalid(`${e.name}: data outside the file`);
    return this.buf.subarray(start, start + e.compressedSize);
  }

  /**
   * Streams an entry's inflated bytes to `sink`, counting them; throws ZipRefusedError the moment a
   * limit is crossed (the current slice's output is the most ever produced past it).
   */
  inflate(e: ZipEntryInfo, sink: (chunk: Uint8Array) => void, maxBytes = this.limits.maxEntryBytes): void {
    const raw = this.raw(e);
    const count = (n: number) => {
      this.inflatedBytes += n;
      if (this.inflatedBytes > this.limits.maxTotalBytes) throw tooLarge('inflated total');
    };
    if (e.method === 0) {
      if (raw.length > maxBytes) throw tooLarge(`${e.name}: ${raw.length} bytes`);
      count(raw.length);
      sink(raw);
      return;
    }
    // The declared size passed the ratio check, so the declared size bounds the ratio too.
    const cap = Math.min(e.declaredSize, maxBytes);
    let produced = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      count(chunk.length);
      if (produced > e.declaredSize) throw invalid(`${e.name}: inflates past its declared size`);
      if (produced > cap) throw tooLarge(`${e.name}: inflated past the cap`);
      if (chunk.length) sink(chunk);
      if (final) ended = true;
    });
    try {
      for (let off = 0; off < raw.length; off += SLICE) inflater.push(raw.subarray(off, off + SLICE), off + SLICE >= raw.length);
      if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipRefusedError) throw err;
      throw invalid(`${e.name}: corrupt deflate data`);
    }
    if (!ended || produced !== e.declaredSize) throw invalid(`${e.name}: inflated size differs from the declared size`);
  }

  /** An entry's whole content in memory, at most `maxBytes`. */
  read(e: ZipEntryInfo, maxBytes = this.limits.maxEntryBytes): Buffer {
    const parts: Uint8Array[] = [];
    this.inflate(e, (c) => parts.push(c), maxBytes);
    return Buffer.concat(parts);
  }

  /** Size and SHA-256 of an entry without holding it in memory. */
  digest(e: ZipEntryInfo): { size: number; sha256: string } {
    const h = createHash('sha256');
    let size = 0;
    this.inflate(e, (c) => {
      h.update(c);
      size += c.length;
    });
    return { size, sha256: h.digest('hex') };
  }
}
