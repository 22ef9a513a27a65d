/**
 * GPS position from a JPEG's EXIF block (CIPA DC-008 "Exif 2.3": APP1 "Exif\0\0" + TIFF header,
 * IFD0 tag 0x8825 → GPS IFD; tags 1/2 latitude ref/value, 3/4 longitude ref/value, each value three
 * RATIONALs: degrees, minutes, seconds). Pure and bounded: any malformed offset yields null, never
 * a throw or a read outside the buffer.
 */
export interface GpsPoint {
  latitude: number;
  longitude: number;
}

export function exifGps(jpeg: Buffer): GpsPoint | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1]!;
    if (marker === 0xda || marker === 0xd9) return null; // image data: no EXIF before it
    const len = jpeg.readUInt16BE(p + 2);
    if (len < 2 || p + 2 + len > jpeg.length) return null;
    if (marker === 0xe1 && jpeg.toString('latin1', p + 4, p + 10) === 'Exif\0\0') return tiffGps(jpeg.subarray(p + 10, p + 2 + len));
    p += 2 + len;
  }
  return null;
}

function tiffGps(t: Buffer): GpsPoint | null {
  if (t.length < 8) return null;
  const le = t.toString('latin1', 0, 2) === 'II';
  if (!le && t.toString('latin1', 0, 2) !== 'MM') return null;
  const u16 = (o: number) => (o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : -1);
  const entries = (ifd: number) => {
    const n = u16(ifd);
    const out = new Map<number, { type: number; count: number; at: number }>();
    if (n < 0 || n > 512) return out;
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > t.length) break;
      out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), at: e + 8 });
    }
    return out;
  };
  const gpsPtr = entries(u32(4)).get(0x8825);
  if (!gpsPtr) return null;
  const gps = entries(u32(gpsPtr.at));
  const ref = (tag: number) => {
    const e = gps.get(tag);
    return e && e.type === 2 ? String.fromCharCode(t[e.at] ?? 0) : null;
  };
  const dms = (tag: number) => {
    const e = gps.get(tag);
    if (!e || e.type !== 5 || e.count !== 3) return null;
    const off = u32(e.at);
    const parts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const num = u32(off + i * 8);
      const den = u32(off + i * 8 + 4);
      if (num < 0 || den <= 0) return null;
      parts.push(num / den);
    }
    return parts[0]! + parts[1]! / 60 + parts[2]! / 3600;
  };
  const lat = dms(2);
  const lon = dms(4);
  const latRef = ref(1);
  const lonRef = ref(3);
  if (lat === null || lon === null || !latRef || !lonRef) return null;
  const latitude = latRef === 'S' ? -lat : lat;
  const longitude = lonRef === 'W' ? -lon : lon;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** Test and demo helper: a minimal JPEG whose EXIF carries a GPS position (little-endian TIFF). */
export function jpegWithGps(point: GpsPoint): Buffer {
  const t = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 4 * 12 + 4 + 48);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  t.writeUInt16LE(1, 8); // IFD0: one entry
  t.writeUInt16LE(0x8825, 10);
  t.writeUInt16LE(4, 12);
  t.writeUInt32LE(1, 14);
  const gpsIfd = 8 + 2 + 12 + 4;
  t.writeUInt32LE(gpsIfd, 18);
  t.writeUInt32LE(0, 22);
  t.writeUInt16LE(4, gpsIfd);
  const values = gpsIfd + 2 + 4 * 12 + 4;
  const entry = (i: number, tag: number, type: number, count: number, value: (at: number) => void) => {
    const e = gpsIfd + 2 + i * 12;
    t.writeUInt16LE(tag, e);
    t.writeUInt16LE(type, e + 2);
    t.writeUInt32LE(count, e + 4);
    value(e + 8);
  };
  const rational = (at: number, deg: number) => {
    const d = Math.abs(deg);
    const whole = Math.floor(d);
    const min = Math.floor((d - whole) * 60);
    const sec = Math.round(((d - whole) * 60 - min) * 60 * 10000);
    [whole, 1, min, 1, sec, 10000].forEach((v, i) => t.writeUInt32LE(v, at + i * 4));
  };
  entry(0, 1, 2, 2, (at) => t.write(point.latitude < 0 ? 'S\0' : 'N\0', at, 'latin1'));
  entry(1, 2, 5, 3, (at) => t.writeUInt32LE(values, at));
  entry(2, 3, 2, 2, (at) => t.write(point.longitude < 0 ? 'W\0' : 'E\0', at, 'latin1'));
  entry(3, 4, 5, 3, (at) => t.writeUInt32LE(values + 24, at));
  rational(values, point.latitude);
  rational(values + 24, point.longitude);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(app1.length + 2, 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), header, app1, Buffer.from([0xff, 0xd9])]);
}
