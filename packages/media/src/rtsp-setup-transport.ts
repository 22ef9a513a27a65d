/**
 * RFC 2326 §10.4 SETUP and §12.39 Transport negotiation for one track: the Transport the client
 * asks for (TCP interleaved channels `n`-`n+1`, §10.12, or RTP/AVP over UDP with a client port
 * pair), the answer it accepts (same lower transport, interleaved channels, server RTCP port,
 * SSRC) and the Session header (§12.37: id and timeout) the first SETUP answer must carry.
 */
import { RtspError } from './errors';
import { header, parseSession, parseTransport, type RtspResponse } from './rtsp-message';

/** The Transport request header: interleaved channels over the RTSP connection, or a UDP port pair. */
export function transportRequest(firstChannel: number, udpPorts?: { rtpPort: number; rtcpPort: number }): string {
  return udpPorts
    ? `RTP/AVP;unicast;client_port=${udpPorts.rtpPort}-${udpPorts.rtcpPort}`
    : `RTP/AVP/TCP;unicast;interleaved=${firstChannel}-${firstChannel + 1}`;
}

/** What a 2xx SETUP answer settled for the track. Channels are -1 over UDP. */
export interface SetupAnswer {
  rtpChannel: number;
  rtcpChannel: number;
  ssrc: number | undefined;
  serverRtcpPort: number | undefined;
}

/** Reads a 2xx SETUP answer; throws RTSP_UNSUPPORTED_TRANSPORT when the server answered another lower transport. */
export function readSetupAnswer(res: RtspResponse, udp: boolean, firstChannel: number): SetupAnswer {
  const transportValue = header(res.headers, 'transport');
  const transport = transportValue ? parseTransport(transportValue) : undefined;
  const answeredTcp = transport ? /TCP/i.test(transport.protocol) : !udp;
  if (answeredTcp !== !udp) {
    throw new RtspError('RTSP_UNSUPPORTED_TRANSPORT', `server answered with transport ${transport?.protocol ?? '(none)'}`);
  }
  return {
    rtpChannel: udp ? -1 : (transport?.interleaved?.[0] ?? firstChannel),
    rtcpChannel: udp ? -1 : (transport?.interleaved?.[1] ?? firstChannel + 1),
    ssrc: transport?.ssrc,
    serverRtcpPort: transport?.serverPort?.[1],
  };
}

/** The session a SETUP answer opened (§12.37); an answer without one is a protocol error. */
export function readSetupSession(res: RtspResponse): { id: string; timeoutSec: number | undefined } {
  const sessionValue = header(res.headers, 'session');
  if (!sessionValue) throw new RtspError('RTSP_PROTOCOL_ERROR', 'SETUP answer without Session header');
  return parseSession(sessionValue);
}

/**
 * A refused SETUP (non-2xx): true when the caller should carry on without this transport — `fallback`
 * (UDP refused with 461 Unsupported Transport, or a camera that says so differently; not 404) or an
 * `optional` track.
 */
export function setupRefusalTolerated(status: number, fallback: boolean, optional: boolean): boolean {
  if (fallback && status >= 400 && status !== 404) return true;
  return optional;
}
