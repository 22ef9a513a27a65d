/**
 * Outage phase of bench-s3 (`--outage N`): the media node's only way to the RGW is a TCP proxy; it
 * is cut for N s (refused connections, as a stopped gateway) while the cameras record, then
 * restored. Measures the backlog, the time from "S3 reachable again" to the first upload and to
 * the last backlog segment uploaded (the index's `uploaded_at`), the drain rate against the ingest
 * measured during the outage (issue 13: ≥ 2×), raises and clears the backlog alert with the API's
 * sweep, and reads every uploaded object back to compare its SHA-256 and size with the index.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TcpProxy } from '@vigia/testkit/tcp-proxy';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../apps/server/src/db/client.js';
import { uploadBacklogAlertSweep } from '../apps/server/src/modules/recordings/upload-backlog-alert.sweep.js';
import { sleep } from './bench-common.js';

const MB = 1e6;

export interface OutageFigures {
  outageSeconds: number;
  backlogSegments: number;
  backlogMB: number;
  ingestSegmentsPerSecond: number;
  firstUploadAfterRestoreSeconds: number;
  drainSeconds: number;
  drainSegmentsPerSecond: number;
  drainMBps: number;
  drainOverIngest: number;
  alertRaised: boolean;
  alertCleared: boolean;
  objectsChecked: number;
  hashMismatches: number;
  loadAverage: string;
}

export async function outagePhase(o: {
  db: Db;
  proxy: TcpProxy;
  client: S3Client;
  bucket: string;
  seconds: number;
}): Promise<OutageFigures> {
  const rows = async <T>(q: SQL): Promise<T[]> => {
    const r = await o.db.execute(q);
    return ((r as unknown as { rows?: T[] }).rows ?? (r as unknown as T[])) as T[];
  };
  const cutAt = Date.now();
  await o.proxy.cut();
  await sleep(o.seconds * 1000);
  await uploadBacklogAlertSweep(o.db, { bucket: o.bucket, alertAfterMs: Math.min(10_000, (o.seconds * 1000) / 2) }).runBatch(1);
  const raised = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM alert WHERE kind = 'recording_upload_backlog' AND acknowledged_at IS NULL`,
  );
  const backlog = await rows<{ id: string; size_bytes: number }>(
    sql`SELECT id::text AS id, size_bytes::int AS size_bytes FROM recording_segment
        WHERE object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL`,
  );
  const restoredAt = Date.now();
  await o.proxy.restore();
  const ids = backlog.map((r) => r.id).join(',');
  const waiting = async () =>
    (
      await rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM recording_segment WHERE id = ANY(string_to_array(${ids}, ',')::uuid[]) AND object_key IS NULL`,
      )
    )[0]!.n;
  // Progress-based wait: give up only after 120 s without one more backlog segment uploaded.
  let last = await waiting();
  let lastChange = Date.now();
  while (last > 0) {
    await sleep(250);
    const n = await waiting();
    if (n !== last) lastChange = Date.now();
    else if (Date.now() - lastChange > 120_000) throw new Error(`backlog stuck at ${n} of ${backlog.length} segments for 120 s`);
    last = n;
  }
  const [t] = await rows<{ first_ms: number; last_ms: number; ingest: number }>(
    sql`SELECT (extract(epoch from min(uploaded_at)) * 1000)::float8 AS first_ms, (extract(epoch from max(uploaded_at)) * 1000)::float8 AS last_ms,
          (SELECT count(*)::int FROM recording_segment WHERE closed_at >= ${new Date(cutAt).toISOString()}::timestamptz
             AND closed_at < ${new Date(restoredAt).toISOString()}::timestamptz) AS ingest
        FROM recording_segment WHERE id = ANY(string_to_array(${ids}, ',')::uuid[])`,
  );
  await uploadBacklogAlertSweep(o.db, { bucket: o.bucket, alertAfterMs: 0, now: () => new Date(restoredAt) }).runBatch(1);
  const cleared = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM alert WHERE kind = 'recording_upload_backlog' AND acknowledged_at IS NOT NULL`,
  );

  // Every uploaded object, read back: SHA-256 and size equal to the index row.
  const uploaded = await rows<{ object_key: string; sha256: string; size_bytes: number }>(
    sql`SELECT object_key, sha256, size_bytes::int AS size_bytes FROM recording_segment WHERE object_key IS NOT NULL`,
  );
  let mismatches = 0;
  const queue = [...uploaded];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const got = await o.client.send(new GetObjectCommand({ Bucket: o.bucket, Key: r.object_key }));
        const bytes = Buffer.from(await got.Body!.transformToByteArray());
        if (createHash('sha256').update(bytes).digest('hex') !== r.sha256 || bytes.length !== r.size_bytes) mismatches++;
      }
    }),
  );

  const outageS = (restoredAt - cutAt) / 1000;
  const drainS = (t!.last_ms - restoredAt) / 1000;
  const ingest = t!.ingest / outageS;
  const bytes = backlog.reduce((a, r) => a + r.size_bytes, 0);
  const fix = (x: number, d = 1) => Number(x.toFixed(d));
  return {
    outageSeconds: fix(outageS),
    backlogSegments: backlog.length,
    backlogMB: fix(bytes / MB),
    ingestSegmentsPerSecond: fix(ingest, 2),
    firstUploadAfterRestoreSeconds: fix((t!.first_ms - restoredAt) / 1000, 2),
    drainSeconds: fix(drainS, 2),
    drainSegmentsPerSecond: fix(backlog.length / drainS, 2),
    drainMBps: fix(bytes / MB / drainS),
    drainOverIngest: fix(backlog.length / drainS / ingest, 2),
    alertRaised: raised[0]!.n === 1,
    alertCleared: cleared[0]!.n === 1,
    objectsChecked: uploaded.length,
    hashMismatches: mismatches,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  };
}
