/**
 * Audio over RTP: AAC in mpeg4-generic (RFC 3640, AAC-hbr/lbr with AU headers, fragmented
 * access units) and G.711 µ-law/A-law (RFC 3551, payload = samples). Each depacketizer
 * emits one raw frame at a time with its RTP timestamp; AudioTimeline then places the
 * frames on the video's 90 kHz timeline.
 */
import type { AudioCodec, AudioTrackInfo } from './access-unit';
import { BitReader } from './bit-reader';

export interface RawAudioFrame {
  data: Buffer;
  /** 32-bit RTP timestamp of this frame (AU i of a packet: packet timestamp + i × frame samples). */
  rtpTimestamp: number;
  samples: number;
}

export interface AudioDepacketizerStats {
  packets: number;
  frames: number;
  /** Frames dropped: malformed packets, broken fragments. */
  droppedFrames: number;
}

export interface AudioDepacketizer {
  readonly stats: AudioDepacketizerStats;
  push(buf: Buffer, start: number, end: number, sequence: number, timestamp: number, marker: boolean): void;
  reset(): void;
}

const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

export interface AudioSpecificConfigInfo {
  objectType: number;
  sampleRate: number;
  channels: number;
}

/** Parses the head of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1). */
export function parseAudioSpecificConfig(config: Buffer): AudioSpecificConfigInfo {
  const r = new BitReader(config);
  let objectType = r.u(5);
  if (objectType === 31) objectType = 32 + r.u(6);
  const index = r.u(4);
  const sampleRate = index === 15 ? r.u(24) : SAMPLE_RATES[index];
  if (!sampleRate) throw new Error(`invalid AAC sampling frequency index ${index}`);
  const channels = r.u(4);
  return { objectType, sampleRate, channels };
}

/** RFC 3640 fmtp parameters (mpeg4-generic). */
export interface Rfc3640Parameters {
  config: Buffer | undefined;
  mode: string;
  sizeLength: number;
  indexLength: number;
  indexDeltaLength: number;
  ctsDeltaLength: number;
  dtsDeltaLength: number;
  randomAccessIndication: boolean;
  streamStateIndication: number;
  auxiliaryDataSizeLength: number;
  /** Samples per access unit (constantDuration, else 1024). */
  frameSamples: number;
}

export function rfc3640ParametersFromFmtp(fmtp: Record<string, string>): Rfc3640Parameters {
  const n = (k: string, d = 0) => {
    const v = Number.parseInt(fmtp[k] ?? '', 10);
    return Number.isFinite(v) && v >= 0 && v <= 32 ? v : d;
  };
  const hex = (fmtp.config ?? '').trim();
  const constant = Number.parseInt(fmtp.constantduration ?? '', 10);
  return {
    config: /^([0-9a-f]{2})+$/i.test(hex) ? Buffer.from(hex, 'hex') : undefined,
    mode: (fmtp.mode ?? '').toLowerCase(),
    sizeLength: n('sizelength'),
    indexLength: n('indexlength'),
    indexDeltaLength: n('indexdeltalength'),
    ctsDeltaLength: n('ctsdeltalength'),
    dtsDeltaLength: n('dtsdeltalength'),
    randomAccessIndication: fmtp.randomaccessindication === '1',
    streamStateIndication: n('streamstateindication'),
    auxiliaryDataSizeLength: n('auxiliarydatasizelength'),
    frameSamples: Number.isFinite(constant) && constant > 0 ? constant : 1024,
  };
}

