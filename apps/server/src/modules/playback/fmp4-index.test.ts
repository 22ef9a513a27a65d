import { buildInitSegment, buildMediaSegment, createVideoTrack } from '@vigia/media';
import { describe, expect, it } from 'vitest';
import { frameRate, scanSegmentLayout, segmentLayout } from './fmp4-index';

const SPS = Buffer.from('6742c016d900a02ff970110000030001000003001e0f162e48', 'hex');
const PPS = Buffer.from('68ebc3cb22c0', 'hex');
const init = buildInitSegment(createVideoTrack('h264', { sps: SPS, pps: PPS }));
const sample = (keyframe: boolean) => ({ data: Buffer.alloc(3000, keyframe ? 0x65 : 0x41), duration: 6000, keyframe }); // 15 fps at 90 kHz
/** A fragment of `n` frames (the first a keyframe when `key`). */
const fragment = (seq: number, n: number, key: boolean) =>
  buildMediaSegment(
    seq,
    (seq - 1) * n * 6000,
    Array.from({ length: n }, (_, i) => sample(key && i === 0)),
  );

function reader(buf: Buffer) {
  const reads: Array<[number, number]> = [];
  return { reads, read: async (a: number, b: number) => (reads.push([a, b]), buf.subarray(a, Math.min(b, buf.length))) };
}

describe('scanSegmentLayout (ranged reads of a recorded segment)', () => {
  const frags = [fragment(1, 15, true), fragment(2, 15, false), fragment(3, 15, true)];
  const file = Buffer.concat([init, ...frags]);

  it('finds the same layout as a full parse while reading only box headers, never the mdat payloads', async () => {
    const r = reader(file);
    const scan = await scanSegmentLayout(r.read, file.length);
    expect(scan.layout).toEqual(segmentLayout(file));
    expect(scan.layout.fragments.map((f) => [f.sync, f.samples])).toEqual([
      [true, 15],
      [false, 15],
      [true, 15],
    ]);
    expect(frameRate(scan.layout)).toBe(15);
    // One probe for the init part, one per fragment (moof + mdat header); payloads (45 × 3000 bytes) skipped.
    expect(r.reads.length).toBeLessThanOrEqual(1 + frags.length);
    const bytesRead = r.reads.reduce((n, [a, b]) => n + Math.min(b, file.length) - a, 0);
    expect(bytesRead).toBeLessThanOrEqual(r.reads.length * 4096);
    expect(bytesRead).toBeLessThan(file.length / 5);
    expect(scan.resumeAt).toBe(file.length);
  });

  it('stops at an incomplete fragment of a growing segment and resumes from the last complete one', async () => {
    const partial = Buffer.concat([init, frags[0]!, frags[1]!.subarray(0, 500)]);
    const first = await scanSegmentLayout(reader(partial).read, partial.length);
    expect(first.layout.fragments).toHaveLength(1);
    expect(first.resumeAt).toBe(init.length + frags[0]!.length);
    const r = reader(file);
    const resumed = await scanSegmentLayout(r.read, file.length, first);
    expect(resumed.layout).toEqual(segmentLayout(file));
    expect(Math.min(...r.reads.map(([a]) => a))).toBe(first.resumeAt);
    // A shorter object (truncated after a crash) is scanned again from the start.
    const again = await scanSegmentLayout(reader(partial).read, partial.length, resumed);
    expect(again.layout.fragments).toHaveLength(1);
  });

  it('refuses an object without its init part', async () => {
    await expect(scanSegmentLayout(reader(frags[0]!).read, frags[0]!.length)).rejects.toThrow(/init/);
  });
});
