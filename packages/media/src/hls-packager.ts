/**
 * HLS (RFC 8216, version 7) packager for one camera: fMP4/CMAF media segments cut at keyframes
 * from the camera's access units, a small rolling window of them in memory, and the live media
 * playlist that lists them (#EXT-X-MAP init, #EXTINF, #EXT-X-PROGRAM-DATE-TIME…).
 *
 * - A segment starts on a keyframe and holds whole GOPs: it is cut at the first keyframe once
 *   `targetSegmentMs` of media has been collected (with the simulator's 1 s GOP: 2 GOPs ≈ 2 s).
 * - Decode time is kept by an Fmp4Muxer (64-bit tfdt, continuous across camera reconnects and
 *   timestamp wraps); segment durations come from that timeline, never from raw timestamps.
 * - A change of codec parameters starts a new init segment ("generation") and the playlist marks
 *   the boundary with #EXT-X-DISCONTINUITY and a new #EXT-X-MAP.
 * - Memory is bounded: the window (+ `spareSegments` just out of it, for slow clients), the init
 *   segments the window refers to, and one pending segment of at most `maxSegmentBytes` (a GOP that
 *   grows beyond it is dropped and the packager waits for the next keyframe).
 *
 * Pure plumbing: no I/O, no timers. The caller feeds `push()` (e.g. from a StreamHub's
 * 'accessUnit' event) and serves `playlist()`, `init()` and `segment()`.
 */
import { EventEmitter } from 'node:events';
import type { AccessUnit, ParameterSets } from './access-unit';
import { createVideoTrack, Fmp4Muxer, VIDEO_TIMESCALE, type VideoTrackInfo } from './fmp4-muxer';

export interface HlsPackagerOptions {
  /** Media collected before a segment is cut at the next keyframe (default 2000 ms). */
  targetSegmentMs?: number;
  /** Segments listed in the playlist (default 6). */
  windowSegments?: number;
  /** Segments kept after they leave the playlist, for clients that fetch late (default 2). */
  spareSegments?: number;
  /** A pending segment larger than this is dropped (default 8 MiB). */
  maxSegmentBytes?: number;
  /** A pending segment with more frames than this is dropped (default 1800). */
  maxSegmentFrames?: number;
  /**
   * Number of the first segment and of the first init generation (default 1). A server that may
   * restart a camera's packager passes e.g. the current Unix time in seconds, so the media sequence
   * a reloading client sees never goes back.
   */
  firstSequence?: number;
}

export interface HlsSegment {
  /** Media sequence number (1, 2, …). */
  seq: number;
  /** Init segment generation this segment decodes with. */
  gen: number;
  /** moof + mdat (one CMAF fragment holding whole GOPs). */
  data: Buffer;
  /** Seconds, from the decode timeline. */
  duration: number;
  /** Wall-clock time of the first frame (ms since epoch): #EXT-X-PROGRAM-DATE-TIME. */
  programDateTime: number;
  /** Decode time of the first frame (90 kHz): the segment's tfdt. */
  decodeTime: number;
  /** First segment of a new generation (after a previous one): #EXT-X-DISCONTINUITY. */
  discontinuity: boolean;
}

export interface HlsPackagerStats {
  segments: number;
  droppedSegments: number;
  generations: number;
  bytes: number;
}

/** What the playlist renderer needs of a segment. */
export type PlaylistSegment = Pick<HlsSegment, 'seq' | 'gen' | 'duration' | 'programDateTime' | 'discontinuity'>;

export interface PlaylistUris {
  segment(seq: number): string;
  init(gen: number): string;
}

export const defaultPlaylistUris: PlaylistUris = {
  segment: (seq) => `${seq}.m4s`,
  init: (gen) => `init.mp4?g=${gen}`,
};

/** Renders a live media playlist (pure). `targetDuration` in whole seconds. */
export function renderMediaPlaylist(p: {
  segments: readonly PlaylistSegment[];
  targetDuration: number;
  discontinuitySequence: number;
  uris?: PlaylistUris;
}): string {
  const uris = p.uris ?? defaultPlaylistUris;
  const first = p.segments[0];
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${p.targetDuration}`, `#EXT-X-MEDIA-SEQUENCE:${first?.seq ?? 0}`];
  if (p.discontinuitySequence > 0) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${p.discontinuitySequence}`);
  lines.push('#EXT-X-INDEPENDENT-SEGMENTS');
  let gen: number | undefined;
  for (const s of p.segments) {
    if (s.discontinuity && gen !== undefined) lines.push('#EXT-X-DISCONTINUITY');
    if (s.gen !== gen) {
      lines.push(`#EXT-X-MAP:URI="${uris.init(s.gen)}"`);
      gen = s.gen;
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateTime).toISOString()}`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`);
    lines.push(uris.segment(s.seq));
  }
  return `${lines.join('\n')}\n`;
}

