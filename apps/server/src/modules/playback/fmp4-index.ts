/**
 * Reads the layout of a recorded segment (a self-contained fMP4: ftyp + moov, then moof+mdat
 * pairs written by the media node's recorder) so playback can serve byte ranges of it: where the
 * init part ends, the track timescale, and each complete fragment's offset, size, decode time,
 * sample count and whether it starts with a keyframe. A segment still being written is read up to
 * its last complete fragment. `scanSegmentLayout` walks the top-level box headers with ranged reads
 * (the mdat payloads are skipped, never read) and can resume where an earlier scan stopped.
 */
export interface FragmentInfo {
  offset: number;
  size: number;
  /** tfdt, in timescale units. */
  decodeTime: number;
  /** Sum of sample durations, in timescale units. */
  duration: number;
  /** Number of samples (frames). */
  samples: number;
  /** First sample is a sync sample (keyframe). */
  sync: boolean;
}

export interface SegmentLayout {
  initEnd: number;
  timescale: number;
  fragments: FragmentInfo[];
}

interface Box {
  type: string;
  start: number;
  size: number;
  header: number;
}

function* boxes(buf: Buffer, start: number, end: number): Generator<Box> {
  let o = start;
  while (o + 8 <= end) {
    let size = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    let header = 8;
    if (size === 1) {
      if (o + 16 > end) return;
      size = Number(buf.readBigUInt64BE(o + 8));
      header = 16;
    } else if (size === 0) size = end - o;
    if (size < header || o + size > end) return; // incomplete (segment still being written)
    yield { type, start: o, size, header };
    o += size;
  }
}

const child = (buf: Buffer, parent: Box, type: string) => {
  for (const b of boxes(buf, parent.start + parent.header, parent.start + parent.size)) if (b.type === type) return b;
  return undefined;
};

function timescaleOf(buf: Buffer, moov: Box): number {
  const trak = child(buf, moov, 'trak');
  const mdia = trak && child(buf, trak, 'mdia');
  const mdhd = mdia && child(buf, mdia, 'mdhd');
  if (!mdhd) throw new Error('segment without mdhd');
  const p = mdhd.start + mdhd.header;
  return buf[p] === 1 ? buf.readUInt32BE(p + 4 + 16) : buf.readUInt32BE(p + 4 + 8);
}

function fragmentOf(buf: Buffer, moof: Box, mdat: Box): FragmentInfo | undefined {
  const traf = child(buf, moof, 'traf');
  if (!traf) return undefined;
  const tfhd = child(buf, traf, 'tfhd');
  const tfdt = child(buf, traf, 'tfdt');
  const trun = child(buf, traf, 'trun');
  if (!tfdt || !trun) return undefined;
  const dp = tfdt.start + tfdt.header;
  const decodeTime = buf[dp] === 1 ? Number(buf.readBigUInt64BE(dp + 4)) : buf.readUInt32BE(dp + 4);
  // tfhd defaults (duration 0x08, flags 0x20) may stand in for per-sample values.
  let defDur = 0;
  let defFlags = 0;
  if (tfhd) {
    const hp = tfhd.start + tfhd.header;
    const f = buf.readUInt32BE(hp) & 0xffffff;
    let q = hp + 8;
    if (f & 0x01) q += 8;
    if (f & 0x02) q += 4;
    if (f & 0x08) (defDur = buf.readUInt32BE(q)), (q += 4);
    if (f & 0x10) q += 4;
    if (f & 0x20) defFlags = buf.readUInt32BE(q);
  }
  const tp = trun.start + trun.header;
  const flags = buf.readUInt32BE(tp) & 0xffffff;
  const count = buf.readUInt32BE(tp + 4);
  let q = tp + 8;
  if (flags & 0x001) q += 4;
  let firstFlags: number | undefined;
  if (flags & 0x004) (firstFlags = buf.readUInt32BE(q)), (q += 4);
  let duration = 0;
  let sync = false;
  for (let i = 0; i < count; i++) {
    let d = defDur;
    let sf = defFlags;
    if (flags & 0x100) (d = buf.readUInt32BE(q)), (q += 4);
    if (flags & 0x200) q += 4;
    if (flags & 0x400) (sf = buf.readUInt32BE(q)), (q += 4);
    if (flags & 0x800) q += 4;
    if (i === 0) sync = ((firstFlags ?? sf) & 0x00010000) === 0;
    duration += d;
  }
  return { offset: moof.start, size: mdat.start + mdat.size - moof.start, decodeTime, duration, samples: count, sync };
}

