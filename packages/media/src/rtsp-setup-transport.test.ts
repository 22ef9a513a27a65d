import { describe, expect, it } from 'vitest';
import { RtspError } from './errors';
import type { RtspResponse } from './rtsp-message';
import { readSetupAnswer, readSetupSession, setupRefusalTolerated, transportRequest } from './rtsp-setup-transport';

const answer = (headers: Record<string, string>, status = 200): RtspResponse => ({
  version: 'RTSP/1.0',
  status,
  reason: 'OK',
  headers: new Map(Object.entries(headers).map(([k, v]) => [k, [v]])),
  body: Buffer.alloc(0),
});

describe('client SETUP transport (RFC 2326 §10.4, §12.39)', () => {
  it('asks for interleaved channels over TCP, or a client port pair over UDP', () => {
    expect(transportRequest(2)).toBe('RTP/AVP/TCP;unicast;interleaved=2-3');
    expect(transportRequest(0, { rtpPort: 5000, rtcpPort: 5001 })).toBe('RTP/AVP;unicast;client_port=5000-5001');
  });

  it('reads the channels, SSRC and server RTCP port the camera answered', () => {
    const tcp = readSetupAnswer(answer({ transport: 'RTP/AVP/TCP;unicast;interleaved=6-7;ssrc=0000ABCD' }), false, 0);
    expect(tcp).toMatchObject({ rtpChannel: 6, rtcpChannel: 7, ssrc: 0xabcd });
    const udp = readSetupAnswer(answer({ transport: 'RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971' }), true, 0);
    expect(udp).toMatchObject({ rtpChannel: -1, rtcpChannel: -1, serverRtcpPort: 6971 });
  });

  it('refuses an answer with another lower transport than asked, and a first answer without a session', () => {
    expect(() => readSetupAnswer(answer({ transport: 'RTP/AVP;unicast;server_port=6970-6971' }), false, 0)).toThrow(RtspError);
    expect(() => readSetupSession(answer({}))).toThrow('SETUP answer without Session header');
    expect(readSetupSession(answer({ session: 'abc123;timeout=30' }))).toEqual({ id: 'abc123', timeoutSec: 30 });
  });

  it('tolerates a refusal only when falling back from UDP (not on 404) or for an optional track', () => {
    expect(setupRefusalTolerated(461, true, false)).toBe(true);
    expect(setupRefusalTolerated(404, true, false)).toBe(false);
    expect(setupRefusalTolerated(404, false, true)).toBe(true);
    expect(setupRefusalTolerated(461, false, false)).toBe(false);
  });
});
