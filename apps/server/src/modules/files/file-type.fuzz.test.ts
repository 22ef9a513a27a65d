import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from '../../../test/helpers/fuzz.js';
import { SNIFF_BYTES, sniffFileType } from './file-type.js';

// Upload sniffer (documents, spreadsheets): the first bytes come from whoever uploads.
const MAGIC = { 'application/pdf': '255044462d', 'image/jpeg': 'ffd8ff', 'image/png': '89504e470d0a1a0a' } as const;

describe('upload sniffer under generated hostile input', () => {
  it('accepts a type only when the bytes start with its magic number, for any bytes', async () => {
    const head = fc.oneof(
      fc.uint8Array({ maxLength: SNIFF_BYTES * 2 }),
      fc
        .tuple(
          fc.constantFrom(...Object.values(MAGIC), '4d5a', '7f454c46', '2321', 'cafebabe', '504b0304'),
          fc.uint8Array({ maxLength: 20 }),
        )
        .map(([hex, rest]) => {
          const magic = Buffer.from(hex, 'hex');
          return new Uint8Array(Buffer.concat([magic.subarray(0, Math.max(1, magic.length - ((rest[0] ?? 0) % 2))), rest]));
        }),
    );
    await fc.assert(
      fc.asyncProperty(head, (bytes) =>
        withinCaseLimit(() => {
          const buf = Buffer.from(bytes);
          const sniffed = sniffFileType(buf);
          if (sniffed.kind === 'accepted') expect(buf.subarray(0, 8).toString('hex').startsWith(MAGIC[sniffed.mediaType])).toBe(true);
          else if (sniffed.kind === 'unknown') for (const m of Object.values(MAGIC)) expect(buf.toString('hex').startsWith(m)).toBe(false);
        }),
      ),
      { numRuns: 500 },
    );
  });
});
