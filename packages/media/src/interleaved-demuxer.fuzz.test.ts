import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from './fuzz-guard';
import { InterleavedDemuxer, RtspProtocolError } from './interleaved-demuxer';

// The TCP stream of a malicious camera (or push publisher): frames, answers and garbage, cut anywhere.
type Piece = { kind: 'frame'; channel: number; payload: Uint8Array } | { kind: 'response'; status: number; cseq: number };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('frame' as const), channel: fc.integer({ min: 0, max: 3 }), payload: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ kind: fc.constant('response' as const), status: fc.integer({ min: 100, max: 599 }), cseq: fc.nat(1e6) }),
);

function bytesOf(p: Piece): Buffer {
  if (p.kind === 'response') return Buffer.from(`RTSP/1.0 ${p.status} X\r\nCSeq: ${p.cseq}\r\n\r\n`, 'latin1');
  const head = Buffer.from([0x24, p.channel, p.payload.length >> 8, p.payload.length & 0xff]);
  return Buffer.concat([head, p.payload]);
}

/** Cuts `buf` at the given relative points (reads of any size). */
function cut(buf: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => Math.floor(p * buf.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...at, buf.length]) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  return out;
}

describe('interleaved demuxer under generated hostile input', () => {
  it('delivers every frame and answer exactly once however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (pieces, points) =>
          withinCaseLimit(() => {
            const seen: string[] = [];
            const d = new InterleavedDemuxer({
              onInterleaved: (ch, buf, s, e) => seen.push(`f${ch}:${Buffer.from(buf.subarray(s, e)).toString('hex')}`),
              onResponse: (r) => seen.push(`r${r.status}:${r.headers.get('cseq')?.[0]}`),
              isChannelValid: (ch) => ch <= 3,
            });
            for (const chunk of cut(Buffer.concat(pieces.map(bytesOf)), points)) d.push(chunk);
            expect(seen).toEqual(
              pieces.map((p) =>
                p.kind === 'frame' ? `f${p.channel}:${Buffer.from(p.payload).toString('hex')}` : `r${p.status}:${p.cseq}`,
              ),
            );
            expect(d.pendingBytes).toBe(0);
          }),
      ),
      { numRuns: 300 },
    );
  });

  it('survives garbage: only RtspProtocolError, and never holds more than its message limit', () => {
    const max = 4096;
    const garbage = fc.array(
      fc.oneof(
        fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        piece.map(bytesOf),
        fc
          .constantFrom(
            '$',
            'RTSP/',
            'RTSP/1.0 200',
            '\r\n\r\n',
            'Content-Length: 99999999\r\n',
            'Content-Length: -5\r\n',
            'OPTIONS * RTSP/1.0\r\n',
          )
          .map((s) => Buffer.from(s)),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(garbage, (chunks) =>
        withinCaseLimit(() => {
          const d = new InterleavedDemuxer({ onInterleaved: () => {}, onResponse: () => {}, onRequest: () => {} }, max);
          for (const c of chunks) {
            try {
              d.push(c);
            } catch (err) {
              expect(err).toBeInstanceOf(RtspProtocolError);
            }
            expect(d.pendingBytes).toBeLessThanOrEqual(max + 4);
          }
        }),
      ),
      { numRuns: 300 },
    );
  });
});
