/**
 * Codec-independent part of the H.264/H.265 RTP depacketizers: assembles NAL units of
 * one access unit into a reusable scratch buffer (length-prefixed, i.e. directly usable
 * as an MP4 sample), detects access unit boundaries (RTP marker bit and timestamp
 * change), tracks sequence gaps, captures parameter sets, and emits one AccessUnit per
 * frame with a single allocation + copy.
 */
import type { AccessUnit, ParameterSets, VideoCodec } from './access-unit';

export interface DepacketizerOptions {
  onAccessUnit: (au: AccessUnit) => void;
  /** Called (before the next access unit) when in-band parameter sets differ from the known ones. */
  onParameterSets?: (ps: ParameterSets) => void;
  /** Keep SPS/PPS/VPS/AUD NAL units inside the access units (default false: strip them). */
  keepParameterSets?: boolean;
  /** Initial scratch size (default 64 KiB); it grows by doubling. */
  initialBufferSize?: number;
  /** Access units larger than this are dropped (default 8 MiB). */
  maxAccessUnitSize?: number;
}

export interface DepacketizerStats {
  packets: number;
  /** Packets inferred lost from sequence gaps. */
  lostPackets: number;
  /** Late/duplicated packets that were ignored. */
  latePackets: number;
  /** NAL units dropped because a fragmented unit lost pieces, or packets of unsupported/malformed types. */
  droppedNalUnits: number;
  accessUnits: number;
  keyframes: number;
  /** Access units dropped for exceeding maxAccessUnitSize. */
  oversizedAccessUnits: number;
}

export const enum NalRole {
  Other = 0,
  Keyframe = 1,
  Vps = 2,
  Sps = 3,
  Pps = 4,
  /** Access unit delimiter: stripped like parameter sets. */
  Delimiter = 5,
}

export abstract class NalDepacketizer {
  readonly stats: DepacketizerStats = {
    packets: 0,
    lostPackets: 0,
    latePackets: 0,
    droppedNalUnits: 0,
    accessUnits: 0,
    keyframes: 0,
    oversizedAccessUnits: 0,
  };
  protected abstract readonly codec: VideoCodec;

  private scratch: Buffer;
  private len = 0;
  private readonly nalStarts: number[] = [];
  private keyframe = false;
  private oversized = false;
  private auLost = 0;
  private hasPending = false;
  private currentRtpTs = 0;
  private lastRtpTs = 0;
  private extendedTs = 0;
  private sawFirstPacket = false;
  private expectedSeq = -1;
  /** Start offset of the NAL being assembled from fragments, -1 when none. */
  protected fuStart = -1;
  /** True while skipping the remaining fragments of a broken FU sequence. */
  protected fuDropping = false;
  private parameterSets: ParameterSets = {};
  private parameterSetsChanged = false;
  private readonly keepParameterSets: boolean;
  private readonly maxSize: number;

  constructor(protected readonly options: DepacketizerOptions) {
    this.scratch = Buffer.allocUnsafe(options.initialBufferSize ?? 64 * 1024);
    this.keepParameterSets = options.keepParameterSets ?? false;
    this.maxSize = options.maxAccessUnitSize ?? 8 * 1024 * 1024;
  }

  /** Parameter sets known so far (from SDP and in-band). The object is replaced on change. */
  get currentParameterSets(): ParameterSets {
    return this.parameterSets;
  }

  /** Seeds parameter sets (e.g. from SDP sprop-*) without emitting onParameterSets. */
  setParameterSets(ps: ParameterSets): void {
    this.parameterSets = { ...this.parameterSets, ...stripUndefined(ps) };
  }

  /**
   * Feeds one RTP packet: payload is buf[start, end). The buffer may be reused by the
   * caller after this returns; everything needed is copied.
   */
  push(buf: Buffer, start: number, end: number, sequence: number, rtpTimestamp: number, marker: boolean): void {
    this.stats.packets++;
    if (this.expectedSeq >= 0) {
      const diff = (sequence - this.expectedSeq) & 0xffff;
      if (diff >= 0x8000) {
        this.stats.latePackets++;
        return;
      }
      if (diff > 0) {
        this.stats.lostPackets += diff;
        this.auLost += diff;
        // A fragmented NAL in progress is now broken: drop it (counted) and ignore its
        // remaining fragments. Otherwise, let an orphan fragment be counted once.
        const wasAssembling = this.fuStart >= 0;
        this.abortFragment();
        this.fuDropping = wasAssembling;
      }
    }
    this.expectedSeq = (sequence + 1) & 0xffff;

    if (!this.sawFirstPacket) {
      this.sawFirstPacket = true;
      this.lastRtpTs = rtpTimestamp;
      this.extendedTs = 0;
    } else if (this.hasPending && rtpTimestamp !== this.currentRtpTs) {
      this.flush();
    }
    if (!this.hasPending) {
      this.hasPending = true;
      this.extendedTs += (rtpTimestamp - this.lastRtpTs) | 0;
      this.lastRtpTs = rtpTimestamp;
      this.currentRtpTs = rtpTimestamp;
    }
    if (end > start) this.depacketize(buf, start, end);
    if (marker) this.flush();
  }

