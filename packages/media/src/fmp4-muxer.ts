/**
 * Fragmented MP4 (ISO/IEC 14496-12 + 14496-15) muxer for H.264/H.265 video.
 *
 * - buildInitSegment: ftyp + moov (mvhd, trak with empty sample tables and an avcC/hvcC
 *   sample entry, mvex/trex).
 * - buildMediaSegment: moof (mfhd, traf: tfhd, tfdt, trun) + mdat holding any number of
 *   samples, written into ONE buffer (one allocation, one copy of the sample data).
 * - Fmp4Muxer: keeps decode time continuous (also across reconnects) and offers a live
 *   mode (one fragment per frame, for WebSocket + MSE) and a batch mode (one fragment for
 *   many frames, for recording segments).
 *
 * Video only: audio tracks are not muxed (the RTSP client does not set them up yet).
 * B-frames are not supported: samples are written with decode time = presentation time.
 */
import type { AccessUnit, ParameterSets, VideoCodec } from './access-unit';
import { h264CodecString, parseH264Sps } from './h264-sps';
import { h265CodecString, parseH265Sps } from './h265-sps';
import { box, fourcc, fullBox, u16, u32, u64, u8, UNITY_MATRIX, zeros } from './mp4-boxes';

export const VIDEO_TIMESCALE = 90_000;

export interface VideoTrackInfo {
  codec: VideoCodec;
  /** MSE codec string, e.g. "avc1.64001f" or "hvc1.1.6.L93.B0". */
  codecString: string;
  width: number;
  height: number;
  /** Frame rate from the SPS VUI when signalled. */
  fps: number | undefined;
  vps?: Buffer;
  sps: Buffer;
  pps: Buffer;
}

/** Builds track information from parameter sets; throws if SPS/PPS (and VPS for H.265) are missing. */
export function createVideoTrack(codec: VideoCodec, ps: ParameterSets): VideoTrackInfo {
  if (!ps.sps || !ps.pps) throw new Error('SPS and PPS are required');
  if (codec === 'h264') {
    const info = parseH264Sps(ps.sps);
    return {
      codec,
      codecString: h264CodecString(ps.sps),
      width: info.width,
      height: info.height,
      fps: info.fps,
      sps: ps.sps,
      pps: ps.pps,
    };
  }
  if (!ps.vps) throw new Error('VPS is required for H.265');
  const info = parseH265Sps(ps.sps);
  return {
    codec,
    codecString: h265CodecString(info),
    width: info.width,
    height: info.height,
    fps: undefined,
    vps: ps.vps,
    sps: ps.sps,
    pps: ps.pps,
  };
}

// ---- init segment ----------------------------------------------------------------------

export function buildAvcC(sps: Buffer, pps: Buffer): Buffer {
  const info = parseH264Sps(sps);
  const parts: Buffer[] = [
    u8(1),
    u8(sps[1]!),
    u8(sps[2]!),
    u8(sps[3]!),
    u8(0xff), // 6 reserved bits + lengthSizeMinusOne = 3
    u8(0xe1), // 3 reserved bits + 1 SPS
    u16(sps.length),
    sps,
    u8(1),
    u16(pps.length),
    pps,
  ];
  if (info.profileIdc !== 66 && info.profileIdc !== 77 && info.profileIdc !== 88) {
    parts.push(
      u8(0xfc | info.chromaFormatIdc),
      u8(0xf8 | (info.bitDepthLuma - 8)),
      u8(0xf8 | (info.bitDepthChroma - 8)),
      u8(0), // numOfSequenceParameterSetExt
    );
  }
  return box('avcC', ...parts);
}

export function buildHvcC(vps: Buffer, sps: Buffer, pps: Buffer): Buffer {
  const info = parseH265Sps(sps);
  const array = (type: number, nal: Buffer) => Buffer.concat([u8(0x80 | type), u16(1), u16(nal.length), nal]);
  return box(
    'hvcC',
    u8(1),
    u8((info.generalProfileSpace << 6) | (info.generalTierFlag << 5) | info.generalProfileIdc),
    u32(info.generalProfileCompatibilityFlags),
    info.generalConstraintIndicatorFlags,
    u8(info.generalLevelIdc),
    u16(0xf000), // min_spatial_segmentation_idc = 0
    u8(0xfc), // parallelismType = 0
    u8(0xfc | info.chromaFormatIdc),
    u8(0xf8 | (info.bitDepthLuma - 8)),
    u8(0xf8 | (info.bitDepthChroma - 8)),
    u16(0), // avgFrameRate
    u8((info.maxSubLayers << 3) | ((info.temporalIdNesting ? 1 : 0) << 2) | 3),
    u8(3),
    array(32, vps),
    array(33, sps),
    array(34, pps),
  );
}

