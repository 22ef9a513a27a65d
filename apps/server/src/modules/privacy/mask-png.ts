import { deflateSync } from 'node:zlib';
import type { MaskPolygon } from '@vigia/contracts';

/**
 * Rasterises privacy-mask polygons (normalised 0–1) into an RGBA PNG: opaque black where masked,
 * transparent elsewhere. Pure (no canvas library): scanline fill with the even–odd rule per
 * polygon, union over polygons, each span grown by one pixel on every side so that scaling the
 * mask to the video never leaves a half-transparent seam at the edge (it over-masks by ≤ 1 mask
 * pixel, never under-masks). Then a minimal PNG encoder (IHDR, one IDAT via zlib, IEND).
 */
export function rasteriseMask(polygons: MaskPolygon[], width: number, height: number): Uint8Array {
  const alpha = new Uint8Array(width * height);
  const fill = (y: number, x0: number, x1: number) => {
    for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
      const from = Math.max(0, x0 - 1);
      const to = Math.min(width - 1, x1 + 1);
      if (to >= from) alpha.fill(255, yy * width + from, yy * width + to + 1);
    }
  };
  for (const poly of polygons) {
    const pts = poly.map(([x, y]) => [x * width, y * height] as const);
    for (let y = 0; y < height; y++) {
      const cy = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < pts.length; i++) {
        const [x1, y1] = pts[i]!;
        const [x2, y2] = pts[(i + 1) % pts.length]!;
        if (y1 > cy !== y2 > cy) xs.push(x1 + ((cy - y1) * (x2 - x1)) / (y2 - y1));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const x0 = Math.ceil(xs[k]! - 0.5);
        const x1 = Math.floor(xs[k + 1]! - 0.5);
        if (x1 >= x0) fill(y, x0, x1);
      }
    }
  }
  return alpha;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** RGBA PNG of the mask: (0,0,0,255) masked, (0,0,0,0) clear. */
export function maskPng(polygons: MaskPolygon[], width = 1280, height = 720): Buffer {
  const alpha = rasteriseMask(polygons, width, height);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1); // filter byte 0 (None), then RGBA
    for (let x = 0; x < width; x++) raw[row + 1 + x * 4 + 3] = alpha[y * width + x]!;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
