import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { deleteObjects, objectKey, S3RecordingStorage, type S3Settings, uploadFile } from '@vigia/contracts/recording-s3';
import { freshBuckets, type Rgw, startRgw } from '@vigia/testkit/ceph-rgw';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { evidenceObjects, recordingSegments } from '../src/db/tables/recordings.js';
import { evidenceLocks } from '../src/db/tables/releases.js';
import { recordingStorage } from '../src/media-tools/recording-storage.js';
import { evidenceObjectLockSweep } from '../src/modules/recordings/evidence-object-lock.sweep.js';
import { recordingRetentionSweep } from '../src/modules/recordings/recording-retention.sweep.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures } from './releases.fixtures.js';

/**
 * Evidence locks as S3 Object Lock, and retention on object storage, against a real Ceph RGW
 * (scripts/ceph-rgw.sh; the test command exports S3_TEST_*, a lone run starts its own cluster).
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
let rgw: Rgw;
let regionId: string;
const day = 86_400_000;
/** Footage 10 days old: past the 7-day default retention. */
const base = new Date(Math.floor((Date.now() - 10 * day) / 1000) * 1000);

beforeAll(async () => {
  rgw = await startRgw();
  regionId = await f.region([CUIABA]);
}, 180_000);

afterAll(async () => {
  await rgw?.stop();
}, 60_000);

/** `n` segments of a new camera, uploaded to the recordings bucket and indexed like the uploader does. */
async function uploadedSegments(client: S3Client, s3: S3Settings, n: number) {
  const cam = await f.camera(await f.partner());
  const dir = path.join(ctx.t.dataDir, 'spool', cam);
  await fs.mkdir(dir, { recursive: true });
  const rows = [];
  for (let i = 0; i < n; i++) {
    const bytes = randomBytes(64 * 1024 + i);
    const file = path.join(dir, `${i}.mp4`);
    await fs.writeFile(file, bytes);
    const [row] = await ctx.t.database.db
      .insert(recordingSegments)
      .values({
        cameraId: cam,
        seq: i + 1,
        nodeId: 'node-a',
        storageKey: `${cam}/spool-${i}.mp4`,
        startAt: new Date(base.getTime() + i * 30_000),
        endAt: new Date(base.getTime() + (i + 1) * 30_000),
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        closedAt: new Date(base.getTime() + (i + 1) * 30_000),
      })
      .returning();
    const key = objectKey({ regionId, start: row!.startAt, cameraId: cam, segmentId: row!.id, writer: { nodeId: 'node-a' } });
    const up = await uploadFile(client, s3.bucket, key, file);
    expect(up.sha256).toBe(row!.sha256);
    await ctx.t.database.db
      .update(recordingSegments)
      .set({ objectKey: key, objectEtag: up.etag, uploadedAt: new Date(), spoolRemovedAt: new Date() })
      .where(eq(recordingSegments.id, row!.id));
    rows.push({ ...row!, objectKey: key });
  }
  return { cam, rows };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'deleted',
    (err: { name?: string; Code?: string }) => err.Code ?? err.name ?? 'error',
  );