function visualSampleEntry(type: string, width: number, height: number, config: Buffer): Buffer {
  const compressor = zeros(32);
  return box(
    type,
    zeros(6),
    u16(1), // data_reference_index
    zeros(16), // pre_defined, reserved, pre_defined[3]
    u16(width),
    u16(height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    u32(0),
    u16(1), // frame_count
    compressor,
    u16(0x0018), // depth
    u16(0xffff), // pre_defined = -1
    config,
  );
}

export function buildInitSegment(track: VideoTrackInfo, trackId = 1): Buffer {
  const sampleEntry =
    track.codec === 'h264'
      ? visualSampleEntry('avc1', track.width, track.height, buildAvcC(track.sps, track.pps))
      : visualSampleEntry('hvc1', track.width, track.height, buildHvcC(track.vps!, track.sps, track.pps));
  const brand = track.codec === 'h264' ? 'avc1' : 'hvc1';
  const ftyp = box('ftyp', fourcc('isom'), u32(0x200), fourcc('isom'), fourcc('iso6'), fourcc('iso2'), fourcc(brand), fourcc('mp41'));
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    u32(0), // creation_time
    u32(0), // modification_time
    u32(1000), // timescale
    u32(0), // duration
    u32(0x00010000), // rate 1.0
    u16(0x0100), // volume 1.0
    zeros(10),
    UNITY_MATRIX,
    zeros(24),
    u32(trackId + 1), // next_track_ID
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    0x000003, // enabled + in movie
    u32(0),
    u32(0),
    u32(trackId),
    u32(0),
    u32(0), // duration
    zeros(8),
    u16(0), // layer
    u16(0), // alternate_group
    u16(0), // volume (video)
    u16(0),
    UNITY_MATRIX,
    u32(track.width * 65536),
    u32(track.height * 65536),
  );
  const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(VIDEO_TIMESCALE), u32(0), u16(0x55c4 /* "und" */), u16(0));
  const hdlr = fullBox('hdlr', 0, 0, u32(0), fourcc('vide'), zeros(12), Buffer.from('VideoHandler\0', 'latin1'));
  const vmhd = fullBox('vmhd', 0, 1, zeros(8));
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), sampleEntry),
    fullBox('stts', 0, 0, u32(0)),
    fullBox('stsc', 0, 0, u32(0)),
    fullBox('stsz', 0, 0, u32(0), u32(0)),
    fullBox('stco', 0, 0, u32(0)),
  );
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', vmhd, dinf, stbl)));
  const mvex = box('mvex', fullBox('trex', 0, 0, u32(trackId), u32(1), u32(0), u32(0), u32(0)));
  return Buffer.concat([ftyp, box('moov', mvhd, trak, mvex)]);
}

// ---- media segments --------------------------------------------------------------------

export interface FragmentSample {
  /** Length-prefixed NAL units (AccessUnit.data). */
  data: Buffer;
  /** Duration in 90 kHz units. */
  duration: number;
  keyframe: boolean;
}

/** sample_depends_on = 2 (I picture), is_non_sync_sample = 0. */
export const SYNC_SAMPLE_FLAGS = 0x02000000;
/** sample_depends_on = 1, is_non_sync_sample = 1. */
export const NON_SYNC_SAMPLE_FLAGS = 0x01010000;

const TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400; // data offset, duration, size, flags

/**
 * Builds moof + mdat for `samples` into a single buffer.
 * @param sequence mfhd sequence number (starts at 1)
 * @param baseDecodeTime tfdt, in 90 kHz units
 */
export function buildMediaSegment(sequence: number, baseDecodeTime: number, samples: readonly FragmentSample[], trackId = 1): Buffer {
  const n = samples.length;
  let dataSize = 0;
  for (const s of samples) dataSize += s.data.length;
  const trunSize = 20 + 12 * n;
  const trafSize = 8 + 16 + 20 + trunSize;
  const moofSize = 8 + 16 + trafSize;
  const out = Buffer.allocUnsafe(moofSize + 8 + dataSize);
  let p = 0;
  const w32 = (v: number) => {
    out.writeUInt32BE(v >>> 0, p);
    p += 4;
  };
  const type = (t: string) => {
    out.write(t, p, 'latin1');
    p += 4;
  };
  w32(moofSize);
  type('moof');
  w32(16);
  type('mfhd');
  w32(0);
  w32(sequence);
  w32(trafSize);
  type('traf');
  w32(16);
  type('tfhd');
  w32(0x020000); // default-base-is-moof
  w32(trackId);
  w32(20);
  type('tfdt');
  w32(0x01000000); // version 1: 64-bit time
  out.writeBigUInt64BE(BigInt(Math.max(0, Math.floor(baseDecodeTime))), p);
  p += 8;
  w32(trunSize);
  type('trun');
  w32(TRUN_FLAGS);
  w32(n);
  w32(moofSize + 8); // data offset from the start of moof to the first sample byte
  for (const s of samples) {
    w32(s.duration);
    w32(s.data.length);
    w32(s.keyframe ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS);
  }
  w32(8 + dataSize);
  type('mdat');
  for (const s of samples) {
    s.data.copy(out, p);
    p += s.data.length;
  }
  return out;
}

