import { describe, expect, it } from 'vitest';
import type { AccessUnit, ParameterSets } from './access-unit';
import { H265Depacketizer } from './h265-depacketizer';
import { HEVC_PPS, HEVC_SPS, HEVC_VPS } from './test-fixtures';

const hex = (b: Buffer) => b.toString('hex');
/** H.265 NAL with a 2-byte header (layer 0, TID 1). */
const nal = (type: number, size: number, fill = 0xab) => Buffer.concat([Buffer.from([type << 1, 0x01]), Buffer.alloc(size - 2, fill)]);

function ap(nals: Buffer[], donl = false): Buffer {
  const parts: Buffer[] = [Buffer.from([48 << 1, 0x01])];
  nals.forEach((n, i) => {
    if (donl) parts.push(i === 0 ? Buffer.from([0, 0]) : Buffer.from([0]));
    const len = Buffer.alloc(2);
    len.writeUInt16BE(n.length);
    parts.push(len, n);
  });
  return Buffer.concat(parts);
}

function fu(n: Buffer, chunk: number, donl = false): Buffer[] {
  const type = (n[0]! >> 1) & 0x3f;
  const hdr = [(n[0]! & 0x81) | (49 << 1), n[1]!];
  const out: Buffer[] = [];
  for (let pos = 2; pos < n.length; pos += chunk) {
    const s = pos === 2;
    const e = pos + chunk >= n.length;
    const parts: Buffer[] = [Buffer.from([...hdr, (s ? 0x80 : 0) | (e ? 0x40 : 0) | type])];
    if (s && donl) parts.push(Buffer.from([0x12, 0x34]));
    parts.push(n.subarray(pos, pos + chunk));
    out.push(Buffer.concat(parts));
  }
  return out;
}

function setup(donlPresent = false) {
  const aus: AccessUnit[] = [];
  const params: ParameterSets[] = [];
  const dep = new H265Depacketizer({ onAccessUnit: (a) => aus.push(a), onParameterSets: (p) => params.push(p), donlPresent });
  let seq = 1000;
  const feed = (payload: Buffer, ts: number, marker = false) => dep.push(payload, 0, payload.length, seq++, ts, marker);
  return { dep, aus, params, feed, skip: () => seq++ };
}

describe('H265Depacketizer', () => {
  it('handles single NAL unit packets and IRAP keyframes', () => {
    const { aus, feed } = setup();
    feed(nal(19, 30), 0, true); // IDR_W_RADL
    feed(nal(1, 30), 3000, true); // TRAIL_R
    feed(nal(21, 30), 6000, true); // CRA
    expect(aus.map((a) => a.keyframe)).toEqual([true, false, true]);
    expect(aus[0]!.codec).toBe('h265');
  });

  it('unpacks aggregation packets and captures VPS/SPS/PPS', () => {
    const { aus, params, feed } = setup();
    const idr = nal(20, 40);
    feed(ap([HEVC_VPS, HEVC_SPS, HEVC_PPS]), 0);
    feed(idr, 0, true);
    expect(aus).toHaveLength(1);
    expect(aus[0]!.nalus.map(hex)).toEqual([hex(idr)]);
    expect(params).toHaveLength(1);
    expect(hex(params[0]!.vps!)).toBe(hex(HEVC_VPS));
    expect(hex(params[0]!.sps!)).toBe(hex(HEVC_SPS));
    expect(hex(params[0]!.pps!)).toBe(hex(HEVC_PPS));
  });

  it('reassembles fragmentation units (start/middle/end)', () => {
    const { aus, feed } = setup();
    const big = nal(19, 5000, 0x42);
    big[1234] = 0x99;
    const frags = fu(big, 1400);
    expect(frags.length).toBe(4);
    frags.forEach((f, i) => feed(f, 90, i === frags.length - 1));
    expect(aus).toHaveLength(1);
    expect(hex(aus[0]!.nalus[0]!)).toBe(hex(big));
    expect(aus[0]!.keyframe).toBe(true);
  });

  it('handles DONL fields when sprop-max-don-diff > 0', () => {
    const { aus, feed } = setup(true);
    const a = nal(1, 10, 1);
    const b = nal(1, 12, 2);
    feed(ap([a, b], true), 0, true);
    const big = nal(1, 3000, 3);
    fu(big, 1000, true).forEach((f, i, all) => feed(f, 3000, i === all.length - 1));
    expect(aus[0]!.nalus.map(hex)).toEqual([hex(a), hex(b)]);
    expect(hex(aus[1]!.nalus[0]!)).toBe(hex(big));
  });

  it('drops a fragmented unit with a lost fragment and counts it', () => {
    const { aus, feed, skip, dep } = setup();
    const frags = fu(nal(1, 4000), 1000);
    feed(nal(1, 20, 5), 0);
    feed(frags[0]!, 0);
    skip();
    feed(frags[2]!, 0);
    feed(frags[3]!, 0, true);
    expect(dep.stats.droppedNalUnits).toBe(1);
    expect(dep.stats.lostPackets).toBe(1);
    expect(aus[0]!.nalus).toHaveLength(1);
    expect(aus[0]!.lostPackets).toBe(1);
  });

  it('counts PACI packets as dropped', () => {
    const { feed, dep } = setup();
    feed(Buffer.from([50 << 1, 1, 0, 0, 0]), 0, true);
    expect(dep.stats.droppedNalUnits).toBe(1);
  });
});
