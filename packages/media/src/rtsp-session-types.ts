/**
 * What an RTSP 1.0 play session (RFC 2326 §10, rtsp-session.ts) is given and reports: options
 * (transport per §12.39, audio, keep-alive per §12.37), callbacks, the chosen streams from the SDP
 * (RFC 4566) and the per-session counters (RTP loss per RFC 3550 §6.4.1).
 */
import type { AccessUnit, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
import type { JitterBufferOptions } from './jitter-buffer';
import type { Sdp } from './sdp';

/** 'auto' tries UDP and falls back to TCP interleaved (461, or no RTP within udpNoDataMs). */
export type RtspTransport = 'tcp' | 'udp' | 'auto';
/** 'pass' sets up and depacketizes an AAC audio track; 'drop' (default) sets up video only. */
export type AudioMode = 'drop' | 'pass';

export interface RtspSessionOptions {
  /** rtsp://[user:password@]host[:port]/path */
  url: string;
  /** Override the credentials of the URL. */
  username?: string;
  password?: string;
  /** Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Default 10000 ms. */
  requestTimeoutMs?: number;
  /** No RTP for this long while playing → RTSP_TIMEOUT (default 10000 ms). */
  dataTimeoutMs?: number;
  /** Keep-alive period; default: session timeout / 2 (30 s when the server gives none). */
  keepAliveIntervalMs?: number;
  userAgent?: string;
  /** Keep SPS/PPS/VPS/AUD inside access units (default false). */
  keepParameterSets?: boolean;
  /** Size of the socket read buffer reused for every read (default 64 KiB). */
  readBufferSize?: number;
  /** Media transport (default 'tcp'). */
  transport?: RtspTransport;
  /** Audio handling (default 'drop'). */
  audio?: AudioMode;
  /** transport 'auto' over UDP: no RTP for this long after PLAY → RTSP_UNSUPPORTED_TRANSPORT (default 3000 ms). */
  udpNoDataMs?: number;
  /** UDP reorder buffer (default 50 packets / 100 ms). */
  jitter?: JitterBufferOptions;
  /** Receiver report period over UDP (default 5000 ms). */
  rtcpIntervalMs?: number;
}

export interface SessionCallbacks {
  onAccessUnit(au: AccessUnit): void;
  onParameterSets(codec: VideoCodec, ps: ParameterSets): void;
  /** The audio track of this session (undefined: video only), called once before PLAY. */
  onAudioTrack?(track: AudioTrackInfo | undefined): void;
  /** Audio frames (only with audio 'pass' and an AAC track in the SDP). */
  onAudioFrame?(frame: AudioFrame): void;
}

export interface AudioStreamInfo extends AudioTrackInfo {
  payloadType: number;
  clockRate: number;
  controlUrl: string;
}

export interface VideoStreamInfo {
  codec: VideoCodec;
  payloadType: number;
  clockRate: number;
  controlUrl: string;
  /** Parameter sets announced in the SDP (may be empty: then they come in-band). */
  sdpParameterSets: ParameterSets;
  sdp: Sdp;
  /** Codecs of media sections that were not set up (audio, metadata…), for diagnostics. */
  ignoredMedia: string[];
  /** Audio track set up next to the video (audio 'pass' and AAC offered). */
  audio?: AudioStreamInfo;
  /** Transport in use once playing. */
  transport?: 'tcp' | 'udp';
}

/** Counters of one session (see RtspClient for the cumulative view). */
export interface SessionCounters {
  bytesReceived: number;
  rtpPackets: number;
  rtpBytes: number;
  rtcpPackets: number;
  rtpLost: number;
  rtpGaps: number;
  rtpLate: number;
  badRtpPackets: number;
  ignoredPackets: number;
  /** Audio RTP packets received and audio frames delivered (audio 'pass'). */
  audioPackets: number;
  audioFrames: number;
  audioLost: number;
  /** UDP: packets put back in order, and given up on, by the reorder buffer. */
  rtpReordered: number;
  rtpSkipped: number;
}

/** Every session counter at zero (a new session; the sum before any session; push sources). */
export function zeroCounters(): SessionCounters {
  return {
    bytesReceived: 0,
    rtpPackets: 0,
    rtpBytes: 0,
    rtcpPackets: 0,
    rtpLost: 0,
    rtpGaps: 0,
    rtpLate: 0,
    badRtpPackets: 0,
    ignoredPackets: 0,
    audioPackets: 0,
    audioFrames: 0,
    audioLost: 0,
    rtpReordered: 0,
    rtpSkipped: 0,
  };
}

export const DEFAULT_USER_AGENT = 'VigiaMaisMT-media/0.1';
