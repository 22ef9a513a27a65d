/**
 * RFC 2326 §10.4 SETUP / §12.39 Transport for a publisher: only RTP/AVP/TCP unicast interleaved
 * (§10.12) in `record` mode is accepted — UDP is refused with 461 so nothing must be opened at the
 * camera site. Channels are the ones the client asked for, else the next free pair; each must be
 * 0-255 and not already used by another track.
 */
import { parseTransport, type TransportHeader } from './rtsp-message';

/** The first TCP interleaved unicast record transport the client offers (several may be listed), or undefined (461). */
export function pickRecordTransport(value: string | undefined): TransportHeader | undefined {
  if (!value) return undefined;
  const specs = value.split(',').map((v) => parseTransport(v));
  const spec = specs.find((t) => /^RTP\/AVP(\/AVPF)?\/TCP$/i.test(t.protocol) || /^RTP\/AVP\/TCP/i.test(t.protocol));
  if (!spec || !spec.unicast || (spec.mode !== undefined && !/record/i.test(spec.mode))) return undefined;
  return spec;
}

/** The interleaved channel pair for the next track, or undefined (461) when out of range or taken. */
export function interleavedChannels(
  spec: TransportHeader,
  taken: ReadonlyArray<{ rtpChannel: number; rtcpChannel: number }>,
): [number, number] | undefined {
  const [rtp, rtcp] = spec.interleaved ?? [taken.length * 2, taken.length * 2 + 1];
  if (!(rtp >= 0 && rtp <= 255 && rtcp >= 0 && rtcp <= 255)) return undefined;
  if (taken.some((t) => [t.rtpChannel, t.rtcpChannel].some((c) => c === rtp || c === rtcp))) return undefined;
  return [rtp, rtcp];
}

/** The Transport header of the 200 answer. */
export const recordTransportAnswer = (rtp: number, rtcp: number): string => `RTP/AVP/TCP;unicast;interleaved=${rtp}-${rtcp};mode=record`;
