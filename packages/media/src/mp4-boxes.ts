/**
 * ISO BMFF (MP4) box helpers: builders for the init segment (built rarely, so they favour
 * clarity) and a small box-tree reader used by tests and tools.
 */

/** Writes a box: 32-bit size + 4-character type + payload. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  if (type.length !== 4) throw new Error(`invalid box type ${type}`);
  let size = 8;
  for (const p of payload) size += p.length;
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32BE(size, 0);
  out.write(type, 4, 'latin1');
  let pos = 8;
  for (const p of payload) {
    p.copy(out, pos);
    pos += p.length;
  }
  return out;
}

/** Writes a full box: box header + 8-bit version + 24-bit flags + payload. */
export function fullBox(type: string, version: number, flags: number, ...payload: Buffer[]): Buffer {
  const vf = Buffer.allocUnsafe(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
  return box(type, vf, ...payload);
}

export function u8(v: number): Buffer {
  return Buffer.from([v & 0xff]);
}

export function u16(v: number): Buffer {
  const b = Buffer.allocUnsafe(2);
  b.writeUInt16BE(v & 0xffff, 0);
  return b;
}

export function u32(v: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(v >>> 0, 0);
  return b;
}

export function u64(v: number | bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigUInt64BE(BigInt(v), 0);
  return b;
}

export function zeros(n: number): Buffer {
  return Buffer.alloc(n);
}

export function fourcc(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/** The identity transformation matrix used by mvhd/tkhd. */
export const UNITY_MATRIX = Buffer.from([
  0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 0x00,
  0x00,
]);

/**
 * A trak for fragmented MP4: tkhd (enabled + in movie, no duration), mdia with the media's
 * timescale and handler, and minf with empty sample tables (the samples are in the fragments).
 * Video carries its size; audio its volume and alternate group.
 */
export function fragmentedTrak(t: {
  trackId: number;
  handler: 'vide' | 'soun';
  timescale: number;
  /** vmhd or smhd. */
  mediaHeader: Buffer;
  sampleEntry: Buffer;
  width?: number;
  height?: number;
  alternateGroup?: number;
  volume?: number;
}): Buffer {
  const tkhd = fullBox(
    'tkhd',
    0,
    0x000003, // enabled + in movie
    u32(0),
    u32(0),
    u32(t.trackId),
    u32(0),
    u32(0), // duration
    zeros(8),
    u16(0), // layer
    u16(t.alternateGroup ?? 0), // alternate_group
    u16(t.volume ?? 0), // volume (0 for video)
    u16(0),
    UNITY_MATRIX,
    u32((t.width ?? 0) * 65536),
    u32((t.height ?? 0) * 65536),
  );
  const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(t.timescale), u32(0), u16(0x55c4 /* "und" */), u16(0));
  const handlerName = t.handler === 'vide' ? 'VideoHandler\0' : 'SoundHandler\0';
  const hdlr = fullBox('hdlr', 0, 0, u32(0), fourcc(t.handler), zeros(12), Buffer.from(handlerName, 'latin1'));
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), t.sampleEntry),
    fullBox('stts', 0, 0, u32(0)),
    fullBox('stsc', 0, 0, u32(0)),
    fullBox('stsz', 0, 0, u32(0), u32(0)),
    fullBox('stco', 0, 0, u32(0)),
  );
  return box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', t.mediaHeader, dinf, stbl)));
}

export interface ParsedBox {
  type: string;
  /** Offset of the box header in the parsed buffer. */
  offset: number;
  size: number;
  /** Payload (after the 8- or 16-byte header). */
  data: Buffer;
  children?: ParsedBox[];
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf', 'mvex', 'moof', 'traf', 'edts', 'udta']);

/** Reads the box tree of an MP4 buffer (containers are descended into). */
export function parseBoxes(buf: Buffer, base = 0): ParsedBox[] {
  const out: ParsedBox[] = [];
  let pos = 0;
  while (pos + 8 <= buf.length) {
    let size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(pos + 8));
      header = 16;
    } else if (size === 0) {
      size = buf.length - pos;
    }
    if (size < header || pos + size > buf.length) throw new Error(`truncated box ${type} at ${base + pos}`);
    const data = buf.subarray(pos + header, pos + size);
    const b: ParsedBox = { type, offset: base + pos, size, data };
    if (CONTAINERS.has(type)) b.children = parseBoxes(data, base + pos + header);
    out.push(b);
    pos += size;
  }
  return out;
}

/** Finds the first box along a path like "moov/trak/mdia/mdhd". */
export function findBox(boxes: ParsedBox[], path: string): ParsedBox | undefined {
  const [head, ...rest] = path.split('/');
  for (const b of boxes) {
    if (b.type !== head) continue;
    if (rest.length === 0) return b;
    const found = b.children ? findBox(b.children, rest.join('/')) : undefined;
    if (found) return found;
  }
  return undefined;
}