export function segmentLayout(buf: Buffer): SegmentLayout {
  let initEnd = 0;
  let timescale = 0;
  const fragments: FragmentInfo[] = [];
  let moof: Box | undefined;
  for (const b of boxes(buf, 0, buf.length)) {
    if (b.type === 'moov') {
      timescale = timescaleOf(buf, b);
      initEnd = b.start + b.size;
    } else if (b.type === 'moof') moof = b;
    else if (b.type === 'mdat' && moof) {
      const f = fragmentOf(buf, moof, b);
      if (f) fragments.push(f);
      moof = undefined;
    }
  }
  if (!initEnd || !timescale) throw new Error('segment without init (moov)');
  return { initEnd, timescale, fragments };
}

/** Frames per second of a layout's fragments (undefined when it has no timed samples). */
export function frameRate(layout: SegmentLayout): number | undefined {
  let samples = 0;
  let duration = 0;
  for (const f of layout.fragments) (samples += f.samples), (duration += f.duration);
  return samples && duration ? (samples * layout.timescale) / duration : undefined;
}

/** A scan that can be resumed when the segment grows: `resumeAt` is the end of the last complete fragment. */
export interface LayoutScan {
  layout: SegmentLayout;
  /** Object size the scan saw. */
  size: number;
  resumeAt: number;
}

/** Bytes read per probe: the moof of a 1 s fragment (12 bytes a sample) and the next mdat header fit in it. */
const PROBE = 4 * 1024;

/**
 * Layout of a segment from ranged reads: one probe per fragment — the moof and the following mdat
 * header are parsed from it (a larger moov/moof is read whole), the mdat payloads are skipped.
 * `prev` (same key, object not shorter) resumes after the last complete fragment.
 */
export async function scanSegmentLayout(
  read: (start: number, end: number) => Promise<Buffer>,
  size: number,
  prev?: LayoutScan,
): Promise<LayoutScan> {
  const resume = prev && prev.size <= size && prev.layout.initEnd > 0;
  let initEnd = resume ? prev.layout.initEnd : 0;
  let timescale = resume ? prev.layout.timescale : 0;
  const fragments = resume ? [...prev.layout.fragments] : [];
  let o = resume ? prev.resumeAt : 0;
  let resumeAt = o;
  let win: Buffer = Buffer.alloc(0);
  let winStart = o;
  let moof: { start: number; buf: Buffer } | undefined; // waiting for its mdat
  const bytes = async (start: number, end: number): Promise<Buffer> => {
    if (start < winStart || end > winStart + win.length) {
      win = await read(start, Math.min(size, Math.max(end, start + PROBE)));
      winStart = start;
    }
    return win.subarray(start - winStart, end - winStart);
  };
  while (o + 8 <= size) {
    const head = await bytes(o, Math.min(size, o + 16));
    if (head.length < 8) break;
    let boxSize = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (boxSize === 1) {
      if (head.length < 16) break;
      boxSize = Number(head.readBigUInt64BE(8));
    } else if (boxSize === 0) boxSize = size - o;
    if (boxSize < 8 || o + boxSize > size) break; // incomplete (segment still being written)
    if (type === 'moov') {
      const box = await bytes(o, o + boxSize);
      timescale = timescaleOf(box, boxes(box, 0, box.length).next().value as Box);
      initEnd = resumeAt = o + boxSize;
    } else if (type === 'moof') {
      moof = { start: o, buf: Buffer.from(await bytes(o, o + boxSize)) };
    } else if (type === 'mdat' && moof) {
      const box = boxes(moof.buf, 0, moof.buf.length).next().value as Box;
      const f = fragmentOf(moof.buf, box, { type, start: o - moof.start, size: boxSize, header: 8 });
      if (f) fragments.push({ ...f, offset: moof.start, size: o + boxSize - moof.start });
      moof = undefined;
      resumeAt = o + boxSize;
    }
    o += boxSize;
  }
  if (!initEnd || !timescale) throw new Error('segment without init (moov)');
  return { layout: { initEnd, timescale, fragments }, size, resumeAt };
}