/** Track description for an SDP audio media, or undefined when the codec is not supported. */
export function audioTrackFromSdp(
  encoding: string,
  clockRate: number,
  fmtp: Record<string, string>,
  channelsHint = 1,
): AudioTrackInfo | undefined {
  if (encoding === 'PCMU' || encoding === 'PCMA') {
    return { codec: encoding === 'PCMU' ? 'pcmu' : 'pcma', codecString: '', sampleRate: clockRate || 8000, channels: channelsHint };
  }
  if (encoding !== 'MPEG4-GENERIC') return undefined;
  const p = rfc3640ParametersFromFmtp(fmtp);
  if (!p.config || p.sizeLength === 0) return undefined; // AAC needs its config and AU sizes
  let asc: AudioSpecificConfigInfo;
  try {
    asc = parseAudioSpecificConfig(p.config);
  } catch {
    return undefined;
  }
  return {
    codec: 'aac',
    codecString: `mp4a.40.${asc.objectType}`,
    sampleRate: asc.sampleRate,
    channels: asc.channels || channelsHint,
    config: p.config,
  };
}

/** RFC 3640 depacketizer: AU-headers section, then the concatenated access units. */
export class AacDepacketizer implements AudioDepacketizer {
  readonly stats: AudioDepacketizerStats = { packets: 0, frames: 0, droppedFrames: 0 };
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private fragmentSize = 0;
  private fragmentTs = 0;
  private expectedSeq = -1;
  private readonly sizes: number[] = [];

  constructor(
    private readonly p: Rfc3640Parameters,
    private readonly onFrame: (f: RawAudioFrame) => void,
  ) {}

  push(buf: Buffer, start: number, end: number, sequence: number, timestamp: number, marker: boolean): void {
    this.stats.packets++;
    if (this.expectedSeq >= 0 && sequence !== this.expectedSeq) this.dropFragment();
    this.expectedSeq = (sequence + 1) & 0xffff;
    const sizes = this.sizes;
    sizes.length = 0;
    let pos = start;
    try {
      pos = this.readHeaders(buf, start, end, sizes);
    } catch {
      this.stats.droppedFrames++;
      this.dropFragment();
      return;
    }
    const available = end - pos;
    if (this.fragmentSize > 0 || (sizes.length === 1 && sizes[0]! > available)) {
      this.pushFragment(buf.subarray(pos, end), sizes[0] ?? 0, timestamp, marker);
      return;
    }
    let ts = timestamp;
    for (const size of sizes) {
      if (pos + size > end) {
        this.stats.droppedFrames++;
        return;
      }
      this.emit(Buffer.from(buf.subarray(pos, pos + size)), ts);
      pos += size;
      ts = (ts + this.p.frameSamples) >>> 0;
    }
  }

  reset(): void {
    this.dropFragment();
    this.expectedSeq = -1;
  }

  private readHeaders(buf: Buffer, start: number, end: number, sizes: number[]): number {
    const p = this.p;
    if (end - start < 2) throw new RangeError('short packet');
    const headerBits = buf.readUInt16BE(start);
    const headerBytes = (headerBits + 7) >> 3;
    let pos = start + 2 + headerBytes;
    if (pos > end) throw new RangeError('AU headers exceed packet');
    const r = new BitReader(buf.subarray(start + 2, start + 2 + headerBytes));
    let used = 0;
    while (used < headerBits) {
      const before = r.bitsLeft;
      sizes.push(r.u(p.sizeLength));
      r.skip(sizes.length === 1 ? p.indexLength : p.indexDeltaLength);
      if (p.ctsDeltaLength > 0 && r.flag()) r.skip(p.ctsDeltaLength);
      if (p.dtsDeltaLength > 0 && r.flag()) r.skip(p.dtsDeltaLength);
      if (p.randomAccessIndication) r.skip(1);
      r.skip(p.streamStateIndication);
      used += before - r.bitsLeft;
      if (used === 0 || sizes.length > 512) throw new RangeError('bad AU headers');
    }
    if (p.auxiliaryDataSizeLength > 0) {
      const aux = new BitReader(buf.subarray(pos, end)).u(p.auxiliaryDataSizeLength);
      pos += (p.auxiliaryDataSizeLength + aux + 7) >> 3;
      if (pos > end) throw new RangeError('auxiliary data exceeds packet');
    }
    return pos;
  }

