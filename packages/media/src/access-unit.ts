/** Shared media types produced by the depacketizers and consumed by muxers and hubs. */

export type VideoCodec = 'h264' | 'h265';

export interface AccessUnit {
  codec: VideoCodec;
  /**
   * Presentation time in 90 kHz units: the RTP timestamp extended beyond 32 bits,
   * relative to the first packet seen by the depacketizer (so it starts at 0).
   */
  timestamp90k: number;
  /** Raw 32-bit RTP timestamp of the access unit. */
  rtpTimestamp: number;
  /** True when the access unit holds an IDR (H.264) / IRAP (H.265) picture. */
  keyframe: boolean;
  /**
   * The NAL units (without start codes or length prefixes). They are views into `data`;
   * in-band parameter sets and access unit delimiters are stripped unless the
   * depacketizer was created with keepParameterSets.
   */
  nalus: Buffer[];
  /** All NAL units in length-prefixed form (4-byte big-endian size + NAL): an MP4 sample. */
  data: Buffer;
  /** Date.now() when the access unit was completed. */
  receivedAt: number;
  /** RTP packets known to be lost while this access unit was assembled (0 = intact). */
  lostPackets: number;
}

export interface ParameterSets {
  /** H.265 only. */
  vps?: Buffer;
  sps?: Buffer;
  pps?: Buffer;
}

/** Audio codecs the RTSP client can depacketize. Only AAC is muxed (see docs/cameras.md). */
export type AudioCodec = 'aac' | 'pcmu' | 'pcma';

export interface AudioFrame {
  codec: AudioCodec;
  /**
   * Presentation time on the VIDEO's 90 kHz timeline (same origin as AccessUnit.timestamp90k),
   * so muxers place audio next to the frames it belongs to. Anchored by arrival time at the
   * first audio frame of a session, then advanced by the audio RTP clock.
   */
  timestamp90k: number;
  /** Samples per channel in this frame (1024 for AAC-LC, payload length for G.711). */
  samples: number;
  /** One raw AAC access unit (no ADTS header), or G.711 bytes. */
  data: Buffer;
  receivedAt: number;
}

export interface AudioTrackInfo {
  codec: AudioCodec;
  /** MSE codec string ("mp4a.40.2"); empty for G.711 (browsers cannot play it from MP4). */
  codecString: string;
  sampleRate: number;
  channels: number;
  /** AAC AudioSpecificConfig (from the SDP config= parameter). */
  config?: Buffer;
}
