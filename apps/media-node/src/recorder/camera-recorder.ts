import { createHash, type Hash } from 'node:crypto';
import { createVideoTrack, Fmp4Muxer, type AccessUnit, type IngestSource, type RtspError, type StreamHub, type VideoTrackInfo } from '@vigia/media';
import { chainHash, completeBoxesLength, GENESIS_CHAIN_HASH, segmentKey, type RecordingStorage, type RecordingWriter } from '@vigia/contracts/recording-store';
import type { Log } from '../log.js';
import { gapCauseOf, type GapCause } from './gap-cause.js';
import type { RecordingStore } from './recording-store.js';

export interface RecorderOptions {
  /** Segment length: a new segment starts at the first keyframe after this (default 30 s). */
  segmentMs: number;
  /** Fragment length inside a segment (default 1 s; a crash loses at most the open fragment). */
  fragmentMs: number;
}

interface OpenSegment {
  id: Promise<string>;
  seq: number;
  key: string;
  startMs: number;
  /** Media timestamp of the first frame (90 kHz) and of the last one. */
  ts0: number;
  lastTs: number;
  frameDur: number;
  muxer: Fmp4Muxer;
  writer: Promise<RecordingWriter>;
  hash: Hash;
  size: number;
  frames: number;
  fragmentTs: number;
}

/**
 * Records one camera from its shared upstream (frigate's pattern, in process): fMP4 segments of
 * `segmentMs` made of ~`fragmentMs` fragments, one database row per segment (inserted on open,
 * completed on close with size, SHA-256 and the chain hash), gaps with their cause. All I/O runs
 * on one promise queue so rows and files are written in order, never blocking the hub.
 */
export class CameraRecorder {
  private seg: OpenSegment | undefined;
  private io: Promise<void> = Promise.resolve();
  private seq = 0;
  private chain = GENESIS_CHAIN_HASH;
  private track: VideoTrackInfo | undefined;
  private trackChanged = false;
  private lastFrameMs: number | undefined;
  private detachFns: (() => void)[] = [];
  private failed = false;
  readonly stats = { segments: 0, bytes: 0, frames: 0, writeErrors: 0 };

  constructor(
    readonly cameraId: string,
    private readonly store: RecordingStore,
    private readonly storage: RecordingStorage,
    private readonly log: Log,
    private readonly opts: RecorderOptions,
  ) {}

  /** Recovers segments left open by a crash, opens a 'restart' gap since the last segment, then listens. */
  async attach(hub: StreamHub, client: IngestSource): Promise<void> {
    await this.recover();
    const head = await this.store.chainHead(this.cameraId);
    this.seq = head.seq;
    this.chain = head.chainHash ?? GENESIS_CHAIN_HASH;
    if (head.endMs !== null) await this.store.openGap(this.cameraId, head.endMs, 'restart', 'recording resumed after an interruption of the recorder');
    const onAu = (au: AccessUnit) => this.onAccessUnit(au, client);
    const onTrack = (t: VideoTrackInfo) => {
      // The hub announces its first track too: only a real change of parameters starts a new segment.
      if (this.track && sameTrack(this.track, t)) return;
      this.track = t;
      this.trackChanged = true;
    };
    const onDisconnect = (error: RtspError) => this.interrupted(gapCauseOf(error.code), `${error.code}: ${error.message}`);
    hub.on('accessUnit', onAu);
    hub.on('track', onTrack);
    client.on('disconnect', onDisconnect);
    this.track = hub.track;
    this.detachFns = [() => hub.off('accessUnit', onAu), () => hub.off('track', onTrack), () => client.off('disconnect', onDisconnect)];
  }

  /** Stops recording: closes the open segment; `cause` opens a gap (shutdown → restart). */
  async stop(cause: GapCause | null, detail = ''): Promise<void> {
    for (const f of this.detachFns) f();
    this.detachFns = [];
    const at = this.lastFrameMs ?? Date.now();
    this.closeSegment('shutdown');
    if (cause) this.enqueue(() => this.store.openGap(this.cameraId, at, cause, detail || null));
    await this.io;
  }

  /** Waits for pending writes (tests). */
  flushed(): Promise<void> {
    return this.io;
  }

  private interrupted(cause: GapCause, detail: string): void {
    const at = this.seg ? this.segEnd(this.seg) : (this.lastFrameMs ?? Date.now());
    this.closeSegment('gap');
    this.enqueue(() => this.store.openGap(this.cameraId, at, cause, detail));
  }

  private onAccessUnit(au: AccessUnit, client: IngestSource): void {
    this.lastFrameMs = au.receivedAt;
    let seg = this.seg;
    if (seg && au.keyframe && (this.trackChanged || this.failed || au.receivedAt - seg.startMs >= this.opts.segmentMs)) {
      this.closeSegment('rotate', au.timestamp90k);
      seg = undefined;
    }
    if (!seg) {
      if (!au.keyframe) return;
      if (!this.track || this.trackChanged) {
        try {
          this.track = createVideoTrack(au.codec, client.parameterSets);
        } catch {
          return; // no usable parameter sets yet
        }
      }
      this.trackChanged = false;
      this.failed = false;
      seg = this.openSegment(au, this.track);
    }
    const elapsed = (au.timestamp90k - seg.fragmentTs) / 90;
    if (seg.muxer.queuedFrames > 0 && (au.keyframe || elapsed >= this.opts.fragmentMs)) this.writeFragment(seg, au.timestamp90k);
    if (seg.muxer.queuedFrames === 0) seg.fragmentTs = au.timestamp90k;
    const d = au.timestamp90k - seg.lastTs;
    if (d > 0 && d < 5 * 90_000) seg.frameDur = d;
    seg.lastTs = au.timestamp90k;
    seg.muxer.queue(au);
    seg.frames++;
    this.stats.frames++;
  }

