import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from './fuzz-guard';
import { h264ParametersFromFmtp, h265ParametersFromFmtp, parseFmtpParameters, parseSdp, resolveControlUrl, SdpParseError } from './sdp';

const VALID = [
  'v=0',
  'o=- 1 1 IN IP4 10.0.0.2',
  's=Camera',
  'a=control:*',
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 packetization-mode=1;profile-level-id=640028;sprop-parameter-sets=Z2QAKKwbGoB4AiflwFuAgICgAAB9AAAOpgCA,aO48sA==',
  'a=control:trackID=1',
  'm=audio 0 RTP/AVP 97',
  'a=rtpmap:97 MPEG4-GENERIC/16000/1',
  'a=control:trackID=2',
];

/** A real camera SDP with lines dropped, duplicated and replaced by generated garbage. */
const mutatedSdp = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...VALID),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constantFrom('m=', 'm=video', 'm=video x RTP/AVP y', 'a=rtpmap:', 'a=rtpmap:96 /', 'a=fmtp:96 ;;==;', 'a=control:', 'c=IN IP4 '),
      ),
      { maxLength: 40 },
    ),
    fc.constantFrom('\r\n', '\n'),
  )
  .map(([lines, eol]) => lines.join(eol));

describe('SDP parsing under generated hostile input', () => {
  it('returns a description or throws SdpParseError, nothing else, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedSdp, fc.string({ unit: 'binary', maxLength: 600 })), (text) =>
        withinCaseLimit(() => {
          let sdp: ReturnType<typeof parseSdp>;
          try {
            sdp = parseSdp(text);
          } catch (err) {
            expect(err).toBeInstanceOf(SdpParseError);
            return;
          }
          for (const m of sdp.media) {
            h264ParametersFromFmtp(m.fmtp);
            h265ParametersFromFmtp(m.fmtp);
            expect(typeof resolveControlUrl('rtsp://10.0.0.2:554/stream', m.control)).toBe('string');
          }
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('parses any fmtp string into lower-case keys', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) =>
        withinCaseLimit(() => {
          for (const k of Object.keys(parseFmtpParameters(s))) expect(k).toBe(k.toLowerCase());
        }),
      ),
      { numRuns: 300 },
    );
  });
});
