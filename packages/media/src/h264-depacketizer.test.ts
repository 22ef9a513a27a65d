import { describe, expect, it } from 'vitest';
import type { AccessUnit, ParameterSets } from './access-unit';
import { H264Depacketizer } from './h264-depacketizer';
import { H264_PPS_1080P, H264_SPS_1080P } from './test-fixtures';

interface Pkt {
  seq: number;
  ts: number;
  marker?: boolean;
  payload: Buffer;
}

function setup(opts: { keepParameterSets?: boolean } = {}) {
  const aus: AccessUnit[] = [];
  const params: ParameterSets[] = [];
  const dep = new H264Depacketizer({
    onAccessUnit: (au) => aus.push(au),
    onParameterSets: (ps) => params.push(ps),
    initialBufferSize: 16, // force growth paths
    ...opts,
  });
  const feed = (pkts: Pkt[]) => {
    for (const p of pkts) {
      // Surround the payload with junk to check offsets are honoured.
      const buf = Buffer.concat([Buffer.from([0xee, 0xee]), p.payload, Buffer.from([0xdd])]);
      dep.push(buf, 2, 2 + p.payload.length, p.seq, p.ts, p.marker ?? false);
      buf.fill(0); // the depacketizer must have copied what it needs
    }
  };
  return { dep, aus, params, feed };
}

const nal = (header: number, size: number, fill = 0xab) => Buffer.concat([Buffer.from([header]), Buffer.alloc(size - 1, fill)]);
const hex = (b: Buffer) => b.toString('hex');

/** Splits a NAL into FU-A payloads of at most `chunk` data bytes. */
function fuA(n: Buffer, chunk: number): Buffer[] {
  const indicator = (n[0]! & 0xe0) | 28;
  const type = n[0]! & 0x1f;
  const out: Buffer[] = [];
  for (let pos = 1; pos < n.length; pos += chunk) {
    const start = pos === 1;
    const end = pos + chunk >= n.length;
    out.push(Buffer.concat([Buffer.from([indicator, (start ? 0x80 : 0) | (end ? 0x40 : 0) | type]), n.subarray(pos, pos + chunk)]));
  }
  return out;
}

function stapA(...nals: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x18])];
  for (const n of nals) {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(n.length);
    parts.push(len, n);
  }
  return Buffer.concat(parts);
}