export interface Fmp4MuxerOptions {
  /** Frame duration used until two frames have been seen (default 6000 = 15 fps). */
  defaultFrameDuration?: number;
  /**
   * A timestamp step larger than this (or ≤ 0) is treated as a discontinuity (reconnect,
   * camera clock jump): decode time then continues from the previous frame (default 5 s).
   */
  maxFrameGap?: number;
  trackId?: number;
  /** Decode time of the first frame (used to continue a timeline after an init change). */
  baseDecodeTime?: number;
}

export interface LiveFragment {
  /** moof + mdat of one frame. */
  data: Buffer;
  keyframe: boolean;
  /** Decode (= presentation) time in 90 kHz units. */
  decodeTime: number;
  duration: number;
}

/**
 * Stateful muxer for one video track. Decode time is derived from the access unit
 * timestamps but kept strictly increasing, so a new upstream session (timestamps
 * restarting from 0) continues the same timeline.
 */
export class Fmp4Muxer {
  readonly init: Buffer;
  private sequence = 0;
  private lastTimestamp: number | undefined;
  private nextDecodeTime = 0;
  private lastDuration: number;
  private readonly maxGap: number;
  private readonly trackId: number;
  private pending: { au: AccessUnit }[] = [];
  private previousDecodeTime = 0;

  constructor(
    readonly track: VideoTrackInfo,
    options: Fmp4MuxerOptions = {},
  ) {
    this.trackId = options.trackId ?? 1;
    this.init = buildInitSegment(track, this.trackId);
    const fpsDuration = track.fps && track.fps > 0 && track.fps <= 240 ? Math.round(VIDEO_TIMESCALE / track.fps) : 0;
    this.lastDuration = options.defaultFrameDuration ?? (fpsDuration || 6000);
    this.maxGap = options.maxFrameGap ?? 5 * VIDEO_TIMESCALE;
    this.nextDecodeTime = options.baseDecodeTime ?? 0;
  }

  /** Decode time the next frame will get if it directly follows the previous one. */
  get timelineEnd(): number {
    return this.nextDecodeTime;
  }

  /**
   * Live mode: returns one fragment (moof + mdat) for this access unit. The sample
   * duration is the last observed frame interval (the real one is not known yet); the
   * next fragment's tfdt carries the exact time, so errors do not accumulate.
   */
  pushLive(au: AccessUnit): LiveFragment {
    const first = this.lastTimestamp === undefined;
    let decodeTime: number;
    if (first) {
      this.lastTimestamp = au.timestamp90k;
      decodeTime = this.nextDecodeTime;
    } else {
      const delta = au.timestamp90k - this.lastTimestamp!;
      this.lastTimestamp = au.timestamp90k;
      if (delta > 0 && delta <= this.maxGap) {
        this.lastDuration = delta;
        decodeTime = this.previousDecodeTime + delta;
      } else {
        decodeTime = this.nextDecodeTime;
      }
    }
    const duration = this.lastDuration;
    this.previousDecodeTime = decodeTime;
    this.nextDecodeTime = decodeTime + duration;
    const data = buildMediaSegment(++this.sequence, decodeTime, [{ data: au.data, duration, keyframe: au.keyframe }], this.trackId);
    return { data, keyframe: au.keyframe, decodeTime, duration };
  }

  /** Batch mode: queues an access unit for the next flushFragment(). */
  queue(au: AccessUnit): void {
    this.pending.push({ au });
  }

  get queuedFrames(): number {
    return this.pending.length;
  }

  /**
   * Batch mode: writes all queued access units as one fragment. Durations come from the
   * timestamp differences; the last frame uses `nextTimestamp90k` when given (e.g. the
   * timestamp of the keyframe that starts the next segment), else the last interval.
   */
  flushFragment(nextTimestamp90k?: number): Buffer | undefined {
    if (this.pending.length === 0) return undefined;
    const items = this.pending;
    this.pending = [];
    const samples: FragmentSample[] = [];
    let base = 0;
    for (let i = 0; i < items.length; i++) {
      const au = items[i]!.au;
      let decodeTime: number;
      if (this.lastTimestamp === undefined) {
        decodeTime = this.nextDecodeTime;
      } else {
        const delta = au.timestamp90k - this.lastTimestamp;
        decodeTime = delta > 0 && delta <= this.maxGap ? this.previousDecodeTime + delta : this.nextDecodeTime;
      }
      this.lastTimestamp = au.timestamp90k;
      if (i === 0) base = decodeTime;
      const next = items[i + 1]?.au.timestamp90k ?? nextTimestamp90k;
      const d = next !== undefined ? next - au.timestamp90k : 0;
      const duration = d > 0 && d <= this.maxGap ? d : this.lastDuration;
      this.lastDuration = duration;
      this.previousDecodeTime = decodeTime;
      this.nextDecodeTime = decodeTime + duration;
      samples.push({ data: au.data, duration, keyframe: au.keyframe });
    }
    return buildMediaSegment(++this.sequence, base, samples, this.trackId);
  }
}
