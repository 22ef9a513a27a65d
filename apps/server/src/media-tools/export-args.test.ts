import { describe, expect, it } from 'vitest';
import { buildConcatCopyArgs, concatList, progressSeconds } from './export-args.js';

describe('export ffmpeg arguments', () => {
  it('copies without re-encoding, trims, faststart, reports progress', () => {
    const a = buildConcatCopyArgs({ listFile: '/d/list.txt', output: '/d/out.mp4', startOffsetSec: 1.5, durationSec: 10 });
    expect(a).toEqual(expect.arrayContaining(['-c', 'copy', '+faststart', '-ss', '1.500', '-t', '10.000', '/d/out.mp4']));
    expect(a).not.toContain('libx264');
    expect(buildConcatCopyArgs({ listFile: '/d/l', output: '/d/o.mp4', startOffsetSec: 0, durationSec: 1 })).not.toContain('-ss');
  });
  it('refuses unsafe paths and ranges', () => {
    expect(() => buildConcatCopyArgs({ listFile: '/d/l; rm -rf', output: '/o.mp4', startOffsetSec: 0, durationSec: 1 })).toThrow();
    expect(() => buildConcatCopyArgs({ listFile: '/d/l', output: '/o.mp4', startOffsetSec: 0, durationSec: 0 })).toThrow();
  });
  it('writes a concat list and reads progress', () => {
    expect(concatList(['/a/b.mp4'])).toBe("file '/a/b.mp4'\n");
    expect(progressSeconds('frame=1\nout_time_us=2500000\nprogress=continue\n')).toBe(2.5);
  });
});
