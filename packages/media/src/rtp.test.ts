import { describe, expect, it } from 'vitest';
import { buildRtpPacket, createRtpHeader, parseRtpHeader, parseRtpPacket, RtpParseError, SequenceTracker } from './rtp';

describe('parseRtpPacket', () => {
  it('parses a minimal header', () => {
    const pkt = Buffer.from('80e004d2000015b3deadbeef65aabb', 'hex');
    const p = parseRtpPacket(pkt);
    expect(p.version).toBe(2);
    expect(p.marker).toBe(true);
    expect(p.payloadType).toBe(96);
    expect(p.sequence).toBe(1234);
    expect(p.timestamp).toBe(5555);
    expect(p.ssrc).toBe(0xdeadbeef);
    expect(p.csrcs).toEqual([]);
    expect(p.payload.toString('hex')).toBe('65aabb');
  });

  it('handles CSRCs, header extension and padding', () => {
    const raw = buildRtpPacket({
      payloadType: 97,
      sequence: 65535,
      timestamp: 0xffffffff,
      csrcs: [1, 2],
      extension: { profile: 0xbede, data: Buffer.from('01020304', 'hex') },
      padding: 3,
      payload: Buffer.from('7c85', 'hex'),
    });
    const p = parseRtpPacket(raw);
    expect(p.csrcs).toEqual([1, 2]);
    expect(p.extension).toBe(true);
    expect(p.extensionProfile).toBe(0xbede);
    expect(p.extensionData?.toString('hex')).toBe('01020304');
    expect(p.padding).toBe(true);
    expect(p.payload.toString('hex')).toBe('7c85');
    expect(p.timestamp).toBe(0xffffffff);
  });

  it('parses in place with offsets (no allocation API)', () => {
    const raw = buildRtpPacket({ payloadType: 96, sequence: 7, timestamp: 9, payload: Buffer.from('abcd', 'hex') });
    const framed = Buffer.concat([Buffer.from('24000000', 'hex'), raw]);
    const h = createRtpHeader();
    parseRtpHeader(framed, 4, raw.length, h);
    expect(h.sequence).toBe(7);
    expect(framed.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength).toString('hex')).toBe('abcd');
  });

  it('rejects malformed packets', () => {
    expect(() => parseRtpPacket(Buffer.alloc(5))).toThrow(RtpParseError);
    expect(() => parseRtpPacket(Buffer.from('400000000000000000000000', 'hex'))).toThrow(/version/);
    const cc = Buffer.from('830000000000000000000000', 'hex'); // 3 CSRCs announced, none present
    expect(() => parseRtpPacket(cc)).toThrow(/CSRC/);
    const pad = Buffer.from('a0000000000000000000000011ff', 'hex'); // padding 255 > packet
    expect(() => parseRtpPacket(pad)).toThrow(/padding/);
  });
});

describe('SequenceTracker', () => {
  it('counts nothing for in-order packets across the wrap', () => {
    const t = new SequenceTracker();
    for (const s of [65533, 65534, 65535, 0, 1, 2]) expect(t.push(s)).toBe(0);
    expect(t.lost).toBe(0);
    expect(t.received).toBe(6);
  });

  it('counts gaps including across the wrap', () => {
    const t = new SequenceTracker();
    t.push(10);
    expect(t.push(13)).toBe(2);
    t.push(65534);
    expect(t.late).toBe(1); // a jump backwards is "late", not a loss
    const w = new SequenceTracker();
    w.push(65534);
    expect(w.push(1)).toBe(2); // 65535 and 0 lost
    expect(w.lost).toBe(2);
    expect(w.gaps).toBe(1);
  });

  it('treats duplicates and reordering as late', () => {
    const t = new SequenceTracker();
    t.push(100);
    t.push(102);
    expect(t.push(101)).toBe(0);
    expect(t.push(102)).toBe(0);
    expect(t.late).toBe(2);
    expect(t.lost).toBe(1);
    expect(t.push(103)).toBe(0);
  });
});