  /** Emits the pending access unit, if any (e.g. at end of stream). */
  flush(): void {
    this.abortFragment();
    if (!this.hasPending) return;
    this.hasPending = false;
    const count = this.nalStarts.length;
    if (this.parameterSetsChanged) {
      this.parameterSetsChanged = false;
      this.options.onParameterSets?.(this.parameterSets);
    }
    if (count > 0 && !this.oversized) {
      const data = Buffer.allocUnsafe(this.len);
      this.scratch.copy(data, 0, 0, this.len);
      const nalus: Buffer[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const s = this.nalStarts[i]!;
        nalus[i] = data.subarray(s + 4, s + 4 + data.readUInt32BE(s));
      }
      this.stats.accessUnits++;
      if (this.keyframe) this.stats.keyframes++;
      const au: AccessUnit = {
        codec: this.codec,
        timestamp90k: this.extendedTs,
        rtpTimestamp: this.currentRtpTs,
        keyframe: this.keyframe,
        nalus,
        data,
        receivedAt: Date.now(),
        lostPackets: this.auLost,
      };
      this.resetAccessUnit();
      this.options.onAccessUnit(au);
      return;
    }
    if (this.oversized) this.stats.oversizedAccessUnits++;
    this.resetAccessUnit();
  }

  /** Forgets sequence/timestamp state (new RTSP session). Counters are kept. */
  reset(): void {
    this.abortFragment();
    this.resetAccessUnit();
    this.hasPending = false;
    this.sawFirstPacket = false;
    this.expectedSeq = -1;
    this.fuDropping = false;
  }

  private resetAccessUnit(): void {
    this.len = 0;
    this.nalStarts.length = 0;
    this.keyframe = false;
    this.oversized = false;
    this.auLost = 0;
  }

  /** Codec-specific payload parsing; calls the NAL helpers below. */
  protected abstract depacketize(buf: Buffer, start: number, end: number): void;

  /** Classifies a NAL unit from its first header byte(s). */
  protected abstract classify(b0: number, b1: number): NalRole;

  // ---- NAL helpers for subclasses ----------------------------------------------------

  /** Reserves room for a length prefix and returns the NAL start offset. */
  protected beginNal(): number {
    const start = this.len;
    if (this.ensure(4)) this.len += 4;
    return start;
  }

  protected appendByte(b: number): void {
    if (this.ensure(1)) this.scratch[this.len++] = b;
  }

  protected append(buf: Buffer, start: number, end: number): void {
    const n = end - start;
    if (n <= 0 || !this.ensure(n)) return;
    buf.copy(this.scratch, this.len, start, end);
    this.len += n;
  }

  /** Completes the NAL started at `start`: writes its length and handles parameter sets. */
  protected endNal(start: number): void {
    if (this.oversized) return;
    const size = this.len - start - 4;
    if (size <= 0) {
      this.len = start;
      return;
    }
    const s = this.scratch;
    const role = this.classify(s[start + 4]!, size > 1 ? s[start + 5]! : 0);
    if (role === NalRole.Vps || role === NalRole.Sps || role === NalRole.Pps) {
      const key = role === NalRole.Vps ? 'vps' : role === NalRole.Sps ? 'sps' : 'pps';
      const nal = s.subarray(start + 4, this.len);
      const known = this.parameterSets[key];
      if (!known || !known.equals(nal)) {
        this.parameterSets = { ...this.parameterSets, [key]: Buffer.from(nal) };
        this.parameterSetsChanged = true;
      }
    }
    if (!this.keepParameterSets && role >= NalRole.Vps) {
      this.len = start;
      return;
    }
    if (role === NalRole.Keyframe) this.keyframe = true;
    s.writeUInt32BE(size, start);
    this.nalStarts.push(start);
  }

  /** Single NAL unit packet or one aggregated unit. */
  protected addNal(buf: Buffer, start: number, end: number): void {
    if (end <= start) return;
    const s = this.beginNal();
    this.append(buf, start, end);
    this.endNal(s);
  }

  protected startFragment(): number {
    this.abortFragment();
    this.fuDropping = false;
    this.fuStart = this.beginNal();
    return this.fuStart;
  }

  protected finishFragment(): void {
    if (this.fuStart < 0) return;
    const s = this.fuStart;
    this.fuStart = -1;
    this.endNal(s);
  }

  /** Discards a partially assembled fragmented NAL unit (counted as dropped). */
  protected abortFragment(): void {
    if (this.fuStart < 0) return;
    this.len = this.fuStart;
    this.fuStart = -1;
    this.stats.droppedNalUnits++;
  }

  /** Marks a fragment that cannot be used (middle/end without start): counted once per broken unit. */
  protected dropOrphanFragment(): void {
    if (!this.fuDropping) {
      this.fuDropping = true;
      this.stats.droppedNalUnits++;
    }
  }

  /** Makes room for `extra` bytes; false when the access unit is (now) oversized and discarded. */
  private ensure(extra: number): boolean {
    if (this.oversized) return false;
    const need = this.len + extra;
    if (need > this.maxSize) {
      // Stop assembling: the rest of this access unit is ignored and it is dropped at flush.
      this.oversized = true;
      this.len = 0;
      this.nalStarts.length = 0;
      this.fuStart = -1;
      return false;
    }
    if (need > this.scratch.length) this.grow(need);
    return true;
  }

  private grow(need: number): void {
    let size = this.scratch.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.scratch.copy(next, 0, 0, this.len);
    this.scratch = next;
  }
}

function stripUndefined(ps: ParameterSets): ParameterSets {
  const out: ParameterSets = {};
  if (ps.vps) out.vps = ps.vps;
  if (ps.sps) out.sps = ps.sps;
  if (ps.pps) out.pps = ps.pps;
  return out;
}
