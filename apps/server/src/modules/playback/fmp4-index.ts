/**
 * Reads the layout of a recorded segment (a self-contained fMP4: ftyp + moov, then moof+mdat
 * pairs written by the media node's recorder) so playback can serve byte ranges of it: where the
 * init part ends, the track timescale, and each complete fragment's offset, size, decode time and
 * whether it starts with a keyframe. A segment still being written is read up to its last
 * complete fragment.
 */
export interface FragmentInfo {
  offset: number;
  size: number;
  /** tfdt, in timescale units. */
  decodeTime: number;
  /** Sum of sample durations, in timescale units. */
  duration: number;
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
  return { offset: moof.start, size: mdat.start + mdat.size - moof.start, decodeTime, duration, sync };
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