describe('evidence locks as S3 Object Lock (Ceph RGW)', () => {
  it('COMPLIANCE: locked footage is copied into the evidence bucket with retention; nobody deletes it early, through the platform or the bucket', async () => {
    const { settings: s3, client } = await freshBuckets(rgw, 'COMPLIANCE');
    const db = ctx.t.database.db;
    const { cam, rows } = await uploadedSegments(client, s3, 3);
    // A lock over the first two segments (a release request under analysis).
    const [lock] = await db
      .insert(evidenceLocks)
      .values({ cameraId: cam, fromAt: base, toAt: new Date(base.getTime() + 60_000), reason: 'Pedido de cessão CI-2026-0042' })
      .returning();
    const sweep = evidenceObjectLockSweep(db, client, s3, { lockMs: day });
    expect(await sweep.runBatch(100)).toBe(2);
    expect(await sweep.runBatch(100)).toBe(0); // idempotent
    const copies = await db
      .select()
      .from(evidenceObjects)
      .where(inArray(evidenceObjects.segmentId, [rows[0]!.id, rows[1]!.id, rows[2]!.id]));
    expect(copies.map((c) => c.segmentId).sort()).toEqual([rows[0]!.id, rows[1]!.id].sort());
    for (const c of copies) {
      expect(c).toMatchObject({ bucket: s3.evidenceBucket, lockMode: 'COMPLIANCE' });
      expect(c.versionId).toBeTruthy();
      const r = await client.send(new GetObjectRetentionCommand({ Bucket: s3.evidenceBucket, Key: c.objectKey, VersionId: c.versionId! }));
      expect(r.Retention?.Mode).toBe('COMPLIANCE');
      expect(Math.abs(r.Retention!.RetainUntilDate!.getTime() - c.retainUntil.getTime())).toBeLessThan(1000);
    }
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'recording.evidence_object_locked'))).toHaveLength(2);

    // Through the platform, lock active: retention (10-day-old footage, 7-day default) keeps the locked segments.
    const storage = recordingStorage(path.join(ctx.t.dataDir, 'api'), { ...s3, endpoint: rgw.endpoint });
    const retention = recordingRetentionSweep(db, storage, { defaultRetentionDays: 7, minFreeBytes: 0, orphanAgeMs: day });
    await retention.runBatch(200);
    const after = await db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cam));
    expect(after.filter((s) => s.deletedAt).map((s) => s.id)).toEqual([rows[2]!.id]);
    // An administrator releases the lock: retention now deletes the recordings-bucket objects…
    await db
      .update(evidenceLocks)
      .set({ releasedAt: new Date(), releasedReason: 'Pedido encerrado' })
      .where(eq(evidenceLocks.id, lock!.id));
    await retention.runBatch(200);
    for (const r of rows)
      expect(await refusal(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: r.objectKey })))).toBe('NotFound');
    // …but the evidence copies stay until their retain-until date: the sweep does not expire them,
    // the platform's delete only hides them behind a delete marker, the locked version is intact.
    expect(await sweep.runBatch(100)).toBe(0);
    const evidence = new S3RecordingStorage(client, s3.evidenceBucket);
    for (const c of copies) {
      await evidence.remove(c.objectKey);
      const got = await client.send(new GetObjectCommand({ Bucket: s3.evidenceBucket, Key: c.objectKey, VersionId: c.versionId! }));
      const sha = createHash('sha256')
        .update(await got.Body!.transformToByteArray())
        .digest('hex');
      expect(sha).toBe(rows.find((r) => r.id === c.segmentId)!.sha256);
      // Directly on the bucket, with its keys — even asking for the governance bypass.
      const del = { Bucket: s3.evidenceBucket, Key: c.objectKey, VersionId: c.versionId! };
      expect(await refusal(client.send(new DeleteObjectCommand(del)))).toBe('AccessDenied');
      expect(await refusal(client.send(new DeleteObjectCommand({ ...del, BypassGovernanceRetention: true })))).toBe('AccessDenied');
    }
  });

  it('GOVERNANCE: retention is extended while the lock stays active, refused without bypass, and the copy goes once retention passed and the lock ended', async () => {
    const { settings: s3, client } = await freshBuckets(rgw, 'GOVERNANCE');
    const db = ctx.t.database.db;
    const { cam, rows } = await uploadedSegments(client, s3, 1);
    const [lock] = await db
      .insert(evidenceLocks)
      .values({ cameraId: cam, fromAt: base, toAt: new Date(base.getTime() + 30_000), reason: 'Investigação 17/2026' })
      .returning();
    let offsetMs = 0;
    const sweep = evidenceObjectLockSweep(db, client, s3, { lockMs: 4000, now: () => new Date(Date.now() + offsetMs) });
    expect(await sweep.runBatch(100)).toBe(1);
    const [first] = await db.select().from(evidenceObjects).where(eq(evidenceObjects.segmentId, rows[0]!.id));
    const del = { Bucket: s3.evidenceBucket, Key: first!.objectKey, VersionId: first!.versionId! };
    expect(await refusal(client.send(new DeleteObjectCommand(del)))).toBe('AccessDenied');
    // 3 s later (pinned ahead): within half the window of its end, the active lock extends it.
    offsetMs = 3000;
    expect(await sweep.runBatch(100)).toBe(1);
    const [extended] = await db.select().from(evidenceObjects).where(eq(evidenceObjects.id, first!.id));
    expect(extended!.retainUntil.getTime()).toBeGreaterThan(first!.retainUntil.getTime());
    const r = await client.send(new GetObjectRetentionCommand(del));
    expect(Math.abs(r.Retention!.RetainUntilDate!.getTime() - extended!.retainUntil.getTime())).toBeLessThan(1000);
    // Lock released; once the bucket's retention has passed (real time, S3's clock) the sweep deletes the copy.
    offsetMs = 0;
    await db.update(evidenceLocks).set({ releasedAt: new Date() }).where(eq(evidenceLocks.id, lock!.id));
    const deadline = extended!.retainUntil.getTime() + 30_000;
    while ((await db.select().from(evidenceObjects).where(eq(evidenceObjects.id, first!.id))).length) {
      if (Date.now() > deadline) throw new Error('evidence copy not expired');
      await sweep.runBatch(100).catch(() => 0); // refused while S3 still holds it
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(await refusal(client.send(new HeadObjectCommand(del)))).toBe('NotFound');
  });
});

describe('retention on object storage', () => {
  it('deletes objects in DeleteObjects batches of at most 1000 keys', async () => {
    const { settings: s3, client } = await freshBuckets(rgw);
    const keys = Array.from({ length: 1001 }, (_, i) => `rec/none/2026-01-01/batch/${String(i).padStart(4, '0')}.mp4`);
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(keys.slice(i, i + 50).map((Key) => client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body: 'x' }))));
    const sizes: number[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'DeleteObjectsCommand')
          sizes.push((args.input as { Delete: { Objects: unknown[] } }).Delete.Objects.length);
        return next(args);
      },
      { step: 'initialize' },
    );
    expect(await deleteObjects(client, s3.bucket, keys)).toEqual([]);
    expect(sizes).toEqual([1000, 1]);
    const left = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'rec/' }));
    expect(left.KeyCount ?? 0).toBe(0);
  });
});
