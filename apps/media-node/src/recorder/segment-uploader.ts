import fs from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { deleteObjects, objectKey, uploadFile } from '@vigia/contracts/recording-s3';
import type { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import type { Log } from '../log.js';
import type { PendingUpload, UploadStore } from './recording-store.js';

export interface UploaderOptions {
  bucket: string;
  /** A spool file is removed this long after its upload was confirmed. */
  spoolGraceMs: number;
  /** Pause between passes when idle; after an error the pause doubles up to 10 s. */
  intervalMs: number;
  concurrency: number;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Sends every closed segment of this node's spool (the local fMP4 recorder's files) to the
 * recordings bucket, one multipart upload each, and records the object key and ETag on the index
 * row only when the bytes sent hash to the SHA-256 already in the chain. Spool files go a grace
 * period after the confirmed upload. While S3 is unreachable recording goes on into the spool and
 * the backlog grows (the API's `recording-upload-backlog` sweep raises the alert); when S3 is back
 * the backlog drains with `concurrency` uploads in flight, oldest first.
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
    for (;;) {
      const limit = opts.concurrency * 4 + this.setAsideIds.size;
      const fetched = await store.pending(limit);
      const batch = fetched.filter((seg) => !this.setAsideIds.has(seg.id));
      if (!batch.length) break;
      let failed = false;
      const queue = [...batch];
      await Promise.all(
        Array.from({ length: Math.min(opts.concurrency, queue.length) }, async () => {
          for (let seg = queue.shift(); seg && !failed; seg = queue.shift()) {
            try {
              await this.upload(seg);
            } catch (err) {
              failed = true;
              this.stats.errors++;
              this.stats.lastError = (err as Error).message;
              this.deps.log.warn({ err, segment: seg.id }, 'segment upload failed');
            }
          }
        }),
      );
      if (failed) throw new Error(this.stats.lastError ?? 'upload failed');
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
        () => {
          this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.deps.opts.intervalMs, this.backoffMs * 2));
          this.schedule(this.backoffMs);
        },
      );
    }, ms);
  }
}
