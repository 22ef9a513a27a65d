import { constants, deflateRawSync } from 'node:zlib';

/**
 * Real ZIP bombs for the hostile-input tests (issue 12), built in milliseconds: one MiB of zeros
 * is deflated once with a full flush (a self-contained, non-final block) and repeated, then a
 * final empty block closes the stream — a valid deflate stream of `mib` MiB of zeros in about
 * `mib` KiB. The ZIP is written by hand so the central directory can lie about sizes.
 */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

export interface RawZipEntry {
  name: string;
  /** Compressed bytes as they go in the archive. */
  data: Buffer;
  method: 0 | 8;
  /** Uncompressed size written in the local header and the central directory (forge it at will). */
  declaredSize: number;
  crc32?: number;
}

/** A ZIP of raw entries (no data descriptors, no ZIP64). */
export function buildZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc32 ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32 ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A deflated entry of `mib` MiB of zeros; `declaredSize` defaults to the truth. */
export function zerosEntry(name: string, mib: number, declaredSize = mib * 1024 * 1024): RawZipEntry {
  return { name, data: deflatedZeros(mib), method: 8, declaredSize };
}

/** Any small file, deflated honestly. */
export function fileEntry(name: string, content: Buffer | string): RawZipEntry {
  const data = Buffer.from(content);
  return { name, data: deflateRawSync(data), method: 8, declaredSize: data.length };
}
