/**
 * RFC 2326 §10.2 DESCRIBE: the answer's SDP (RFC 4566) and its base URL (Content-Base, else
 * Content-Location, else the request URL — §C.1.1), and the media the session plays from it:
 * the first H.264 (RFC 6184 §8.2.1 sprop-parameter-sets) or H.265 (RFC 7798 §7.2 sprop-vps/sps/pps)
 * video, and an audio track (AAC, RFC 3640; else G.711).
 */
import type { ParameterSets, VideoCodec } from './access-unit';
import { audioTrackFromSdp } from './audio-depacketizer';
import { RtspError } from './errors';
import { header, type RtspResponse } from './rtsp-message';
import type { AudioStreamInfo, VideoStreamInfo } from './rtsp-session-types';
import { h264ParametersFromFmtp, h265ParametersFromFmtp, parseSdp, resolveControlUrl, type Sdp, type SdpMedia } from './sdp';

/** The SDP of a DESCRIBE answer and the base URL its control attributes resolve against. */
export function readDescribeAnswer(res: RtspResponse, requestUrl: string): { base: string; sdp: Sdp } {
  const base = header(res.headers, 'content-base') ?? header(res.headers, 'content-location') ?? requestUrl;
  try {
    return { base, sdp: parseSdp(res.body.toString('utf8')) };
  } catch (err) {
    throw new RtspError('RTSP_PROTOCOL_ERROR', `invalid SDP: ${(err as Error).message}`);
  }
}

/** The audio media to use: the first AAC one, else the first G.711 one (depacketizable, not muxed). */
export function selectAudio(sdp: Sdp, base: string): AudioStreamInfo | undefined {
  let fallback: AudioStreamInfo | undefined;
  for (const m of sdp.media) {
    if (m.type !== 'audio') continue;
    const track = audioTrackFromSdp(m.encoding, m.clockRate, m.fmtp, m.channels);
    if (!track) continue;
    const info = {
      ...track,
      payloadType: m.payloadType,
      clockRate: m.clockRate || track.sampleRate,
      controlUrl: resolveControlUrl(base, m.control),
    };
    if (track.codec === 'aac') return info;
    fallback ??= info;
  }
  return fallback;
}

/** Chooses the first H.264/H.265 video media; throws RTSP_UNSUPPORTED_CODEC when there is none. */
export function selectVideo(sdp: Sdp, base: string): VideoStreamInfo {
  let chosen: SdpMedia | undefined;
  let codec: VideoCodec | undefined;
  const seen: string[] = [];
  for (const m of sdp.media) {
    const enc = m.encoding;
    seen.push(`${m.type}/${enc || m.payloadType}`);
    if (chosen || m.type !== 'video') continue;
    if (enc === 'H264') codec = 'h264';
    else if (enc === 'H265' || enc === 'HEVC') codec = 'h265';
    else continue;
    chosen = m;
  }
  if (!chosen || !codec) {
    throw new RtspError('RTSP_UNSUPPORTED_CODEC', `no H.264/H.265 video track (found: ${seen.join(', ') || 'none'})`);
  }
  let sdpParameterSets: ParameterSets = {};
  if (codec === 'h264') {
    const p = h264ParametersFromFmtp(chosen.fmtp);
    sdpParameterSets = { ...(p.sps ? { sps: p.sps } : {}), ...(p.pps ? { pps: p.pps } : {}) };
  } else {
    const p = h265ParametersFromFmtp(chosen.fmtp);
    sdpParameterSets = { ...(p.vps ? { vps: p.vps } : {}), ...(p.sps ? { sps: p.sps } : {}), ...(p.pps ? { pps: p.pps } : {}) };
  }
  return {
    codec,
    payloadType: chosen.payloadType,
    clockRate: chosen.clockRate || 90000,
    controlUrl: resolveControlUrl(base, chosen.control),
    sdpParameterSets,
    sdp,
    ignoredMedia: seen.filter((_, i) => sdp.media[i] !== chosen),
  };
}
