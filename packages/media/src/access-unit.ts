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