describe('H264Depacketizer', () => {
  it('emits single NAL unit packets as access units on the marker bit', () => {
    const { aus, feed } = setup();
    const idr = nal(0x65, 50);
    const p = nal(0x41, 30);
    feed([
      { seq: 1, ts: 1000, marker: true, payload: idr },
      { seq: 2, ts: 4000, marker: true, payload: p },
    ]);
    expect(aus).toHaveLength(2);
    expect(aus[0]!.keyframe).toBe(true);
    expect(aus[0]!.timestamp90k).toBe(0);
    expect(aus[0]!.rtpTimestamp).toBe(1000);
    expect(hex(aus[0]!.nalus[0]!)).toBe(hex(idr));
    expect(aus[1]!.keyframe).toBe(false);
    expect(aus[1]!.timestamp90k).toBe(3000);
    // data is the AVCC (length-prefixed) form of the NAL units
    expect(aus[1]!.data.readUInt32BE(0)).toBe(30);
    expect(hex(aus[1]!.data.subarray(4))).toBe(hex(p));
  });

  it('unpacks STAP-A, captures SPS/PPS and strips them from the access unit', () => {
    const { aus, params, feed, dep } = setup();
    const idr = nal(0x65, 20);
    feed([
      { seq: 10, ts: 0, payload: stapA(H264_SPS_1080P, H264_PPS_1080P, Buffer.from([0x09, 0xf0])) },
      { seq: 11, ts: 0, marker: true, payload: idr },
    ]);
    expect(aus).toHaveLength(1);
    expect(aus[0]!.nalus.map(hex)).toEqual([hex(idr)]);
    expect(params).toHaveLength(1);
    expect(hex(params[0]!.sps!)).toBe(hex(H264_SPS_1080P));
    expect(hex(dep.currentParameterSets.pps!)).toBe(hex(H264_PPS_1080P));
    // Same parameter sets again: no new notification.
    feed([
      { seq: 12, ts: 3000, payload: stapA(H264_SPS_1080P, H264_PPS_1080P) },
      { seq: 13, ts: 3000, marker: true, payload: idr },
    ]);
    expect(params).toHaveLength(1);
  });

  it('keeps parameter sets in-band when asked', () => {
    const { aus, feed } = setup({ keepParameterSets: true });
    feed([{ seq: 1, ts: 0, marker: true, payload: stapA(H264_SPS_1080P, H264_PPS_1080P, nal(0x65, 9)) }]);
    expect(aus[0]!.nalus.map((n) => n[0]! & 0x1f)).toEqual([7, 8, 5]);
  });

  it('reassembles FU-A start/middle/end', () => {
    const { aus, feed } = setup();
    const big = nal(0x65, 3000, 0x11);
    big[1500] = 0x22;
    const frags = fuA(big, 1000);
    expect(frags).toHaveLength(3);
    feed(frags.map((payload, i) => ({ seq: 100 + i, ts: 9000, marker: i === frags.length - 1, payload })));
    expect(aus).toHaveLength(1);
    expect(aus[0]!.nalus).toHaveLength(1);
    expect(hex(aus[0]!.nalus[0]!)).toBe(hex(big));
    expect(aus[0]!.keyframe).toBe(true);
    expect(aus[0]!.lostPackets).toBe(0);
  });

  it('builds frames made of several slices, split by marker bit', () => {
    const { aus, feed } = setup();
    const s1 = nal(0x65, 1200, 1);
    const s2 = nal(0x65, 900, 2);
    const s3 = nal(0x41, 100, 3);
    feed([
      ...fuA(s1, 500).map((payload, i) => ({ seq: 1 + i, ts: 0, payload })),
      { seq: 4, ts: 0, marker: true, payload: s2 },
      { seq: 5, ts: 6000, payload: s3 },
      { seq: 6, ts: 6000, marker: true, payload: s3 },
    ]);
    expect(aus).toHaveLength(2);
    expect(aus[0]!.nalus.map(hex)).toEqual([hex(s1), hex(s2)]);
    expect(aus[1]!.nalus).toHaveLength(2);
    expect(aus[1]!.timestamp90k).toBe(6000);
  });

  it('detects frame boundaries by timestamp change when the marker bit is missing', () => {
    const { aus, feed, dep } = setup();
    feed([
      { seq: 1, ts: 0, payload: nal(0x65, 10) },
      { seq: 2, ts: 0, payload: nal(0x65, 10) },
      { seq: 3, ts: 3000, payload: nal(0x41, 10) },
      { seq: 4, ts: 6000, payload: nal(0x41, 10) },
    ]);
    expect(aus.map((a) => [a.timestamp90k, a.nalus.length])).toEqual([
      [0, 2],
      [3000, 1],
    ]);
    dep.flush();
    expect(aus).toHaveLength(3);
  });

  it('drops a broken FU-A on a sequence gap, counts it, and keeps other NAL units', () => {
    const { aus, feed, dep } = setup();
    const good = nal(0x41, 40, 7);
    const broken = fuA(nal(0x41, 3000), 1000); // 3 fragments, the middle one is lost
    feed([
      { seq: 1, ts: 0, payload: good },
      { seq: 2, ts: 0, payload: broken[0]! },
      { seq: 4, ts: 0, marker: true, payload: broken[2]! },
    ]);
    expect(aus).toHaveLength(1);
    expect(aus[0]!.nalus.map(hex)).toEqual([hex(good)]);
    expect(aus[0]!.lostPackets).toBe(1);
    expect(dep.stats.lostPackets).toBe(1);
    expect(dep.stats.droppedNalUnits).toBe(1);
  });

  it('drops orphan FU-A fragments (start lost) once per broken unit', () => {
    const { aus, feed, dep } = setup();
    const frags = fuA(nal(0x41, 4000), 1000); // 4 fragments
    feed([
      { seq: 1, ts: 0, marker: true, payload: nal(0x65, 10) },
      // seq 2 (the start) is lost
      { seq: 3, ts: 3000, payload: frags[1]! },
      { seq: 4, ts: 3000, payload: frags[2]! },
      { seq: 5, ts: 3000, marker: true, payload: frags[3]! },
      { seq: 6, ts: 6000, marker: true, payload: nal(0x41, 10) },
    ]);
    expect(dep.stats.droppedNalUnits).toBe(1);
    expect(dep.stats.lostPackets).toBe(1);
    // The broken frame has no NAL left: it is not emitted.
    expect(aus.map((a) => a.timestamp90k)).toEqual([0, 6000]);
  });

  it('drops an FU-A whose end never came when a new start arrives', () => {
    const { aus, feed, dep } = setup();
    const a = fuA(nal(0x41, 2000, 1), 1000);
    const b = fuA(nal(0x41, 2000, 2), 1000);
    feed([
      { seq: 1, ts: 0, payload: a[0]! },
      { seq: 2, ts: 0, payload: b[0]! }, // server bug: new start without end, no seq gap
      { seq: 3, ts: 0, marker: true, payload: b[1]! },
    ]);
    expect(dep.stats.droppedNalUnits).toBe(1);
    expect(aus[0]!.nalus).toHaveLength(1);
    expect(aus[0]!.nalus[0]![1]).toBe(2);
  });

  it('ignores late packets and handles sequence and timestamp wrap-around', () => {
    const { aus, feed, dep } = setup();
    feed([
      { seq: 65535, ts: 0xffffff00, marker: true, payload: nal(0x65, 10) },
      { seq: 0, ts: 0x00000e74, marker: true, payload: nal(0x41, 10) }, // ts wrapped: +3700
      { seq: 65534, ts: 0, marker: true, payload: nal(0x41, 10) }, // late
    ]);
    expect(aus.map((a) => a.timestamp90k)).toEqual([0, 0x100 + 0xe74]);
    expect(dep.stats.latePackets).toBe(1);
    expect(dep.stats.lostPackets).toBe(0);
  });

  it('counts unsupported packet types and malformed STAP-A', () => {
    const { feed, dep } = setup();
    feed([
      { seq: 1, ts: 0, payload: Buffer.from([0x1d, 0x85, 0x00]) }, // FU-B
      { seq: 2, ts: 0, payload: Buffer.from([0x18, 0x00, 0x09, 0x65]) }, // STAP-A size beyond packet
    ]);
    expect(dep.stats.droppedNalUnits).toBe(2);
  });

  it('drops oversized access units', () => {
    const aus: AccessUnit[] = [];
    const dep = new H264Depacketizer({ onAccessUnit: (au) => aus.push(au), maxAccessUnitSize: 100 });
    const big = nal(0x65, 300);
    for (const [i, f] of fuA(big, 50).entries()) dep.push(f, 0, f.length, i, 0, false);
    dep.push(nal(0x41, 10), 0, 10, 100, 3000, true);
    expect(dep.stats.oversizedAccessUnits).toBe(1);
    expect(aus.map((a) => a.timestamp90k)).toEqual([3000]);
  });
});
