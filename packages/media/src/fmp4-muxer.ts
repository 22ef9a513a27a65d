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
 * Audio: an optional AAC track (track id = video track id + 1) placed on the video timeline
 * (AudioFrame.timestamp90k). Queued audio frames go into the same moof as the next video
 * fragment (video traf first, then audio traf; one mdat), so a fragment stays "one video
 * fragment" for every reader that only looks at the first traf (playback index, GOP cache).
 * G.711 is never muxed (browsers' MSE cannot play it from MP4).
 * B-frames are not supported: samples are written with decode time = presentation time.
 */
import type { AccessUnit, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
import { h264CodecString, parseH264Sps } from './h264-sps';
import { h265CodecString, parseH265Sps } from './h265-sps';
import { buildAudioTrak } from './mp4-audio';
import { box, fourcc, fragmentedTrak, fullBox, UNITY_MATRIX, u8, u16, u32, zeros } from './mp4-boxes';

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

/** ftyp + moov; with `audio` (AAC) a second trak with id trackId + 1. */
export function buildInitSegment(track: VideoTrackInfo, trackId = 1, audio?: AudioTrackInfo): Buffer {
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
    u32(trackId + (audio ? 2 : 1)), // next_track_ID
  );
  const trak = fragmentedTrak({
    trackId,
    handler: 'vide',
    timescale: VIDEO_TIMESCALE,
    mediaHeader: fullBox('vmhd', 0, 1, zeros(8)),
    sampleEntry,
    width: track.width,
    height: track.height,
  });
  const trex = (id: number) => fullBox('trex', 0, 0, u32(id), u32(1), u32(0), u32(0), u32(0));
  if (!audio) return Buffer.concat([ftyp, box('moov', mvhd, trak, box('mvex', trex(trackId)))]);
  const audioTrak = buildAudioTrak(audio, trackId + 1);
  return Buffer.concat([ftyp, box('moov', mvhd, trak, audioTrak, box('mvex', trex(trackId), trex(trackId + 1)))]);
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
  return buildMultiTrackSegment(sequence, [{ trackId, baseDecodeTime, samples }]);
}

export interface TrackRun {
  trackId: number;
  /** tfdt, in the track's timescale. */
  baseDecodeTime: number;
  samples: readonly FragmentSample[];
}

/**
 * moof with one traf per run (in order) + one mdat holding the runs' samples in the same order.
 * buildMediaSegment is its one-run case (video only).
 */
export function buildMultiTrackSegment(sequence: number, runs: readonly TrackRun[]): Buffer {
  let moofSize = 8 + 16;
  let dataSize = 0;
  for (const r of runs) {
    moofSize += 8 + 16 + 20 + 20 + 12 * r.samples.length;
    for (const smp of r.samples) dataSize += smp.data.length;
  }
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
  let dataOffset = moofSize + 8;
  for (const r of runs) {
    const n = r.samples.length;
    w32(8 + 16 + 20 + 20 + 12 * n);
    type('traf');
    w32(16);
    type('tfhd');
    w32(0x020000); // default-base-is-moof
    w32(r.trackId);
    w32(20);
    type('tfdt');
    w32(0x01000000);
    out.writeBigUInt64BE(BigInt(Math.max(0, Math.floor(r.baseDecodeTime))), p);
    p += 8;
    w32(20 + 12 * n);
    type('trun');
    w32(TRUN_FLAGS);
    w32(n);
    w32(dataOffset);
    for (const smp of r.samples) {
      w32(smp.duration);
      w32(smp.data.length);
      w32(smp.keyframe ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS);
      dataOffset += smp.data.length;
    }
  }
  w32(8 + dataSize);
  type('mdat');
  for (const r of runs) {
    for (const smp of r.samples) {
      smp.data.copy(out, p);
      p += smp.data.length;
    }
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
  /** AAC track muxed next to the video (other codecs are ignored: video only). */
  audio?: AudioTrackInfo;
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
  /** AAC track, when muxed. */
  readonly audioTrack: AudioTrackInfo | undefined;
  private readonly audioTrackId: number;
  private audioPending: AudioFrame[] = [];
  /** Next audio decode time (audio timescale), once the first frame was written. */
  private audioNext: number | undefined;
  /** Video decode time − AccessUnit.timestamp90k of the last video frame (maps audio onto the timeline). */
  private videoOffset: number | undefined;

  constructor(
    readonly track: VideoTrackInfo,
    options: Fmp4MuxerOptions = {},
  ) {
    this.trackId = options.trackId ?? 1;
    this.audioTrack = options.audio?.codec === 'aac' && options.audio.config ? options.audio : undefined;
    this.audioTrackId = this.trackId + 1;
    this.init = buildInitSegment(track, this.trackId, this.audioTrack);
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
    this.videoOffset = decodeTime - au.timestamp90k;
    const sample = [{ data: au.data, duration, keyframe: au.keyframe }];
    const data = this.withAudio(decodeTime, sample);
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
      this.videoOffset = decodeTime - au.timestamp90k;
      samples.push({ data: au.data, duration, keyframe: au.keyframe });
    }
    return this.withAudio(base, samples);
  }

  /** moof + mdat of the video samples, with the queued audio in the same moof when there is any. */
  private withAudio(base: number, samples: FragmentSample[]): Buffer {
    const audio = this.audioPending.length > 0 ? this.takeAudio() : undefined;
    if (!audio) return buildMediaSegment(++this.sequence, base, samples, this.trackId);
    return buildMultiTrackSegment(++this.sequence, [
      { trackId: this.trackId, baseDecodeTime: base, samples },
      { trackId: this.audioTrackId, ...audio },
    ]);
  }

  /** Queues an audio frame (ignored without an audio track). Written by flushAudio()/flushFragment(). */
  queueAudio(frame: AudioFrame): void {
    if (this.audioTrack && frame.codec === 'aac') this.audioPending.push(frame);
  }

  /** Forgets queued audio (the source was interrupted: its timestamps no longer map). */
  dropQueuedAudio(): void {
    this.audioPending = [];
  }

  get queuedAudioFrames(): number {
    return this.audioPending.length;
  }

  /**
   * Takes the queued audio frames as one contiguous run placed on the video timeline. Frames
   * before the first video frame, or overlapping audio already written, are dropped; jitter up to
   * 100 ms is absorbed (the run stays contiguous), a larger jump starts the run at its own time.
   */
  private takeAudio(): { baseDecodeTime: number; samples: FragmentSample[] } | undefined {
    const track = this.audioTrack;
    const frames = this.audioPending;
    this.audioPending = [];
    if (!track || this.videoOffset === undefined) return undefined;
    const rate = track.sampleRate;
    const tolerance = Math.round(rate / 10);
    const samples: FragmentSample[] = [];
    let base = 0;
    for (const f of frames) {
      const t = Math.round(((f.timestamp90k + this.videoOffset) * rate) / VIDEO_TIMESCALE);
      const next = this.audioNext;
      let at: number;
      if (samples.length > 0)
        at = next!; // contiguous inside one run
      else if (next === undefined || t > next + tolerance)
        at = t; // first frame, or a real gap
      else if (t >= next - tolerance) at = next;
      else continue; // overlaps what was already written
      if (at < 0) continue;
      if (samples.length === 0) base = at;
      samples.push({ data: f.data, duration: f.samples, keyframe: true });
      this.audioNext = at + f.samples;
    }
    return samples.length > 0 ? { baseDecodeTime: base, samples } : undefined;
  }
}
