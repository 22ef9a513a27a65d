import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, S3RecordingStorage, type S3Settings, SpooledRecordingStorage } from '@vigia/contracts/recording-s3';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { freshBuckets, type Rgw, startRgw } from '@vigia/testkit/ceph-rgw';
import { startTcpProxy, type TcpProxy } from '@vigia/testkit/tcp-proxy';
import { makeUser, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { alerts, auditEvents, recordingGaps, recordingSegments } from '../../server/src/db/schema.js';
import { createExport } from '../../server/src/modules/exports/create-export.js';
import { loadExportSigningKey } from '../../server/src/modules/exports/export-signing.js';
import { verifyExportPackage } from '../../server/src/modules/exports/verify-export-package.js';
import { playbackChunk } from '../../server/src/modules/playback/playback.service.js';
import { uploadBacklogAlertSweep } from '../../server/src/modules/recordings/upload-backlog-alert.sweep.js';
import { verifyRecordings } from '../../server/src/modules/recordings/verify-recordings.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  RECORDING_TEST_ENV,
  registerRecordedCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
  untilProgress,
} from './helpers/node-testbed.js';

/**
 * RECORDING_STORAGE=s3 against a real Ceph RGW (scripts/ceph-rgw.sh): the node records into its
 * spool and uploads closed segments; the API reads them back from the bucket with Range GETs; an
 * outage of the object storage (a proxy this test cuts) loses no footage.
 */
let rgw: Rgw;
let proxy: TcpProxy;
let s3: S3Settings;
let client: S3Client;
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
const cams: string[] = [];
const NODE_ID = 'rec-s3-node';
/** What another API machine sees: an empty local dir and the bucket. */
let remote: SpooledRecordingStorage;
/** What the node's machine sees: its spool and the bucket. */
let spooled: SpooledRecordingStorage;
let remoteDir = '';

const segments = (cameraId: string) =>
  t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cameraId)).orderBy(asc(recordingSegments.seq));

async function objectSha(key: string): Promise<{ sha256: string; size: number }> {
  const r = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  const bytes = Buffer.from(await r.Body!.transformToByteArray());
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

beforeAll(async () => {
  rgw = await startRgw();
  const { port, hostname } = new URL(rgw.endpoint);
  proxy = await startTcpProxy({ host: hostname, port: Number(port) });
  ({ settings: s3, client } = await freshBuckets(rgw, 'COMPLIANCE', proxy.url));
  ({ t, app, gateway } = await startTestApp());
  sim = await startSimulator({ count: 2, extraPorts: 1, size: '320x240', bitrateKbps: 300 });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro S3');
  for (const i of [1, 2])
    cams.push(
      await registerRecordedCamera(app, t.database, admin, sim, {
        partnerId,
        name: `Câmera S3 ${i}`,
        httpPort: 50_100 + i,
        rtspPath: `/cam${i}`,
        rtspPort: [sim.port, ...sim.extraPorts][i - 1]!,
      }),
    );
  const objects = new S3RecordingStorage(createS3Client({ ...s3, endpoint: rgw.endpoint }), s3.bucket);
  remoteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vigia-remote-api-'));
  remote = new SpooledRecordingStorage(new LocalRecordingStorage(remoteDir), objects);
  spooled = new SpooledRecordingStorage(new LocalRecordingStorage(path.join(t.dataDir, 'recordings')), objects);
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: NODE_ID,
    ...RECORDING_TEST_ENV,
    MEDIA_WATCHDOG_MS: '2000',
    RECORDING_STORAGE: 's3',
    RECORDING_S3_ENDPOINT: proxy.url,
    RECORDING_S3_REGION: s3.region,
    RECORDING_S3_BUCKET: s3.bucket,
    RECORDING_S3_EVIDENCE_BUCKET: s3.evidenceBucket,
    RECORDING_S3_ACCESS_KEY_ID: s3.accessKeyId,
    RECORDING_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    RECORDING_SPOOL_GRACE_SECONDS: '1',
    RECORDING_UPLOAD_INTERVAL_MS: '300',
  });
}, 240_000);

afterAll(async () => {
  await stopTestBed({ node, gateway, sim, app, t });
  await proxy?.close();
  await rgw?.stop();
  if (remoteDir) await fs.rm(remoteDir, { recursive: true, force: true });
}, 120_000);

