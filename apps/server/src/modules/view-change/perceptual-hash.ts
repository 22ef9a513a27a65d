/**
 * Difference hash (dHash) of a picture, for view-change detection (issue 17). The picture is
 * decoded by ffmpeg to a 9×8 grayscale thumbnail (`grayThumbnail`); each of the 64 bits says
 * whether a pixel is brighter than its right-hand neighbour. Scaling, compression and small noise
 * leave the bits alone; turning the camera, zooming or covering the lens flips many of them.
 * Two views are compared by the Hamming distance of their hashes (0 = same, 64 = opposite).
 */
export const HASH_WIDTH = 9;
export const HASH_HEIGHT = 8;

/** dHash of a 9×8 8-bit grayscale picture (row-major), as 16 hex digits. */
export function dHash(gray: Uint8Array): string {
  if (gray.length !== HASH_WIDTH * HASH_HEIGHT) throw new Error(`dHash needs ${HASH_WIDTH}×${HASH_HEIGHT} gray pixels, got ${gray.length}`);
  let hex = '';
  for (let y = 0; y < HASH_HEIGHT; y++) {
    let byte = 0;
    for (let x = 0; x < HASH_WIDTH - 1; x++) {
      const i = y * HASH_WIDTH + x;
      byte = (byte << 1) | (gray[i]! > gray[i + 1]! ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Number of differing bits between two hashes of the same length (hex). */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !/^[0-9a-f]*$/.test(a + b)) throw new Error('hashes of different shape');
  let d = 0;
  for (let i = 0; i < a.length; i += 2) {
    let x = Number.parseInt(a.slice(i, i + 2), 16) ^ Number.parseInt(b.slice(i, i + 2), 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
