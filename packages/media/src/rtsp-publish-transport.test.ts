import { describe, expect, it } from 'vitest';
import { interleavedChannels, pickRecordTransport, recordTransportAnswer } from './rtsp-publish-transport';

describe('publish SETUP transport (RFC 2326 §12.39)', () => {
  it('takes the first TCP interleaved record transport among those offered', () => {
    const spec = pickRecordTransport('RTP/AVP;unicast;client_port=5000-5001, RTP/AVP/TCP;unicast;interleaved=4-5;mode=record');
    expect(spec?.interleaved).toEqual([4, 5]);
  });

  it('refuses UDP only, multicast, play mode and a missing header', () => {
    expect(pickRecordTransport(undefined)).toBeUndefined();
    expect(pickRecordTransport('RTP/AVP;unicast;client_port=5000-5001')).toBeUndefined();
    expect(pickRecordTransport('RTP/AVP/TCP;multicast;interleaved=0-1')).toBeUndefined();
    expect(pickRecordTransport('RTP/AVP/TCP;unicast;interleaved=0-1;mode=play')).toBeUndefined();
  });

  it('gives the next free channel pair, and refuses channels out of range or already taken', () => {
    const bare = pickRecordTransport('RTP/AVP/TCP;unicast;mode=record')!;
    expect(interleavedChannels(bare, [{ rtpChannel: 0, rtcpChannel: 1 }])).toEqual([2, 3]);
    const taken = pickRecordTransport('RTP/AVP/TCP;unicast;interleaved=1-2')!;
    expect(interleavedChannels(taken, [{ rtpChannel: 0, rtcpChannel: 1 }])).toBeUndefined();
    const high = pickRecordTransport('RTP/AVP/TCP;unicast;interleaved=255-256')!;
    expect(interleavedChannels(high, [])).toBeUndefined();
    expect(recordTransportAnswer(2, 3)).toBe('RTP/AVP/TCP;unicast;interleaved=2-3;mode=record');
  });
});
