/**
 * @vigia/media — in-process camera ingest: RTSP/RTP client, H.264/H.265 depacketizers,
 * fragmented MP4 muxer, GOP cache and per-camera fan-out hub.
 */
export type { AccessUnit, AudioCodec, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
export {
  AacDepacketizer,
  AudioTimeline,
  G711Depacketizer,
  audioTrackFromSdp,
  parseAudioSpecificConfig,
  rfc3640ParametersFromFmtp,
} from './audio-depacketizer';
export { JitterBuffer, type JitterBufferOptions, type JitterBufferStats } from './jitter-buffer';
export { computeBackoff, DEFAULT_BACKOFF, ReconnectBackoff, type BackoffOptions } from './backoff';
export { RtspError, isRtspError, type RtspErrorCode } from './errors';
export { parseSdp, resolveControlUrl, h264ParametersFromFmtp, h265ParametersFromFmtp, type Sdp, type SdpMedia } from './sdp';
export {
  parseWwwAuthenticate,
  computeDigestResponse,
  RtspAuthenticator,
  type AuthChallenge,
} from './rtsp-auth';
export { parseRtpPacket, parseRtpHeader, createRtpHeader, SequenceTracker, type RtpHeader, type RtpPacket } from './rtp';
export { H264Depacketizer } from './h264-depacketizer';
export { H265Depacketizer, type H265DepacketizerOptions } from './h265-depacketizer';
export type { DepacketizerOptions, DepacketizerStats } from './nal-depacketizer';
export { parseH264Sps, h264CodecString, type H264SpsInfo } from './h264-sps';
export { parseH265Sps, h265CodecString, type H265SpsInfo } from './h265-sps';
export {
  buildInitSegment,
  buildMediaSegment,
  createVideoTrack,
  Fmp4Muxer,
  VIDEO_TIMESCALE,
  type FragmentSample,
  type LiveFragment,
  type VideoTrackInfo,
} from './fmp4-muxer';
export { GopCache, type GopCacheOptions } from './gop-cache';
export {
  StreamHub,
  type ChunkKind,
  type HubSink,
  type StreamHubOptions,
  type Subscription,
  type SubscriberStats,
  connectClientToHub,
} from './stream-hub';
export {
  RtspSession,
  selectAudio,
  type AudioMode,
  type AudioStreamInfo,
  type RtspSessionOptions,
  type RtspTransport,
  type VideoStreamInfo,
} from './rtsp-session';
export { RtspClient, type RtspClientEvents, type RtspClientOptions, type RtspClientStats, type RtspClientState } from './rtsp-client';
export { probeRtsp, type ProbeResult } from './rtsp-probe';

export { DigestServer, digestHa1, parseDigestAuthorization, type DigestCredentials, type DigestVerdict } from './rtsp-digest-server';
export {
  RtspPublishServer,
  PublishRefusedError,
  hubPublishSink,
  requestPath,
  type PublishSink,
  type PublishStartInfo,
  type PublishTarget,
  type RtspPublishServerOptions,
  type PublishServerStats,
  type PublishTlsOptions,
} from './rtsp-publish-server';
export { PublishedSource, type IngestSource } from './published-source';
export {
  HlsPackager,
  renderMediaPlaylist,
  defaultPlaylistUris,
  type HlsPackagerOptions,
  type HlsSegment,
  type PlaylistSegment,
  type PlaylistUris,
} from './hls-packager';
export * from './onvif/index';
export { AuthFailureLimiter, addressKey, type AuthFailureLimiterOptions } from './auth-failure-limiter';
