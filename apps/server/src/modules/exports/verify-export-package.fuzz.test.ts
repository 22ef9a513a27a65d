import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from '../../../test/helpers/fuzz.js';
import { buildZip, zerosEntry } from '../../../test/helpers/zip-bomb.js';
import { SafeZip, type ZipLimits, ZipRefusedError } from '../files/safe-zip.js';
import { zipSource } from './export-package.js';
import { signManifest } from './export-signing.js';
import { verifyPackageSource } from './verify-export-package.js';

// The public verifier reads whatever an anonymous visitor uploads (issue 12, fuzz requirement).
const MiB = 1024 * 1024;
const limits: ZipLimits = { maxEntries: 50, maxEntryBytes: 4 * MiB, maxTotalBytes: 8 * MiB, maxRatio: 100 };
/** One step of the inflater (1 KiB of deflate) yields at most ~1 MiB: the most ever produced past a cap. */
const SLICE_OUTPUT = 1.1 * MiB;

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
const video = Buffer.from('fake mp4 '.repeat(500));
const manifest = Buffer.from(
  JSON.stringify({
    format: 'vigia-export/1',
    exportId: randomUUID(),
    createdAt: '2026-01-01T00:00:00.000Z',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-01T01:00:00.000Z',
    operator: { id: 'x', name: null },
    reason: 'teste',
    cameras: [],
    files: [{ name: 'camera.mp4', sizeBytes: video.length, sha256: createHash('sha256').update(video).digest('hex') }],
    publicKey: publicKeyPem,
  }),
);
const files = {
  'exportacao-x/manifest.json': manifest,
  'exportacao-x/manifest.sig': Buffer.from(signManifest(privateKey, manifest)),
  'exportacao-x/camera.mp4': video,
};
const goodZip = Buffer.from(zipSync(files, { level: 6 }));

/** A real package ZIP with bytes flipped or cut, or with a bomb entry (honest or forged) added. */
const hostileZip = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }).map((flips) => {
    const b = Buffer.from(goodZip);
    for (const [at, x] of flips) b[at % b.length] = b[at % b.length]! ^ x;
    return b;
  }),
  fc.nat().map((n) => goodZip.subarray(0, n % goodZip.length)),
  fc.tuple(fc.integer({ min: 1, max: 64 }), fc.oneof(fc.constant(undefined), fc.nat(2 * MiB))).map(([mib, declared]) => {
    const bomb = zerosEntry('exportacao-x/extra.mp4', mib, declared);
    return buildZip([bomb, { name: 'exportacao-x/manifest.json', data: manifest, method: 0, declaredSize: manifest.length }]);
  }),
  fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
);

describe('export package verifier under generated hostile input', () => {
  it('checks the untouched package', async () => {
    expect(await verifyPackageSource(zipSource(goodZip, limits), publicKeyPem)).toMatchObject({ ok: true, problems: [] });
  });

  it('answers a verification or refuses the ZIP, nothing else, and never inflates past its caps', async () => {
    await fc.assert(
      fc.asyncProperty(hostileZip, (zip) =>
        withinCaseLimit(async () => {
          try {
            const result = await verifyPackageSource(zipSource(zip, limits), publicKeyPem);
            expect(typeof result.ok).toBe('boolean');
          } catch (err) {
            expect(err).toBeInstanceOf(ZipRefusedError);
          }
          // Bounded memory: read every entry through the reader and count what it produced.
          let z: SafeZip;
          try {
            z = new SafeZip(zip, limits);
          } catch (err) {
            expect(err).toBeInstanceOf(ZipRefusedError);
            return;
          }
          for (const e of z.entries) {
            try {
              z.digest(e);
            } catch (err) {
              expect(err).toBeInstanceOf(ZipRefusedError);
            }
            expect(z.inflatedBytes).toBeLessThanOrEqual(limits.maxTotalBytes + SLICE_OUTPUT);
          }
        }),
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
