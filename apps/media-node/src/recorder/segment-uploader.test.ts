import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { afterEach, describe, expect, it } from 'vitest';
import type { Log } from '../log.js';
import type { PendingUpload, UploadStore } from './recording-store.js';
import { SegmentUploader } from './segment-uploader.js';

const quiet: Log = { debug() {}, info() {}, warn() {}, error() {} };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** `n` closed segments in a spool directory and an in-memory index of them (the uploader's SQL). */
function spoolOf(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploader-'));
  dirs.push(dir);
  const rows: (PendingUpload & { objectKey?: string })[] = Array.from({ length: n }, (_, i) => {
    const bytes = randomBytes(1000 + i);
    const storageKey = `cam/seg-${String(i).padStart(3, '0')}.mp4`;
    fs.mkdirSync(path.join(dir, 'cam'), { recursive: true });
    fs.writeFileSync(path.join(dir, storageKey), bytes);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      cameraId: '00000000-0000-4000-8000-00000000cafe',
      storageKey,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
      startMs: Date.UTC(2026, 11, 7, 12, 0, 2 * i),
      regionId: null,
      epoch: 1,
      generation: 1,
    };
  });
  const store = {
    nodeId: 'n1',
    pending: async (limit: number) => rows.filter((r) => !r.objectKey).slice(0, limit),
    markUploaded: async (u: { id: string; objectKey: string }) => {
      const r = rows.find((x) => x.id === u.id)!;
      r.objectKey = u.objectKey;
      return true;
    },
    spoolToRemove: async () => [],
    markSpoolRemoved: async () => undefined,
  } as unknown as UploadStore;
  return { rows, store, spool: new LocalRecordingStorage(dir) };
}

/**
 * An S3 endpoint the test switches off and on: while down every request fails as a refused
 * connection does in the SDK (an error with `$metadata` and no HTTP status). Logs the calls.
 */
function fakeS3() {
  const s = {
    down: false,
    calls: [] as string[],
    inFlight: 0,
    peakInFlight: 0,
    /**
     * PutObjects wait until this many are in flight together (then all go on), so the peak does
     * not depend on how fast each worker reads its file; 0 = no wait. A safety release after 5 s
     * lets a test that never reaches it fail on its assertion instead of hanging.
     */
    holdUntil: 0,
    /** Called on every HeadBucket before it answers (the test flips `down` from here). */
    onProbe: (_n: number) => undefined as void,
    client: undefined as unknown as S3Client,
  };
  let probes = 0;
  s.client = {
    send: async (cmd: unknown) => {
      if (cmd instanceof HeadBucketCommand) s.onProbe(++probes);
      const name = cmd instanceof HeadBucketCommand ? 'head-bucket' : cmd instanceof PutObjectCommand ? 'put' : 'other';
      s.calls.push(`${name}${s.down ? ' (down)' : ''}`);
      if (s.down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', $metadata: { attempts: 2 } });
      if (!(cmd instanceof PutObjectCommand)) return {};
      s.inFlight++;
      s.peakInFlight = Math.max(s.peakInFlight, s.inFlight);
      if (s.holdUntil > 0) {
        const giveUpAt = Date.now() + 5_000;
        while (s.inFlight < s.holdUntil && s.peakInFlight < s.holdUntil && Date.now() < giveUpAt)
          await new Promise((r) => setTimeout(r, 1));
        s.holdUntil = 0;
      }
      await new Promise((r) => setImmediate(r));
      s.inFlight--;
      return {
        ETag: `"${createHash('md5')
          .update(cmd.input.Body as Buffer)
          .digest('hex')}"`,
      };
    },
  } as unknown as S3Client;
  return s;
}

/** An uploader over a spool and a fake S3, with the options the tests share (`intervalMs` varies). */
function uploaderOf(sp: { store: UploadStore; spool: LocalRecordingStorage }, client: S3Client, intervalMs: number): SegmentUploader {
  return new SegmentUploader({
    client,
    store: sp.store,
    spool: sp.spool,
    log: quiet,
    opts: { bucket: 'b', spoolGraceMs: 0, intervalMs, concurrency: 4, maxConcurrency: 16 },
  });
}

/** Resolves when `done()` holds; checks after every turn of the event loop (no clock involved). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}

describe('SegmentUploader', () => {
  it('drains the whole backlog with uploads in flight growing with it (one per 4 waiting, at most maxConcurrency), one PutObject each', async () => {
    const { rows, store, spool } = spoolOf(40);
    const s3 = fakeS3();
    s3.holdUntil = 10;
    const up = uploaderOf({ store, spool }, s3.client, 60_000);
    await up.pass();
    expect(rows.every((r) => r.objectKey)).toBe(true);
    expect(up.stats.concurrency).toBe(10);
    expect(s3.peakInFlight).toBe(10);
    expect(s3.calls).toEqual(Array(40).fill('put'));
    // A short queue runs with the floor (`concurrency`).
    const small = spoolOf(3);
    const up2 = uploaderOf(small, s3.client, 60_000);
    await up2.pass();
    expect(up2.stats.concurrency).toBe(4);
    expect(up2.stats.uploaded).toBe(3);
  });

  it('while S3 is down it probes the bucket during the back-off; the first answer starts a pass at once and the backlog drains', async () => {
    const { rows, store, spool } = spoolOf(12);
    const s3 = fakeS3();
    s3.down = true;
    // S3 comes back just before the third probe (the back-off has grown past the interval by then).
    s3.onProbe = (n) => {
      if (n === 3) s3.down = false;
    };
    const up = uploaderOf({ store, spool }, s3.client, 20);
    up.start();
    await until(() => rows.every((r) => r.objectKey));
    await up.stop();
    const back = s3.calls.indexOf('head-bucket');
    expect(s3.calls.slice(0, back).every((c) => c.endsWith('(down)'))).toBe(true);
    expect(s3.calls.filter((c) => c === 'head-bucket (down)')).toHaveLength(2);
    expect(up.stats.probesDown).toBe(2);
    // Right after the probe that found S3 back: the uploads, not another wait for the back-off.
    expect(s3.calls.slice(back + 1)).toEqual(Array(12).fill('put'));
    expect(up.stats.errors).toBeGreaterThan(0);
  });
});
