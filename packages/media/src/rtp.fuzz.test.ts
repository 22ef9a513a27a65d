import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from './fuzz-guard';
import { senderReportNtpMiddle } from './rtcp';
import { buildRtpPacket, parseRtpHeader, parseRtpPacket, RtpParseError } from './rtp';

// Every RTP/RTCP packet comes from the camera: any bytes at all (issue 12, fuzz requirement).
describe('RTP and RTCP parsing under generated hostile input', () => {
  it('parses or throws RtpParseError, and never points outside the packet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(16), (bytes, lead) =>
        withinCaseLimit(() => {
          const buf = Buffer.concat([Buffer.alloc(lead), Buffer.from(bytes)]);
          try {
            const h = parseRtpHeader(buf, lead, bytes.length);
            expect(h.payloadOffset).toBeGreaterThanOrEqual(lead + 12);
            expect(h.payloadLength).toBeGreaterThanOrEqual(0);
            expect(h.payloadOffset + h.payloadLength).toBeLessThanOrEqual(lead + bytes.length);
          } catch (err) {
            expect(err).toBeInstanceOf(RtpParseError);
          }
          const sr = senderReportNtpMiddle(Buffer.from(bytes));
          if (sr) expect(sr.ntpMiddle >>> 0).toBe(sr.ntpMiddle);
        }),
      ),
      { numRuns: 500 },
    );
  });

  it('reads back every packet it builds', () => {
    const packet = fc.record({
      payloadType: fc.integer({ min: 0, max: 127 }),
      sequence: fc.integer({ min: 0, max: 0xffff }),
      timestamp: fc.nat(0xffffffff),
      ssrc: fc.nat(0xffffffff),
      marker: fc.boolean(),
      csrcs: fc.array(fc.nat(0xffffffff), { maxLength: 15 }),
      padding: fc.integer({ min: 0, max: 255 }),
      payload: fc.uint8Array({ maxLength: 100 }).map((a) => Buffer.from(a)),
    });
    fc.assert(
      fc.property(packet, (p) =>
        withinCaseLimit(() => {
          const parsed = parseRtpPacket(buildRtpPacket(p));
          expect(parsed).toMatchObject({
            payloadType: p.payloadType,
            sequence: p.sequence,
            timestamp: p.timestamp,
            ssrc: p.ssrc,
            marker: p.marker,
            csrcs: p.csrcs,
          });
          expect(Buffer.compare(parsed.payload, p.payload)).toBe(0);
        }),
      ),
      { numRuns: 300 },
    );
  });
});
