import fs from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { deleteObjects, objectKey, s3Reachable, uploadFile } from '@vigia/contracts/recording-s3';
import type { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import type { Log } from '../log.js';
import type { PendingUpload, UploadStore } from './recording-store.js';

export interface UploaderOptions {
  bucket: string;
  /** A spool file is removed this long after its upload was confirmed. */
  spoolGraceMs: number;
  /** Pause between passes when idle; after an error the pause doubles up to 10 s (cut short by the probe). */
  intervalMs: number;
  /** Uploads in flight with a short queue. */
  concurrency: number;
  /** Uploads in flight at most: one per `QUEUE_PER_UPLOAD` segments waiting, between `concurrency` and this. */
  maxConcurrency: number;
}

const MAX_BACKOFF_MS = 10_000;
/** Segments waiting per upload in flight: a backlog of 64 drains with 16 uploads at once. */
const QUEUE_PER_UPLOAD = 4;
const PROBE_TIMEOUT_MS = 2_000;

/** An S3 SDK error without an HTTP answer (connection refused, reset, timeout) or a 5xx: the storage is down, not the request wrong. */
function s3Unreachable(err: unknown): boolean {
  const meta = (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata;
  return meta !== undefined && (meta.httpStatusCode === undefined || meta.httpStatusCode >= 500);
}

/**
 * Sends every closed segment of this node's spool (the local fMP4 recorder's files) to the
 * recordings bucket (one PutObject with Content-MD5 up to 8 MiB, else a multipart upload), and
 * records the object key and ETag on the index row only when the bytes sent hash to the SHA-256
 * already in the chain. Spool files go a grace period after the confirmed upload.
 *
 * Outage: recording goes on into the spool and the backlog grows (the API's
 * `recording-upload-backlog` sweep raises the alert). After a failed pass the uploader waits
 * (doubling up to 10 s) but probes the bucket (HeadBucket) every `intervalMs`: the first answer
 * after a probe or an upload that found S3 down starts a pass at once with the back-off reset,
 * so the drain starts within one interval of S3 coming back, not up to 10 s later. The backlog
 * drains oldest first with more uploads in flight the longer the queue (`concurrency` …
 * `maxConcurrency`).
 */
export class SegmentUploader {
  readonly stats = {
    uploaded: 0,
    uploadedBytes: 0,
    errors: 0,
    hashMismatches: 0,
    /** Segments set aside for good: their spool file is missing, shorter than the row, or hashes to something else. */
    setAside: 0,
    spoolRemoved: 0,
    lastError: null as string | null,
    /** Uploads in flight in the current (or last) batch. */
    concurrency: 0,
    /** Reachability probes sent while uploads were failing, and those that found S3 down. */
    probes: 0,
    probesDown: 0,
  };
  /**
   * Segments this process will not upload (see `setAside`): skipped so one bad row never blocks
   * the queue behind it (the uploader goes oldest first). Verification names them (no object).
   */
  private readonly setAsideIds = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private backoffMs = 0;

  constructor(
    private readonly deps: {
      client: S3Client;
      store: UploadStore;
      spool: LocalRecordingStorage;
      log: Log;
      opts: UploaderOptions;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: upload what is pending (until the queue is empty or an error), then prune the spool. */
  async pass(): Promise<void> {
    const { store, opts } = this.deps;
    const batchSize = opts.maxConcurrency * QUEUE_PER_UPLOAD;
    for (;;) {
      const limit = batchSize + this.setAsideIds.size;
      const fetched = await store.pending(limit);
      const batch = fetched.filter((seg) => !this.setAsideIds.has(seg.id));
      if (!batch.length) break;
      let failed: { err: unknown } | undefined;
      const queue = [...batch];
      const workers = Math.min(opts.maxConcurrency, Math.max(opts.concurrency, Math.ceil(batch.length / QUEUE_PER_UPLOAD)));
      this.stats.concurrency = workers;
      await Promise.all(
        Array.from({ length: workers }, async () => {
          for (let seg = queue.shift(); seg && !failed; seg = queue.shift()) {
            try {
              await this.upload(seg);
            } catch (err) {
              this.stats.errors++;
              this.stats.lastError = (err as Error).message;
              // One line per failed pass: the other uploads in flight fail alike during an outage.
              if (!failed) this.deps.log.warn({ err, segment: seg.id, inFlight: workers }, 'segment upload failed');
              failed ??= { err };
            }
          }
        }),
      );
      if (failed) throw failed.err;
      if (fetched.length < limit || this.stopped) break;
    }
    await this.pruneSpool();
  }

  private async upload(seg: PendingUpload): Promise<void> {
    const { client, store, spool, opts } = this.deps;
    const key = objectKey({
      regionId: seg.regionId,
      start: new Date(seg.startMs),
      cameraId: seg.cameraId,
      segmentId: seg.id,
      writer: { nodeId: store.nodeId, epoch: seg.epoch, generation: seg.generation },
    });
    const file = spool.localPath(seg.storageKey);
    const st = await fs.stat(file).catch(() => undefined);
    if (!st || st.size < seg.sizeBytes) return this.setAside(seg, st ? 'spool file shorter than its index row' : 'spool file missing');
    // Exactly the bytes the row describes: a row closed by another node (a segment left open when
    // this node lost the camera, recovered there as empty) or a fenced-out writer's longer file
    // uploads what the chain recorded, and nothing else.
    const up = await uploadFile(client, opts.bucket, key, file, seg.sizeBytes);
    if (up.sha256 !== seg.sha256 || up.size !== seg.sizeBytes) {
      // The spool file is not what the chain recorded: never index it (verification names it).
      this.stats.hashMismatches++;
      await deleteObjects(client, opts.bucket, [key]);
      return this.setAside(seg, 'spool file does not match its index row (sha256/size)');
    }
    if (!(await store.markUploaded({ id: seg.id, objectKey: key, etag: up.etag, sha256: up.sha256 }))) {
      await deleteObjects(client, opts.bucket, [key]); // tombstoned by retention meanwhile
      return;
    }
    this.stats.uploaded++;
    this.stats.uploadedBytes += up.size;
  }

  private setAside(seg: PendingUpload, why: string): void {
    this.setAsideIds.add(seg.id);
    this.stats.setAside++;
    this.deps.log.error({ segment: seg.id, camera: seg.cameraId, storageKey: seg.storageKey }, `segment not uploaded: ${why}`);
  }

  private async pruneSpool(): Promise<void> {
    const { store, spool, opts } = this.deps;
    const rows = await store.spoolToRemove(opts.spoolGraceMs, 500);
    for (const r of rows) await spool.remove(r.storageKey);
    await store.markSpoolRemoved(rows.map((r) => r.id));
    this.stats.spoolRemoved += rows.length;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().then(
        () => {
          this.backoffMs = 0;
          this.schedule(this.deps.opts.intervalMs);
        },
        (err: unknown) => {
          this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.deps.opts.intervalMs, this.backoffMs * 2));
          this.probeUntil(Date.now() + this.backoffMs, s3Unreachable(err));
        },
      );
    }, ms);
  }

  /**
   * After a failed pass: probe the bucket every `intervalMs` until `retryAt`. An answer after a
   * probe that found S3 down (it came back) starts a pass at once, back-off reset; otherwise (S3
   * answered all along: the failure is elsewhere) the next pass waits for `retryAt`.
   */
  private probeUntil(retryAt: number, sawDown: boolean): void {
    if (this.stopped) return;
    const { client, opts } = this.deps;
    this.timer = setTimeout(
      () => {
        if (Date.now() >= retryAt) return this.schedule(0);
        this.running = s3Reachable(client, opts.bucket, PROBE_TIMEOUT_MS).then((up) => {
          this.stats.probes++;
          if (!up) this.stats.probesDown++;
          if (up && sawDown) {
            this.backoffMs = 0;
            this.deps.log.info({ probes: this.stats.probes }, 'object storage reachable again: draining the spool');
            return this.schedule(0);
          }
          this.probeUntil(retryAt, sawDown || !up);
        });
      },
      Math.max(0, Math.min(opts.intervalMs, retryAt - Date.now())),
    );
  }
}