interface Generation {
  gen: number;
  track: VideoTrackInfo;
  muxer: Fmp4Muxer;
}

/** Frame-interval guard: a step outside (0, 5 s] (reconnect, clock jump) counts as one frame. */
const MAX_FRAME_STEP = 5 * VIDEO_TIMESCALE;

export class HlsPackager extends EventEmitter {
  readonly stats: HlsPackagerStats = { segments: 0, droppedSegments: 0, generations: 0, bytes: 0 };
  private readonly targetTicks: number;
  private readonly window: number;
  private readonly spare: number;
  private readonly maxBytes: number;
  private readonly maxFrames: number;
  private current: Generation | undefined;
  private readonly inits = new Map<number, Buffer>();
  private segments: HlsSegment[] = [];
  private seq: number;
  private readonly firstGen: number;
  private discontinuitySeq = 0;
  private maxDuration = 0;
  private pending: AccessUnit[] = [];
  private pendingBytes = 0;
  private pendingTicks = 0;
  private pendingStartedAt = 0;
  private lastTs: number | undefined;
  private lastStep = 0;
  private nextIsDiscontinuity = false;
  private closed = false;

  constructor(options: HlsPackagerOptions = {}) {
    super();
    this.targetTicks = Math.round(((options.targetSegmentMs ?? 2000) * VIDEO_TIMESCALE) / 1000);
    this.window = Math.max(1, options.windowSegments ?? 6);
    this.spare = Math.max(0, options.spareSegments ?? 2);
    this.maxBytes = options.maxSegmentBytes ?? 8 * 1024 * 1024;
    this.maxFrames = options.maxSegmentFrames ?? 1800;
    this.seq = (options.firstSequence ?? 1) - 1;
    this.firstGen = options.firstSequence ?? 1;
  }

  /** Segments currently listed in the playlist. */
  get listed(): readonly HlsSegment[] {
    return this.segments.slice(-this.window);
  }

  /** Bytes held (segments, init segments and the pending one): what `bounded memory` means. */
  get bytesHeld(): number {
    let n = this.pendingBytes;
    for (const s of this.segments) n += s.data.length;
    for (const b of this.inits.values()) n += b.length;
    return n;
  }

  /**
   * Feeds one access unit with the parameter sets known at that moment (in-band or from the SDP).
   * Emits 'segment' (HlsSegment) whenever a segment is completed.
   */
  push(au: AccessUnit, ps: ParameterSets): void {
    if (this.closed) return;
    const step = this.frameStep(au.timestamp90k);
    if (au.keyframe) {
      const changed = this.trackChanged(au, ps);
      if (this.pending.length && (changed || this.pendingTicks + step >= this.targetTicks)) this.cut(au.timestamp90k);
      if (changed) this.switchTrack(changed);
      if (!this.current) return;
      if (!this.pending.length) {
        this.pendingStartedAt = au.receivedAt;
        this.pendingTicks = 0;
        this.add(au);
        return;
      }
    }
    if (!this.pending.length) return; // waiting for a keyframe
    this.pendingTicks += step;
    this.add(au);
    if (this.pendingBytes > this.maxBytes || this.pending.length > this.maxFrames) {
      // A GOP this large cannot be served as one segment: drop it and wait for the next keyframe.
      this.pending = [];
      this.pendingBytes = 0;
      this.stats.droppedSegments++;
    }
  }

  /** The playlist, or undefined while no segment exists yet. */
  playlist(uris?: PlaylistUris): string | undefined {
    const listed = this.listed;
    if (!listed.length) return undefined;
    // #EXT-X-DISCONTINUITY-SEQUENCE: discontinuities up to and including the first listed segment
    // (whose own tag is not rendered: no segment before it is listed).
    const firstListed = listed[0]!.seq;
    let dseq = this.discontinuitySeq;
    for (const s of this.segments) if (s.seq <= firstListed && s.discontinuity) dseq++;
    return renderMediaPlaylist({
      segments: listed,
      targetDuration: this.targetDuration,
      discontinuitySequence: dseq,
      ...(uris ? { uris } : {}),
    });
  }

