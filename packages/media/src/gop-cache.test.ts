import { describe, expect, it } from 'vitest';
import { GopCache } from './gop-cache';

const frag = (n: number, size = 10) => Buffer.alloc(size, n);

describe('GopCache', () => {
  it('keeps frames since the last keyframe', () => {
    const c = new GopCache();
    c.push({ data: frag(1), keyframe: false }); // no keyframe yet: ignored
    expect(c.frames).toBe(0);
    c.push({ data: frag(2), keyframe: true });
    c.push({ data: frag(3), keyframe: false });
    expect(c.frames).toBe(2);
    c.push({ data: frag(4), keyframe: true });
    c.push({ data: frag(5), keyframe: false });
    expect(c.fragments.map((b) => b[0])).toEqual([4, 5]);
    expect(c.bytes).toBe(20);
    const burst = c.burst()!;
    expect(burst.length).toBe(20);
    expect([burst[0], burst[10]]).toEqual([4, 5]);
  });

  it('empties itself when a GOP exceeds the byte bound, until the next keyframe', () => {
    const c = new GopCache({ maxBytes: 25 });
    c.push({ data: frag(1), keyframe: true });
    c.push({ data: frag(2), keyframe: false });
    c.push({ data: frag(3), keyframe: false }); // 30 bytes > 25
    expect(c.frames).toBe(0);
    expect(c.overflows).toBe(1);
    c.push({ data: frag(4), keyframe: false });
    expect(c.burst()).toBeUndefined();
    c.push({ data: frag(5), keyframe: true });
    expect(c.frames).toBe(1);
  });

  it('respects the frame bound', () => {
    const c = new GopCache({ maxFrames: 2 });
    c.push({ data: frag(1), keyframe: true });
    c.push({ data: frag(2), keyframe: false });
    c.push({ data: frag(3), keyframe: false });
    expect(c.frames).toBe(0);
  });
});