  private openSegment(au: AccessUnit, track: VideoTrackInfo): OpenSegment {
    const seq = ++this.seq;
    const startMs = au.receivedAt;
    const key = segmentKey(this.cameraId, new Date(startMs), seq);
    const muxer = new Fmp4Muxer(track);
    const hash = createHash('sha256');
    const seg: OpenSegment = {
      id: undefined as unknown as Promise<string>,
      seq, key, startMs, ts0: au.timestamp90k, lastTs: au.timestamp90k, frameDur: track.fps ? Math.round(90_000 / track.fps) : 6000,
      muxer, writer: undefined as unknown as Promise<RecordingWriter>, hash, size: 0, frames: 0, fragmentTs: au.timestamp90k,
    };
    // Row first (so a file is never on disk unknown to the database for long), then the file.
    const idP = this.io.then(async () => {
      await this.store.closeGap(this.cameraId, startMs);
      return this.store.insertSegment({ cameraId: this.cameraId, seq, storageKey: key, startMs, codec: track.codecString });
    });
    seg.id = idP;
    seg.writer = idP.then(() => this.storage.create(key));
    this.io = seg.writer.then(() => undefined);
    idP.catch(() => undefined);
    seg.writer.catch(() => undefined);
    this.seg = seg;
    this.append(seg, muxer.init);
    return seg;
  }

  private append(seg: OpenSegment, chunk: Buffer): void {
    seg.hash.update(chunk);
    seg.size += chunk.length;
    this.stats.bytes += chunk.length;
    this.enqueue(async () => {
      const w = await seg.writer;
      await w.write(chunk);
    }, 'disk');
  }

  private writeFragment(seg: OpenSegment, nextTs?: number): void {
    const frag = seg.muxer.flushFragment(nextTs);
    if (frag) this.append(seg, frag);
  }

  private segEnd(seg: OpenSegment): number {
    return seg.startMs + Math.round((seg.lastTs + seg.frameDur - seg.ts0) / 90);
  }

  private closeSegment(reason: string, nextTs?: number): void {
    const seg = this.seg;
    if (!seg) return;
    this.seg = undefined;
    this.writeFragment(seg, nextTs);
    const endMs = nextTs !== undefined ? seg.startMs + Math.round((nextTs - seg.ts0) / 90) : this.segEnd(seg);
    const sha256 = seg.hash.digest('hex');
    this.enqueue(async () => {
      const id = await seg.id;
      await (await seg.writer).close();
      const prev = this.chain;
      const next = chainHash(prev, { cameraId: this.cameraId, seq: seg.seq, startMs: seg.startMs, endMs, sizeBytes: seg.size, sha256 });
      await this.store.closeSegment({ id, endMs, sizeBytes: seg.size, frames: seg.frames, sha256, prevChainHash: prev, chainHash: next, reason });
      this.chain = next;
      this.stats.segments++;
    }, 'disk');
  }

  private enqueue(fn: () => Promise<unknown>, failureCause?: GapCause): void {
    this.io = this.io.then(fn).then(
      () => undefined,
      (err: unknown) => {
        this.stats.writeErrors++;
        this.log.error({ err, camera: this.cameraId }, 'recording write failed');
        if (failureCause === 'disk' && !this.failed) {
          // Drop the segment; a new one starts at the next keyframe (its row stays open and is
          // recovered from the file at the next start).
          this.failed = true;
          this.seg = undefined;
          return this.store.openGap(this.cameraId, Date.now(), 'disk', String((err as Error).message)).catch(() => undefined);
        }
        return undefined;
      },
    );
  }

  /**
   * Segments left open by a crash: truncated to their last complete fragment, hashed and closed
   * in sequence (end time = the file's last write), so the chain continues.
   */
  private async recover(): Promise<void> {
    const open = await this.store.openSegments(this.cameraId);
    for (const s of open) {
      const st = await this.storage.stat(s.storageKey);
      let size = 0;
      let sha = createHash('sha256').digest('hex');
      let endMs = s.startMs;
      if (st) {
        const buf = await this.storage.readAll(s.storageKey);
        size = completeBoxesLength(buf);
        if (size < buf.length) await this.storage.truncate(s.storageKey, size);
        sha = createHash('sha256').update(buf.subarray(0, size)).digest('hex');
        endMs = Math.max(s.startMs, Math.round(st.mtimeMs));
      }
      const prev = (await this.store.chainHashOf(this.cameraId, s.seq - 1)) ?? GENESIS_CHAIN_HASH;
      const next = chainHash(prev, { cameraId: this.cameraId, seq: s.seq, startMs: s.startMs, endMs, sizeBytes: size, sha256: sha });
      await this.store.closeSegment({ id: s.id, endMs, sizeBytes: size, frames: 0, sha256: sha, prevChainHash: prev, chainHash: next, reason: 'recovered' });
      this.log.warn({ camera: this.cameraId, seq: s.seq, size }, 'recovered a segment left open');
    }
  }
}

function sameTrack(a: VideoTrackInfo, b: VideoTrackInfo): boolean {
  const eq = (x: Buffer | undefined, y: Buffer | undefined) => (!x || !y ? x === y : x.equals(y));
  return a.codec === b.codec && eq(a.sps, b.sps) && eq(a.pps, b.pps) && eq(a.vps, b.vps);
}
