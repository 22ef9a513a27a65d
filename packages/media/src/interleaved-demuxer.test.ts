import { describe, expect, it } from 'vitest';
import { InterleavedDemuxer } from './interleaved-demuxer';
import type { RtspResponse, RtspServerRequest } from './rtsp-message';

function frame(channel: number, payload: Buffer): Buffer {
  const h = Buffer.from([0x24, channel, 0, 0]);
  h.writeUInt16BE(payload.length, 2);
  return Buffer.concat([h, payload]);
}

function setup(validChannels?: number[]) {
  const events: string[] = [];
  const responses: RtspResponse[] = [];
  const requests: RtspServerRequest[] = [];
  const d = new InterleavedDemuxer({
    onInterleaved: (ch, buf, s, e) => events.push(`$${ch}:${buf.subarray(s, e).toString('hex')}`),
    onResponse: (r) => {
      responses.push(r);
      events.push(`R${r.status}`);
    },
    onRequest: (r) => {
      requests.push(r);
      events.push(`Q${r.method}`);
    },
    ...(validChannels ? { isChannelValid: (c: number) => validChannels.includes(c) } : {}),
  });
  return { d, events, responses, requests };
}

const RESPONSE = Buffer.from('RTSP/1.0 200 OK\r\nCSeq: 5\r\nContent-Length: 4\r\n\r\nbody');

describe('InterleavedDemuxer', () => {
  it('splits frames and responses arriving in one chunk in any order', () => {
    const { d, events, responses } = setup();
    d.push(Buffer.concat([frame(0, Buffer.from('aa', 'hex')), RESPONSE, frame(1, Buffer.from('bbcc', 'hex'))]));
    expect(events).toEqual(['$0:aa', 'R200', '$1:bbcc']);
    expect(responses[0]!.body.toString()).toBe('body');
    expect(d.pendingBytes).toBe(0);
  });

  it('reassembles messages split at every possible byte', () => {
    const stream = Buffer.concat([frame(0, Buffer.alloc(300, 1)), RESPONSE, frame(0, Buffer.from('0102', 'hex'))]);
    for (let cut = 1; cut < stream.length; cut++) {
      const { d, events } = setup();
      const a = Buffer.from(stream.subarray(0, cut));
      const b = Buffer.from(stream.subarray(cut));
      d.push(a);
      a.fill(0); // caller reuses its read buffer
      d.push(b);
      expect(events, `cut at ${cut}`).toEqual([`$0:${'01'.repeat(300)}`, 'R200', '$0:0102']);
    }
  });

  it('handles byte-by-byte delivery', () => {
    const { d, events } = setup();
    const stream = Buffer.concat([RESPONSE, frame(0, Buffer.from('ff', 'hex'))]);
    for (const byte of stream) d.push(Buffer.from([byte]));
    expect(events).toEqual(['R200', '$0:ff']);
  });

  it('accepts a chunk bigger than the message limit that completes a pending frame and holds many more', () => {
    const events: number[] = [];
    const d = new InterleavedDemuxer({ onInterleaved: (_ch, _b, s, e) => events.push(e - s), onResponse: () => undefined }, 2000);
    const frames = Buffer.concat(Array.from({ length: 40 }, () => frame(0, Buffer.alloc(1400))));
    d.push(frames.subarray(0, 700)); // half of the first frame pending
    d.push(frames.subarray(700)); // 55 KB in one read: fine, every message is small
    expect(events).toHaveLength(40);
    expect(d.pendingBytes).toBe(0);
  });

  it('refuses one message larger than the limit, however it arrives', () => {
    const d = new InterleavedDemuxer({ onInterleaved: () => undefined, onResponse: () => undefined }, 2000);
    const big = frame(0, Buffer.alloc(3000));
    expect(() => d.push(big.subarray(0, 2100))).toThrow(/larger than 2000/);
    const d2 = new InterleavedDemuxer({ onInterleaved: () => undefined, onResponse: () => undefined }, 2000);
    d2.push(big.subarray(0, 1000));
    expect(() => d2.push(big.subarray(1000, 2500))).toThrow(/larger than 2000/);
  });

  it('parses requests sent by the server', () => {
    const { d, requests } = setup();
    d.push(Buffer.from('GET_PARAMETER rtsp://127.0.0.1/cam RTSP/1.0\r\nCSeq: 9\r\n\r\n'));
    expect(requests[0]).toMatchObject({ method: 'GET_PARAMETER', uri: 'rtsp://127.0.0.1/cam' });
  });

  it('resynchronizes after garbage', () => {
    const { d, events } = setup([0, 1]);
    d.push(Buffer.concat([Buffer.from('0000ffzz', 'hex'), frame(0, Buffer.from('01', 'hex')), Buffer.from('Zgarbage'), RESPONSE]));
    expect(events).toEqual(['$0:01', 'R200']);
    expect(d.resyncs).toBeGreaterThan(0);
    // "$" followed by an unknown channel is garbage too
    d.push(Buffer.concat([Buffer.from([0x24, 0x07, 0x00]), frame(1, Buffer.from('02', 'hex'))]));
    expect(events.at(-1)).toBe('$1:02');
  });
});
