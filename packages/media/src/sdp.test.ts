import { describe, expect, it } from 'vitest';
import { selectAudio } from './rtsp-session';
import { h264ParametersFromFmtp, h265ParametersFromFmtp, parseFmtpParameters, parseSdp, resolveControlUrl } from './sdp';

const CAMERA_SDP = [
  'v=0',
  'o=- 1109162014219182 0 IN IP4 0.0.0.0',
  's=HIK Media Server V3.0.2',
  'c=IN IP4 0.0.0.0',
  't=0 0',
  'a=control:*',
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 profile-level-id=420029; packetization-mode=1; sprop-parameter-sets=Z2QAKKyyAPAET8uAiAAAAwAIAAADAZB4wZJA,aOvDyyLA',
  'a=control:trackID=1',
  'a=recvonly',
  'm=audio 0 RTP/AVP 8',
  'a=control:trackID=2',
  'm=application 0 RTP/AVP 107',
  'a=rtpmap:107 vnd.onvif.metadata/90000',
  'a=control:rtsp://10.0.0.5/Streaming/Channels/101/trackID=3',
  '',
].join('\r\n');

describe('parseSdp', () => {
  it('parses media sections, rtpmap, fmtp and control', () => {
    const sdp = parseSdp(CAMERA_SDP);
    expect(sdp.sessionName).toBe('HIK Media Server V3.0.2');
    expect(sdp.control).toBe('*');
    expect(sdp.media).toHaveLength(3);
    const [video, audio, meta] = sdp.media;
    expect(video).toMatchObject({ type: 'video', payloadType: 96, encoding: 'H264', clockRate: 90000, control: 'trackID=1' });
    expect(video!.direction).toBe('recvonly');
    expect(video!.fmtp['packetization-mode']).toBe('1');
    expect(audio).toMatchObject({ type: 'audio', payloadType: 8, encoding: 'PCMA', clockRate: 8000 });
    expect(meta!.encoding).toBe('VND.ONVIF.METADATA');
  });

  it('decodes sprop-parameter-sets', () => {
    const sdp = parseSdp(CAMERA_SDP);
    const p = h264ParametersFromFmtp(sdp.media[0]!.fmtp);
    expect(p.sps?.toString('hex')).toBe('67640028acb200f0044fcb80880000030008000003019078c19240');
    expect(p.pps?.toString('hex')).toBe('68ebc3cb22c0');
    expect(p.packetizationMode).toBe(1);
    expect(p.profileLevelId).toBe('420029');
  });

  it('decodes H.265 sprop-vps/sps/pps and DONL presence', () => {
    const sdp = parseSdp(
      [
        'v=0',
        's=Session streamed with GStreamer',
        'm=video 0 RTP/AVP 96',
        'a=rtpmap:96 H265/90000',
        'a=fmtp:96 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwBdugJA; sprop-sps=QgEBAWAAAAMAkAAAAwAAAwBdoAKAgC0WW6kkyvAWgIAAAAMAgAAAB4Q=; sprop-pps=RAHBcrRiQA==; sprop-max-don-diff=2',
        'a=control:stream=0',
      ].join('\n'),
    );
    const p = h265ParametersFromFmtp(sdp.media[0]!.fmtp);
    expect(p.vps?.[0]).toBe(0x40);
    expect(p.sps?.[0]).toBe(0x42);
    expect(p.pps?.toString('hex')).toBe('4401c172b46240');
    expect(p.donlPresent).toBe(true);
  });

  it('parses fmtp parameters loosely', () => {
    expect(parseFmtpParameters(' A=1 ;b= x=y ;flag;')).toEqual({ a: '1', b: 'x=y', flag: '' });
  });

  it('rejects non-SDP text', () => {
    expect(() => parseSdp('hello')).toThrow();
  });
});

describe('resolveControlUrl', () => {
  it('appends relative controls to the base with a slash', () => {
    expect(resolveControlUrl('rtsp://cam/stream1', 'trackID=1')).toBe('rtsp://cam/stream1/trackID=1');
    expect(resolveControlUrl('rtsp://cam/stream1/', 'trackID=1')).toBe('rtsp://cam/stream1/trackID=1');
  });

  it('keeps absolute URLs and treats * / empty as the base', () => {
    const abs = 'rtsp://10.0.0.5/Streaming/Channels/101/trackID=3';
    expect(resolveControlUrl('rtsp://cam/x/', abs)).toBe(abs);
    expect(resolveControlUrl('rtsp://cam/x/', '*')).toBe('rtsp://cam/x/');
    expect(resolveControlUrl('rtsp://cam/x/', undefined)).toBe('rtsp://cam/x/');
  });

  it('resolves absolute paths against the host', () => {
    expect(resolveControlUrl('rtsp://cam:8554/a/b/', '/media/track1')).toBe('rtsp://cam:8554/media/track1');
  });
});

describe('SDP audio media', () => {
  const text = [
    'v=0',
    's=cam',
    'm=video 0 RTP/AVP 96',
    'a=rtpmap:96 H264/90000',
    'a=control:stream=0',
    'm=audio 0 RTP/AVP 8',
    'a=control:stream=1',
    'm=audio 0 RTP/AVP 97',
    'a=rtpmap:97 MPEG4-GENERIC/44100/2',
    'a=fmtp:97 streamtype=5;profile-level-id=15;mode=AAC-hbr;config=1210;SizeLength=13;IndexLength=3;IndexDeltaLength=3',
    'a=control:stream=2',
  ].join('\r\n');

  it('reads channels from the rtpmap, static G.711 without one, and picks the first supported audio', () => {
    const sdp = parseSdp(text);
    expect(sdp.media[1]).toMatchObject({ encoding: 'PCMA', clockRate: 8000, channels: 1 });
    expect(sdp.media[2]).toMatchObject({ encoding: 'MPEG4-GENERIC', clockRate: 44100, channels: 2 });
    // AAC is preferred over a G.711 track offered first; G.711 alone is still recognised (not carried).
    expect(selectAudio(sdp, 'rtsp://cam/s')).toMatchObject({
      codec: 'aac',
      codecString: 'mp4a.40.2',
      sampleRate: 44100,
      channels: 2,
      payloadType: 97,
      controlUrl: 'rtsp://cam/s/stream=2',
    });
    sdp.media.splice(2, 1);
    expect(selectAudio(sdp, 'rtsp://cam/s')).toMatchObject({ codec: 'pcma', payloadType: 8, controlUrl: 'rtsp://cam/s/stream=1' });
  });
});
