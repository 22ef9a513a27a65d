import { describe, expect, it } from 'vitest';
import { exifGps, jpegWithGps } from './exif-gps.js';

describe('EXIF GPS of a plate photo', () => {
  it('reads a southern/western position back (Cuiabá)', () => {
    const p = exifGps(jpegWithGps({ latitude: -15.601411, longitude: -56.097892 }))!;
    expect(p.latitude).toBeCloseTo(-15.601411, 5);
    expect(p.longitude).toBeCloseTo(-56.097892, 5);
  });

  it('returns null for a JPEG without EXIF, a PNG and truncated or corrupted EXIF', () => {
    expect(exifGps(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(exifGps(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBeNull();
    const good = jpegWithGps({ latitude: -15.6, longitude: -56.1 });
    for (let cut = 4; cut < good.length; cut += 7) expect(() => exifGps(good.subarray(0, cut))).not.toThrow();
    const bad = Buffer.from(good);
    bad.writeUInt32LE(0xfffffff0, 2 + 4 + 6 + 18); // GPS IFD pointer far outside the block
    expect(exifGps(bad)).toBeNull();
  });
});