  /** #EXT-X-TARGETDURATION: the longest segment so far, rounded up (never shrinks while running). */
  get targetDuration(): number {
    return Math.max(1, Math.ceil(this.maxDuration - 1e-3));
  }

  /** Init segment of a generation (default: the current one). */
  init(gen?: number): Buffer | undefined {
    return this.inits.get(gen ?? this.current?.gen ?? -1);
  }

  get generation(): number | undefined {
    return this.current?.gen;
  }

  /** Track of the current generation (codec string and size, e.g. for a multivariant playlist). */
  get track(): VideoTrackInfo | undefined {
    return this.current?.track;
  }

  /** Peak bit rate of the listed segments (bits/s): BANDWIDTH of a multivariant playlist. */
  get peakBitrate(): number {
    let peak = 0;
    for (const s of this.listed) if (s.duration > 0) peak = Math.max(peak, (s.data.length * 8) / s.duration);
    return Math.ceil(peak);
  }

  /** A segment still held (listed or spare). */
  segment(seq: number): HlsSegment | undefined {
    const first = this.segments[0];
    if (!first) return undefined;
    return this.segments[seq - first.seq];
  }

  close(): void {
    this.closed = true;
    this.segments = [];
    this.pending = [];
    this.pendingBytes = 0;
    this.inits.clear();
    this.removeAllListeners();
  }

  private frameStep(ts: number): number {
    const last = this.lastTs;
    this.lastTs = ts;
    if (last === undefined) return 0;
    const d = ts - last;
    if (d > 0 && d <= MAX_FRAME_STEP) this.lastStep = d;
    return this.lastStep;
  }

  private add(au: AccessUnit): void {
    this.pending.push(au);
    this.pendingBytes += au.data.length;
  }

  /** The new track when this keyframe's parameter sets differ from the current ones (else undefined). */
  private trackChanged(au: AccessUnit, ps: ParameterSets): VideoTrackInfo | undefined {
    const t = this.current?.track;
    if (t && t.codec === au.codec && same(ps.sps, t.sps) && same(ps.pps, t.pps) && (au.codec === 'h264' || same(ps.vps, t.vps)))
      return undefined;
    try {
      return createVideoTrack(au.codec, ps);
    } catch {
      return undefined; // incomplete parameter sets: keep the current track (or keep waiting)
    }
  }

  private switchTrack(track: VideoTrackInfo): void {
    const previous = this.current;
    const gen = previous ? previous.gen + 1 : this.firstGen;
    const muxer = new Fmp4Muxer(track, { baseDecodeTime: previous?.muxer.timelineEnd ?? 0 });
    this.current = { gen, track, muxer };
    this.inits.set(gen, muxer.init);
    this.stats.generations++;
    this.nextIsDiscontinuity = previous !== undefined;
  }

  private cut(nextTs: number): void {
    const g = this.current!;
    const start = g.muxer.timelineEnd;
    for (const au of this.pending) g.muxer.queue(au);
    const data = g.muxer.flushFragment(nextTs)!;
    const duration = (g.muxer.timelineEnd - start) / VIDEO_TIMESCALE;
    const seg: HlsSegment = {
      seq: ++this.seq,
      gen: g.gen,
      data,
      duration,
      programDateTime: this.pendingStartedAt,
      decodeTime: start,
      discontinuity: this.nextIsDiscontinuity,
    };
    this.nextIsDiscontinuity = false;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingTicks = 0;
    this.maxDuration = Math.max(this.maxDuration, duration);
    this.segments.push(seg);
    this.stats.segments++;
    this.stats.bytes += data.length;
    this.evict();
    this.emit('segment', seg);
  }

  private evict(): void {
    const keep = this.window + this.spare;
    while (this.segments.length > keep) {
      const gone = this.segments.shift()!;
      // The discontinuity of a segment that left memory is remembered in the sequence number.
      if (gone.discontinuity) this.discontinuitySeq++;
    }
    const live = new Set(this.segments.map((s) => s.gen));
    if (this.current) live.add(this.current.gen);
    for (const gen of [...this.inits.keys()]) if (!live.has(gen)) this.inits.delete(gen);
  }
}

function same(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (!a || !b) return a === b;
  return a.equals(b);
}
