import { createHash, randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip, fileEntry, zerosEntry } from '../../../test/helpers/zip-bomb.js';
import { listZipEntries, SafeZip, type ZipLimits, ZipRefusedError } from './safe-zip.js';

const MiB = 1024 * 1024;
const limits: ZipLimits = { maxEntries: 50, maxEntryBytes: 64 * MiB, maxTotalBytes: 128 * MiB, maxRatio: 100 };

function refusal(fn: () => unknown): ZipRefusedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZipRefusedError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('safe zip reader', () => {
  it('reads what fflate writes (stored and deflated) and digests without holding the entry', () => {
    const big = randomBytes(MiB + 17);
    const zip = zipSync({ 'pasta/a.txt': new TextEncoder().encode('olá '.repeat(1000)), 'pasta/b.bin': big }, { level: 6 });
    const stored = zipSync({ 'b.bin': big }, { level: 0 });
    const z = new SafeZip(zip, limits);
    expect(z.entries.map((e) => e.name)).toEqual(['pasta/a.txt', 'pasta/b.bin']);
    expect(z.read(z.entries[0]!).toString()).toBe('olá '.repeat(1000));
    const sha = createHash('sha256').update(big).digest('hex');
    expect(z.digest(z.entries[1]!)).toEqual({ size: big.length, sha256: sha });
    const s = new SafeZip(stored, limits);
    expect(s.digest(s.entries[0]!)).toEqual({ size: big.length, sha256: sha });
  });

  it('refuses an honest 1 GiB bomb from its directory, before inflating a byte', () => {
    const bomb = buildZip([zerosEntry('zeros.bin', 1024)]);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const err = refusal(() => new SafeZip(bomb, limits));
    expect(err.reason).toBe('too_large');
    // Under the per-entry cap but over the ratio cap (64 MiB of zeros in ~64 KiB).
    expect(refusal(() => new SafeZip(buildZip([zerosEntry('z.bin', 64)]), limits)).message).toMatch(/ratio/);
    // Each entry under every cap, together over the total cap.
    const many = buildZip(Array.from({ length: 3 }, (_, i) => zerosEntry(`z${i}.bin`, 60)));
    expect(refusal(() => new SafeZip(many, { ...limits, maxRatio: 1100 })).message).toMatch(/total/);
  });

  it('refuses a directory that declares fewer bytes than its compressed data can hold, without inflating', () => {
    const forged = buildZip([zerosEntry('xl/media/image1.png', 1024, 1000)]);
    expect(refusal(() => listZipEntries(forged, limits)).reason).toBe('invalid');
  });

  it('counts the bytes actually inflated and stops just past a forged declared size', () => {
    const entry = zerosEntry('sheet.xml', 1024);
    entry.declaredSize = entry.data.length; // plausible: as many bytes as compressed
    const z = new SafeZip(buildZip([entry]), limits);
    const err = refusal(() => z.read(z.entries[0]!));
    expect(err.reason).toBe('invalid');
    // One slice of input (1 KiB) inflates to at most ~1 MiB: the counter never goes further.
    expect(z.inflatedBytes).toBeLessThanOrEqual(entry.declaredSize + 1.1 * MiB);
  });

  it('stops at the per-entry and the total cap while inflating, whatever the directory says', () => {
    const loose: ZipLimits = { maxEntries: 10, maxEntryBytes: 200 * MiB, maxTotalBytes: 300 * MiB, maxRatio: 1100 };
    const z = new SafeZip(buildZip([zerosEntry('a.bin', 100), zerosEntry('b.bin', 100)]), loose);
    expect(refusal(() => z.read(z.entries[0]!, 8 * MiB)).reason).toBe('too_large');
    expect(z.inflatedBytes).toBeLessThanOrEqual(9.1 * MiB);
    // The total counts bytes actually inflated, across entries and repeated reads.
    const t = new SafeZip(buildZip([zerosEntry('a.bin', 40)]), { ...loose, maxTotalBytes: 60 * MiB });
    expect(t.digest(t.entries[0]!).size).toBe(40 * MiB);
    expect(refusal(() => t.digest(t.entries[0]!)).message).toMatch(/total/);
    expect(t.inflatedBytes).toBeLessThanOrEqual(61.1 * MiB);
  });

  it('inflates only the entries asked for', () => {
    const z = new SafeZip(buildZip([fileEntry('a.xml', '<a/>'), zerosEntry('xl/media/big.png', 50)]), { ...limits, maxRatio: 1100 });
    expect(z.read(z.entries[0]!).toString()).toBe('<a/>');
    expect(z.inflatedBytes).toBe(4);
  });

  it('refuses corrupt, encrypted-looking, ZIP64 and unknown-method archives as invalid', () => {
    expect(refusal(() => new SafeZip(Buffer.from('PK\u0003\u0004 nothing'), limits)).reason).toBe('invalid');
    const bad = buildZip([{ name: 'x', data: randomBytes(100), method: 8, declaredSize: 500 }]);
    const z = new SafeZip(bad, limits);
    expect(refusal(() => z.read(z.entries[0]!)).reason).toBe('invalid');
    const method = buildZip([{ name: 'x', data: randomBytes(10), method: 0, declaredSize: 10 }]);
    method.writeUInt16LE(12, method.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(refusal(() => new SafeZip(method, limits)).message).toMatch(/method 12/);
    const stored = buildZip([{ name: 'x', data: randomBytes(10), method: 0, declaredSize: 5000 }]);
    expect(refusal(() => new SafeZip(stored, limits)).reason).toBe('invalid');
  });
});