  private pushFragment(piece: Buffer, size: number, timestamp: number, marker: boolean): void {
    if (this.fragmentSize === 0) {
      this.fragmentSize = size;
      this.fragmentTs = timestamp;
    } else if (timestamp !== this.fragmentTs) {
      this.dropFragment();
      return this.pushFragment(piece, size, timestamp, marker);
    }
    this.fragments.push(Buffer.from(piece));
    this.fragmentBytes += piece.length;
    if (this.fragmentBytes > this.fragmentSize) return this.dropFragment();
    if (!marker) return;
    if (this.fragmentBytes === this.fragmentSize) {
      const data = Buffer.concat(this.fragments, this.fragmentBytes);
      const ts = this.fragmentTs;
      this.clearFragment();
      this.emit(data, ts);
    } else {
      this.dropFragment();
    }
  }

  private emit(data: Buffer, rtpTimestamp: number): void {
    this.stats.frames++;
    this.onFrame({ data, rtpTimestamp, samples: this.p.frameSamples });
  }

  private clearFragment(): void {
    this.fragments = [];
    this.fragmentBytes = 0;
    this.fragmentSize = 0;
  }

  private dropFragment(): void {
    if (this.fragmentSize > 0) this.stats.droppedFrames++;
    this.clearFragment();
  }
}

/** G.711 (PCMU/PCMA): every packet is one frame of 8-bit samples. */
export class G711Depacketizer implements AudioDepacketizer {
  readonly stats: AudioDepacketizerStats = { packets: 0, frames: 0, droppedFrames: 0 };

  constructor(
    private readonly channels: number,
    private readonly onFrame: (f: RawAudioFrame) => void,
  ) {}

  push(buf: Buffer, start: number, end: number, _sequence: number, timestamp: number, _marker?: boolean): void {
    this.stats.packets++;
    const len = end - start;
    if (len <= 0 || len % this.channels !== 0) {
      this.stats.droppedFrames++;
      return;
    }
    this.stats.frames++;
    this.onFrame({ data: Buffer.from(buf.subarray(start, end)), rtpTimestamp: timestamp, samples: len / this.channels });
  }

  reset(): void {}
}

export function createAudioDepacketizer(
  codec: AudioCodec,
  fmtp: Record<string, string>,
  channels: number,
  onFrame: (f: RawAudioFrame) => void,
): AudioDepacketizer {
  return codec === 'aac'
    ? new AacDepacketizer(rfc3640ParametersFromFmtp(fmtp), onFrame)
    : new G711Depacketizer(Math.max(1, channels), onFrame);
}

/**
 * Places audio frames on the video's 90 kHz timeline. Without RTCP sender reports the two RTP
 * clocks are unrelated, so the first audio frame is anchored to the video time "now" (last video
 * frame + time since it arrived); later frames follow the audio RTP clock. Frames before the
 * first video frame are dropped (nothing to anchor to). reset() after a video discontinuity.
 */
export class AudioTimeline {
  private video: { ts90k: number; at: number } | undefined;
  private anchor90k: number | undefined;
  private lastRtp = 0;
  private extended = 0;

  constructor(private readonly clockRate: number) {}

  onVideo(ts90k: number, at: number): void {
    this.video = { ts90k, at };
  }

  /** Video time (90 kHz) of an audio frame, or undefined when there is no video yet. */
  place(rtpTimestamp: number, now: number): number | undefined {
    if (!this.video) return undefined;
    if (this.anchor90k === undefined) {
      this.anchor90k = this.video.ts90k + Math.max(0, now - this.video.at) * 90;
      this.lastRtp = rtpTimestamp;
      this.extended = 0;
    } else {
      this.extended += (rtpTimestamp - this.lastRtp) | 0;
      this.lastRtp = rtpTimestamp;
    }
    return this.anchor90k + Math.round((this.extended * 90_000) / this.clockRate);
  }

  reset(): void {
    this.video = undefined;
    this.anchor90k = undefined;
  }
}
