import { describe, expect, it } from 'vitest';
import { JitterBuffer } from './jitter-buffer';
import { buildRtpPacket } from './rtp';

const pkt = (seq: number) => buildRtpPacket({ payloadType: 96, sequence: seq, timestamp: 0, payload: Buffer.from([seq & 0xff]) });
const seqOf = (p: Buffer) => p.readUInt16BE(2);

function setup(opts = {}) {
  const out: number[] = [];
  const jb = new JitterBuffer((p) => out.push(seqOf(p)), opts);
  return { out, jb };
}

describe('UDP jitter buffer', () => {
  it('passes in-order packets straight through', () => {
    const { out, jb } = setup();
    for (const s of [1, 2, 3]) jb.push(pkt(s), 0);
    expect(out).toEqual([1, 2, 3]);
    expect(jb.buffered).toBe(0);
  });

  it('puts reordered packets back in sequence order, across the 16-bit wrap', () => {
    const { out, jb } = setup();
    for (const s of [65534, 0, 65535, 2, 1, 3]) jb.push(pkt(s), 0);
    expect(out).toEqual([65534, 65535, 0, 1, 2, 3]);
    expect(jb.stats.reordered).toBe(2); // 0 and 2 waited for a predecessor
  });

  it('gives up on a missing packet after maxDelayMs and drops it if it arrives later', () => {
    const { out, jb } = setup({ maxDelayMs: 100 });
    jb.push(pkt(10), 0);
    jb.push(pkt(12), 10);
    jb.push(pkt(13), 20);
    expect(out).toEqual([10]);
    expect(jb.poll(50)).toBe(60); // 12 waits until t=110
    expect(jb.poll(110)).toBeUndefined();
    expect(out).toEqual([10, 12, 13]);
    jb.push(pkt(11), 120); // too late
    expect(out).toEqual([10, 12, 13]);
    expect(jb.stats).toMatchObject({ late: 1, skips: 1 });
  });

  it('gives up when more than maxPackets are waiting, and ignores duplicates', () => {
    const { out, jb } = setup({ maxPackets: 3 });
    jb.push(pkt(1), 0);
    for (const s of [3, 3, 4, 5]) jb.push(pkt(s), 0);
    expect(out).toEqual([1]);
    jb.push(pkt(6), 0);
    expect(out).toEqual([1, 3, 4, 5, 6]);
    expect(jb.stats.duplicates).toBe(1);
  });

  it('restarts on a far jump (new stream) without losing what it held', () => {
    const { out, jb } = setup();
    jb.push(pkt(1), 0);
    jb.push(pkt(3), 0);
    jb.push(pkt(5000), 0);
    expect(out).toEqual([1, 3, 5000]);
  });
});
