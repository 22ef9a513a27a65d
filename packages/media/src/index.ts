/**
 * @vigia/media — in-process camera ingest: RTSP/RTP client, H.264/H.265 depacketizers,
 * fragmented MP4 muxer, GOP cache and per-camera fan-out hub.
 */
export type { AccessUnit, AudioCodec, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
export {
  AacDepacketizer,
  AudioTimeline,
  audioTrackFromSdp,
  G711Depacketizer,
  parseAudioSpecificConfig,
  rfc3640ParametersFromFmtp,
} from './audio-depacketizer';
export { AuthFailureLimiter, type AuthFailureLimiterOptions, addressKey } from './auth-failure-limiter';
export { type BackoffOptions, computeBackoff, DEFAULT_BACKOFF, ReconnectBackoff } from './backoff';
export { isRtspError, RtspError, type RtspErrorCode } from './errors';
export {
  buildInitSegment,
  buildMediaSegment,
  createVideoTrack,
  Fmp4Muxer,
  type FragmentSample,
  type LiveFragment,
  VIDEO_TIMESCALE,
  type VideoTrackInfo,
} from './fmp4-muxer';
export { GopCache, type GopCacheOptions } from './gop-cache';
export { H264Depacketizer } from './h264-depacketizer';
export { type H264SpsInfo, h264CodecString, parseH264Sps } from './h264-sps';
export { H265Depacketizer, type H265DepacketizerOptions } from './h265-depacketizer';
export { type H265SpsInfo, h265CodecString, parseH265Sps } from './h265-sps';
export {
  defaultPlaylistUris,
  HlsPackager,
  type HlsPackagerOptions,
  type HlsSegment,
  type PlaylistSegment,
  type PlaylistUris,
  renderMediaPlaylist,
} from './hls-packager';
export { JitterBuffer, type JitterBufferOptions, type JitterBufferStats } from './jitter-buffer';
export type { DepacketizerOptions, DepacketizerStats } from './nal-depacketizer';
export * from './onvif/index';
export { type IngestSource, PublishedSource } from './published-source';
export { createRtpHeader, parseRtpHeader, parseRtpPacket, type RtpHeader, type RtpPacket, SequenceTracker } from './rtp';
export {
  type AuthChallenge,
  computeDigestResponse,
  parseWwwAuthenticate,
  RtspAuthenticator,
} from './rtsp-auth';
export { RtspClient, type RtspClientEvents, type RtspClientOptions, type RtspClientState, type RtspClientStats } from './rtsp-client';

export { type DigestCredentials, DigestServer, type DigestVerdict, digestHa1, parseDigestAuthorization } from './rtsp-digest-server';
export { type ProbeResult, probeRtsp } from './rtsp-probe';
export {
  hubPublishSink,
  PublishRefusedError,
  type PublishServerStats,
  type PublishSink,
  type PublishStartInfo,
  type PublishTarget,
  type PublishTlsOptions,
  RtspPublishServer,
  type RtspPublishServerOptions,
  requestPath,
} from './rtsp-publish-server';
export {
  type AudioMode,
  type AudioStreamInfo,
  RtspSession,
  type RtspSessionOptions,
  type RtspTransport,
  selectAudio,
  type VideoStreamInfo,
} from './rtsp-session';
export { h264ParametersFromFmtp, h265ParametersFromFmtp, parseSdp, resolveControlUrl, type Sdp, type SdpMedia } from './sdp';
export {
  type ChunkKind,
  connectClientToHub,
  type HubSink,
  StreamHub,
  type StreamHubOptions,
  type SubscriberStats,
  type Subscription,
} from './stream-hub';
