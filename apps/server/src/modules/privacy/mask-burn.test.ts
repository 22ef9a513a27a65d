import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatList } from '../../media-tools/export-args.js';
import { runFfmpeg } from '../../media-tools/ffmpeg.adapter.js';
import { buildMaskedExportArgs } from '../../media-tools/mask-burn-args.js';
import { maskPng, rasteriseMask } from './mask-png.js';

describe('privacy mask rasteriser', () => {
  it('fills the inside of a triangle and nothing far outside', () => {
    const a = rasteriseMask(
      [
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
      ],
      10,
      10,
    );
    expect(a[0]).toBe(255); // top-left corner inside
    expect(a[9 * 10 + 9]).toBe(0); // bottom-right corner outside
  });
  it('writes a PNG ffmpeg can read', () => {
    const png = maskPng(
      [
        [
          [0.1, 0.1],
          [0.5, 0.1],
          [0.5, 0.5],
        ],
      ],
      64,
      36,
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
  it('refuses unsafe paths', () => {
    expect(() =>
      buildMaskedExportArgs({ listFile: '/tmp/a b', output: '/tmp/o.mp4', startOffsetSec: 0, durationSec: 1, maskPng: '/tmp/m.png' }),
    ).toThrow();
  });
});

/** Decodes one frame to raw RGB24 and returns the pixel at (x, y). */
function pixel(file: string, w: number, x: number, y: number): [number, number, number] {
  const raw = execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { maxBuffer: 64 << 20 },
  );
  const o = (y * w + x) * 3;
  return [raw[o]!, raw[o + 1]!, raw[o + 2]!];
}

describe('export burn-in with real ffmpeg', () => {
  it('a mask over a white area makes those pixels black; outside stays white', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mask-burn-'));
    const src = path.join(dir, 'src.mp4');
    // 320x240 white frames (an H.264 clip like the recorder's segments).
    execFileSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=white:s=320x240:r=10:d=2',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '10',
      src,
    ]);
    const list = path.join(dir, 'list.txt');
    await fs.writeFile(list, concatList([src]));
    const mask = path.join(dir, 'mask.png');
    // Left half of the frame, as a quadrilateral.
    await fs.writeFile(
      mask,
      maskPng([
        [
          [0, 0],
          [0.5, 0],
          [0.5, 1],
          [0, 1],
        ],
      ]),
    );
    const out = path.join(dir, 'out.mp4');
    await runFfmpeg(buildMaskedExportArgs({ listFile: list, output: out, startOffsetSec: 0.5, durationSec: 1, maskPng: mask }));
    const inside = pixel(out, 320, 40, 120);
    const outside = pixel(out, 320, 280, 120);
    expect(Math.max(...inside)).toBeLessThan(20);
    expect(Math.min(...outside)).toBeGreaterThan(235);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
