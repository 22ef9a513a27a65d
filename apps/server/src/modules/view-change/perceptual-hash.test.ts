import { describe, expect, it } from 'vitest';
import { dHash, HASH_HEIGHT, HASH_WIDTH, hammingDistance } from './perceptual-hash.js';

const picture = (f: (x: number, y: number) => number) => {
  const a = new Uint8Array(HASH_WIDTH * HASH_HEIGHT);
  for (let y = 0; y < HASH_HEIGHT; y++) for (let x = 0; x < HASH_WIDTH; x++) a[y * HASH_WIDTH + x] = Math.max(0, Math.min(255, f(x, y)));
  return a;
};

describe('dHash', () => {
  it('sets a bit where a pixel is brighter than its right-hand neighbour', () => {
    expect(dHash(picture((x) => 255 - x * 20))).toBe('ffffffffffffffff');
    expect(dHash(picture((x) => x * 20))).toBe('0000000000000000');
    expect(dHash(picture((x, y) => (y === 0 ? 255 - x * 20 : x * 20)))).toBe('ff00000000000000');
  });

  it('ignores a uniform brightness change and small noise', () => {
    const scene = (x: number, y: number) => 128 + 60 * Math.sin(x * 1.3 + y * 0.7) + 30 * Math.cos(y * 2.1 - x);
    const base = dHash(picture(scene));
    expect(hammingDistance(base, dHash(picture((x, y) => scene(x, y) + 25)))).toBe(0);
    expect(hammingDistance(base, dHash(picture((x, y) => scene(x, y) + ((x * 7 + y * 3) % 3) - 1)))).toBeLessThanOrEqual(6);
  });

  it('moves far away when the view is panned or the lens is covered', () => {
    const scene = (x: number, y: number) => 128 + 60 * Math.sin(x * 1.3 + y * 0.7) + 30 * Math.cos(y * 2.1 - x);
    const base = dHash(picture(scene));
    expect(hammingDistance(base, dHash(picture((x, y) => scene(x + 4, y + 3))))).toBeGreaterThan(16);
    const covered = dHash(picture((x) => 20 + x)); // dark, almost flat: a hand over the lens
    expect(hammingDistance(base, covered)).toBeGreaterThan(16);
  });

  it('refuses a thumbnail of the wrong size', () => {
    expect(() => dHash(new Uint8Array(64))).toThrow(/9×8/);
  });
});

describe('Hamming distance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('00', '0000')).toThrow();
  });
});
