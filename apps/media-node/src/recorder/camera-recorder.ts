import { createHash, type Hash } from 'node:crypto';
import {
  chainHash,
  completeBoxesLength,
  GENESIS_CHAIN_HASH,
  type RecordingStorage,
  type RecordingWriter,
  segmentKey,
} from '@vigia/contracts/recording-store';
import {
  type AccessUnit,
  type AudioFrame,
  type AudioTrackInfo,
  createVideoTrack,
  Fmp4Muxer,
  type IngestSource,
  type RtspError,
  type StreamHub,
  type VideoTrackInfo,
} from '@vigia/media';
import type { Log } from '../log.js';
import { type GapCause, gapCauseOf } from './gap-cause.js';
import { FencedOut, type RecordingStore } from './recording-store.js';

export interface RecorderOptions {
  /** Segment length: a new segment starts at the first keyframe after this (default 30 s). */
  segmentMs: number;
  /** Fragment length inside a segment (default 1 s; a crash loses at most the open fragment). */
  fragmentMs: number;
  /** After a write failure, recording resumes once this much space is free (default 8 MiB). */
  resumeFreeBytes?: number;
}

/** After a write failure, free space is probed at most this often before a new segment opens. */
const DISK_RETRY_MS = 1000;

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
  /** A write failed: the rest of its queued writes are skipped and the row is closed from the file. */
  failed: boolean;
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
  /** Set by a write failure: no segment opens until the storage has room again (probed). */
  private diskWait: { at: number; probing: boolean; ready: boolean } | undefined;
  readonly stats = { segments: 0, bytes: 0, frames: 0, writeErrors: 0, fencedWrites: 0 };
  /**
   * Hand-over in progress (drain, camera offered): the open segment is not rotated, so it stays
   * closable by us as previous owner while the new owner starts (a new segment would be refused).
   */
  holdSegment = false;
  /** A write was refused (another node owns the camera now): nothing more is written. */
  fenced = false;
  /** Hand-over: the previous owner's last segment (this seq) is still open; its chain hash is read when it closes. */
  private chainAfter: number | undefined;

  constructor(
    readonly cameraId: string,
    private readonly store: RecordingStore,
    private readonly storage: RecordingStorage,
    private readonly log: Log,
    private readonly opts: RecorderOptions,
    /** Called once when the database refuses a write (stale owner): the caller stops the camera. */
    private readonly onFenced?: () => void,
  ) {}

  /** Recovers segments left open by a crash, opens a 'restart' gap since the last segment, then listens. */
  async attach(hub: StreamHub, client: IngestSource): Promise<void> {
    await this.recover();
    const head = await this.store.chainHead(this.cameraId);
    this.seq = head.seq;
    this.chain = head.chainHash ?? GENESIS_CHAIN_HASH;
    // Make-before-break: the previous owner still writes its last segment; we record on (overlap, no gap).
    this.chainAfter = head.open ? head.seq : undefined;
    if (head.endMs !== null)
      await this.store.openGap(this.cameraId, head.endMs, 'restart', 'recording resumed after an interruption of the recorder');
    const onAu = (au: AccessUnit) => this.onAccessUnit(au, client);
    const onTrack = (t: VideoTrackInfo) => {
      // The hub announces its first track too: only a real change of parameters starts a new segment.
      if (this.track && sameTrack(this.track, t)) return;
      this.track = t;
      this.trackChanged = true;
    };
    const onDisconnect = (error: RtspError) => this.interrupted(gapCauseOf(error.code), `${error.code}: ${error.message}`);
    // Audio (MEDIA_AUDIO=pass, AAC): muxed into the open segment next to the video.
    const onAudio = (frame: AudioFrame) => this.seg?.muxer.queueAudio(frame);
    hub.on('accessUnit', onAu);
    hub.on('track', onTrack);
    hub.on('audioFrame', onAudio);
    client.on('disconnect', onDisconnect);
    this.track = hub.track;
    this.detachFns = [
      () => hub.off('accessUnit', onAu),
      () => hub.off('track', onTrack),
      () => hub.off('audioFrame', onAudio),
      () => client.off('disconnect', onDisconnect),
    ];
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
    const audio = client.info?.audio;
    const audioChanged = seg !== undefined && audioKey(seg.muxer.audioTrack) !== audioKey(audio);
    if (this.fenced) return;
    if (
      seg &&
      au.keyframe &&
      (this.trackChanged || audioChanged || (!this.holdSegment && au.receivedAt - seg.startMs >= this.opts.segmentMs))
    ) {
      this.closeSegment('rotate', au.timestamp90k);
      seg = undefined;
    }
    if (!seg) {
      if (!au.keyframe || !this.diskReady()) return;
      if (!this.track || this.trackChanged) {
        try {
          this.track = createVideoTrack(au.codec, client.parameterSets);
        } catch {
          return; // no usable parameter sets yet
        }
      }
      this.trackChanged = false;
      seg = this.openSegment(au, this.track, audio);
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

  private openSegment(au: AccessUnit, track: VideoTrackInfo, audio: AudioTrackInfo | undefined): OpenSegment {
    const seq = ++this.seq;
    const startMs = au.receivedAt;
    const key = segmentKey(this.cameraId, new Date(startMs), seq);
    const muxer = new Fmp4Muxer(track, audio ? { audio } : {});
    const hash = createHash('sha256');
    const seg: OpenSegment = {
      id: undefined as unknown as Promise<string>,
      seq,
      key,
      startMs,
      ts0: au.timestamp90k,
      lastTs: au.timestamp90k,
      frameDur: track.fps ? Math.round(90_000 / track.fps) : 6000,
      muxer,
      writer: undefined as unknown as Promise<RecordingWriter>,
      hash,
      size: 0,
      frames: 0,
      fragmentTs: au.timestamp90k,
      failed: false,
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
      if (seg.failed) return;
      const w = await seg.writer;
      await w.write(chunk);
    }, seg);
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
      if (seg.failed) return;
      const id = await seg.id;
      await (await seg.writer).close();
      const prev = this.chainAfter !== undefined ? await this.previousOwnerChain(this.chainAfter) : this.chain;
      this.chainAfter = undefined;
      const next = chainHash(prev, { cameraId: this.cameraId, seq: seg.seq, startMs: seg.startMs, endMs, sizeBytes: seg.size, sha256 });
      await this.store.closeSegment({
        id,
        endMs,
        sizeBytes: seg.size,
        frames: seg.frames,
        sha256,
        prevChainHash: prev,
        chainHash: next,
        reason,
      });
      this.chain = next;
      this.stats.segments++;
    }, seg);
  }

  /** Queues I/O; a failure of a segment's write (e.g. ENOSPC) is handled in place, before the next task. */
  private enqueue(fn: () => Promise<unknown>, seg?: OpenSegment): void {
    this.io = this.io.then(fn).then(
      () => undefined,
      (err: unknown) => {
        if (err instanceof FencedOut) return this.refused(seg);
        this.stats.writeErrors++;
        this.log.error({ err, camera: this.cameraId }, 'recording write failed');
        return seg && !seg.failed ? this.writeFailed(seg, err) : undefined;
      },
    );
  }

  /** The database refused a write: another node owns the camera. Stop writing; the owner recovers our rows. */
  private refused(seg: OpenSegment | undefined): void {
    this.stats.fencedWrites++;
    if (seg) seg.failed = true;
    if (this.seg === seg) this.seg = undefined;
    if (this.fenced) return;
    this.fenced = true;
    this.log.warn({ camera: this.cameraId }, 'recording write refused: the camera has another owner (stale epoch)');
    this.onFenced?.();
  }

  /**
   * Chain hash of the previous owner's last segment (hand-over): it closes that segment once it sees
   * we record; if it never does (it died meanwhile), the segment is recovered once its window ends.
   */
  private async previousOwnerChain(seq: number): Promise<string> {
    for (let i = 0; i < 240; i++) {
      const h = await this.store.chainHashOf(this.cameraId, seq);
      if (h) return h;
      await new Promise((r) => setTimeout(r, 250));
      if (i % 8 === 7) for (const s of await this.store.openSegments(this.cameraId)) if (s.seq <= seq) await this.recoverSegment(s);
    }
    throw new Error(`segment ${seq} of the previous owner is still open`);
  }

  /**
   * A write of `seg` failed (disk full, I/O error): its remaining writes are skipped, its row is
   * closed from what reached the file (like a crash recovery, so the chain goes on), a `disk` gap
   * opens where the file ends, and no segment opens until the storage has room again.
   */
  private async writeFailed(seg: OpenSegment, err: unknown): Promise<void> {
    seg.failed = true;
    if (this.seg === seg) this.seg = undefined;
    this.diskWait = { at: Date.now() + DISK_RETRY_MS, probing: false, ready: false };
    try {
      await (await seg.writer.catch(() => undefined))?.close().catch(() => undefined);
      const id = await seg.id.catch(() => undefined);
      let endMs = Date.now();
      if (id) {
        const closed = await this.recoverSegment({ id, seq: seg.seq, storageKey: seg.key, startMs: seg.startMs });
        this.chain = closed.chainHash;
        endMs = closed.endMs;
      }
      await this.store.openGap(this.cameraId, endMs, 'disk', String((err as Error).message));
    } catch (e) {
      this.log.error({ err: e, camera: this.cameraId }, 'could not close a segment after a write failure');
    }
  }

  /** False while a write failure waits for free space; probes `freeBytes()` in the background. */
  private diskReady(): boolean {
    const w = this.diskWait;
    if (!w) return true;
    if (w.ready) {
      this.diskWait = undefined;
      return true;
    }
    if (!w.probing && Date.now() >= w.at) {
      w.probing = true;
      this.storage
        .freeBytes()
        .then(
          (free) => {
            if (free === undefined || free >= (this.opts.resumeFreeBytes ?? 8 * 1024 ** 2)) w.ready = true;
            else w.at = Date.now() + DISK_RETRY_MS;
          },
          () => (w.at = Date.now() + DISK_RETRY_MS),
        )
        .finally(() => (w.probing = false));
    }
    return false;
  }

  /** Segments left open by a crash are recovered in sequence, so the chain continues. */
  private async recover(): Promise<void> {
    for (const s of await this.store.openSegments(this.cameraId)) await this.recoverSegment(s);
  }

  /**
   * Closes an open row from its file: truncated to the last complete fragment, hashed, end time =
   * the file's last write, chained to the previous segment. A missing file is created empty so
   * the closed row and the storage agree.
   */
  private async recoverSegment(s: {
    id: string;
    seq: number;
    storageKey: string;
    startMs: number;
  }): Promise<{ endMs: number; chainHash: string }> {
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
    } else {
      await this.storage
        .create(s.storageKey)
        .then((w) => w.close())
        .catch(() => undefined);
    }
    const prev = (await this.store.chainHashOf(this.cameraId, s.seq - 1)) ?? GENESIS_CHAIN_HASH;
    const next = chainHash(prev, { cameraId: this.cameraId, seq: s.seq, startMs: s.startMs, endMs, sizeBytes: size, sha256: sha });
    await this.store.closeSegment({
      id: s.id,
      endMs,
      sizeBytes: size,
      frames: 0,
      sha256: sha,
      prevChainHash: prev,
      chainHash: next,
      reason: 'recovered',
    });
    this.log.warn({ camera: this.cameraId, seq: s.seq, size }, 'recovered a segment left open');
    return { endMs, chainHash: next };
  }
}

/** Identity of a muxed audio track (G.711 and absent audio are both "none": never muxed). */
function audioKey(a: AudioTrackInfo | undefined): string {
  return a?.codec === 'aac' && a.config ? `${a.codecString}/${a.sampleRate}/${a.channels}/${a.config.toString('hex')}` : 'none';
}

function sameTrack(a: VideoTrackInfo, b: VideoTrackInfo): boolean {
  const eq = (x: Buffer | undefined, y: Buffer | undefined) => (!x || !y ? x === y : x.equals(y));
  return a.codec === b.codec && eq(a.sps, b.sps) && eq(a.pps, b.pps) && eq(a.vps, b.vps);
}