describe('recordings in S3-compatible object storage (Ceph RGW)', () => {
  it('uploads every closed segment under rec/<region>/<day>/<camera>/, records key, ETag and the chain SHA-256, then empties the spool', async () => {
    const cam = cams[0]!;
    await until(async () => (await segments(cam)).filter((s) => s.spoolRemovedAt).length >= 3, 40_000);
    const done = (await segments(cam)).filter((s) => s.spoolRemovedAt);
    for (const s of done) {
      const day = s.startAt.toISOString().slice(0, 10);
      // The key names the writer (node, epoch, generation: ADR 0013), as fenced on the segment row.
      expect(s.nodeEpoch).toBeGreaterThan(0);
      expect(s.assignmentGeneration).toBeGreaterThan(0);
      expect(s.objectKey).toMatch(
        new RegExp(`^rec/[\\w-]+/${day}/${cam}/${s.id}-${NODE_ID}-e${s.nodeEpoch}-g${s.assignmentGeneration}\\.mp4$`),
      );
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: s.objectKey! }));
      expect(head.ETag?.replaceAll('"', '')).toBe(s.objectEtag);
      expect(await objectSha(s.objectKey!)).toEqual({ sha256: s.sha256, size: s.sizeBytes });
      // The spool copy is gone once the upload was confirmed (grace 1 s).
      await expect(fs.stat(path.join(t.dataDir, 'recordings', s.storageKey))).rejects.toThrow();
    }
    expect((await verifyRecordings(t.database.db, spooled, cam)).problems).toEqual([]);
  });

  it('plays back and exports from the bucket on a machine without the spool (Range GETs)', async () => {
    const cam = cams[0]!;
    const seg = (await segments(cam)).find((s) => s.spoolRemovedAt)!;
    const chunk = await playbackChunk(
      { db: t.database.db, tokenKey: randomBytes(32), storage: remote },
      cam,
      new Date(seg.startAt.getTime() + 300),
      1000,
    );
    expect(chunk).toBeDefined();
    expect(chunk!.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(chunk!.wallMs).toBeLessThanOrEqual(seg.startAt.getTime() + 300);
    // Export: objects copied through the ranged reader, concatenated by ffmpeg, signed and verifiable.
    const outDir = path.join(remoteDir, 'exports');
    const signingKey = await loadExportSigningKey({ envKey: undefined, dataDir: remoteDir });
    const { dir, manifest } = await createExport(
      { db: t.database.db, storage: remote, outDir, signingKey },
      {
        cameraIds: [cam],
        from: seg.startAt,
        to: new Date(seg.startAt.getTime() + 1500),
        operator: { id: 'op', name: 'Operadora' },
        reason: 'Teste de exportação a partir do S3',
      },
    );
    expect(manifest.files.find((f) => f.cameraId === cam)?.sizeBytes).toBeGreaterThan(1000);
    expect((await verifyExportPackage(dir, signingKey.publicKeyPem)).problems).toEqual([]);
  });

  it('S3 outage of 60 s: recording goes on into the spool, an alert is raised, the backlog drains, the alert clears and every object matches the index', async () => {
    const db = t.database.db;
    const cutAt = new Date();
    const errorsBefore = node!.uploader!.stats.errors;
    await proxy.cut();
    // Recording continues: segments keep closing while every upload fails.
    await until(async () => node!.uploader!.stats.errors > errorsBefore, 30_000);
    await until(async () => Date.now() - cutAt.getTime() >= 60_000, 75_000);
    const during = await db
      .select()
      .from(recordingSegments)
      .where(and(inArray(recordingSegments.cameraId, cams), gte(recordingSegments.startAt, cutAt)));
    const closedDuring = during.filter((s) => s.closedAt);
    expect(closedDuring.length).toBeGreaterThanOrEqual(2 * 20); // 2 cameras × 2 s segments × 60 s, with slack
    expect(closedDuring.every((s) => s.objectKey === null)).toBe(true);
    // The API's sweep sees the backlog and raises one CIOSP alert for the bucket (audited).
    await uploadBacklogAlertSweep(db, { bucket: s3.bucket, alertAfterMs: 10_000 }).runBatch(1);
    const raised = await db.select().from(alerts).where(eq(alerts.kind, 'recording_upload_backlog'));
    expect(raised).toHaveLength(1);
    expect(raised[0]!.volume).toBe(`s3:${s3.bucket}`);
    expect(raised[0]!.message).toContain('aguardando envio');
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, 'recording.upload_backlog_alert'));
    expect(audited).toHaveLength(1);

    const restoredAt = new Date();
    await proxy.restore();
    // Backlog drains: every segment closed before the restore gets its object (progress-based wait).
    const pendingBefore = async () => {
      const rows = await db.select().from(recordingSegments).where(inArray(recordingSegments.cameraId, cams));
      return rows.filter((s) => s.closedAt && s.closedAt < restoredAt && !s.objectKey).length;
    };
    await untilProgress(pendingBefore, (n) => n === 0, 30_000);
    // The uploader watched the bucket during the outage (probes that found it down) instead of only sleeping.
    expect(node!.uploader!.stats.probesDown).toBeGreaterThan(0);
    // With no segment closed before the restore left waiting, the sweep clears the alert (audited).
    await uploadBacklogAlertSweep(db, { bucket: s3.bucket, alertAfterMs: 0, now: () => restoredAt }).runBatch(1);
    const [cleared] = await db.select().from(alerts).where(eq(alerts.id, raised[0]!.id));
    expect(cleared!.acknowledgedAt).not.toBeNull();
    expect(cleared!.acknowledgedBy).toBeNull();
    expect(cleared!.message).toContain('fila de envio esvaziada');
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'recording.upload_backlog_cleared'))).toHaveLength(1);

    for (const cam of cams) {
      const rows = (await segments(cam)).filter((s) => s.closedAt && s.closedAt < restoredAt);
      // Nothing lost: sequence without holes, each segment starts where the previous ended, no gap opened.
      rows.forEach((s, i) => expect(s.seq).toBe(i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.startAt.getTime() - rows[i - 1]!.endAt!.getTime()).toBeLessThan(1000);
      const gaps = await db.select().from(recordingGaps).where(eq(recordingGaps.cameraId, cam));
      expect(gaps).toEqual([]);
      // Every uploaded object hashes to the SHA-256 in the index (read back from the bucket).
      for (const s of rows) expect(await objectSha(s.objectKey!)).toEqual({ sha256: s.sha256, size: s.sizeBytes });
      expect((await verifyRecordings(db, spooled, cam)).problems).toEqual([]);
    }
  }, 180_000);
});
