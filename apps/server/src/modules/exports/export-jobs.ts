import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ExportCreate, type ExportJob, exportCreateSchema } from '@vigia/contracts';
import type { S3Settings } from '@vigia/contracts/recording-s3';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { exportJobs } from '../../db/tables/exports.js';
import { releaseDeliveries } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordingStorage } from '../../media-tools/recording-storage.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit, systemActor } from '../audit/audit.service.js';
import { playbackScope } from '../cameras/cameras.scope.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import { exportJobMasks } from '../privacy/privacy.service.js';
import { createExport } from './create-export.js';
import { loadExportSigningKey } from './export-signing.js';
import { LEIA_ME } from './leia-me.js';

export interface ExportDeps {
  db: Db;
  dataDir: string;
  signingKey: string | undefined;
  log?: Logger;
  /** RECORDING_STORAGE=s3: segments are read from the bucket. */
  s3?: S3Settings | undefined;
}
type JobRow = typeof exportJobs.$inferSelect;

const MAX_RANGE_MS = 7 * 86_400_000;
const STALE_RUNNING_MS = 30 * 60_000;
export const exportsDir = (dataDir: string) => path.join(dataDir, 'exports');

/**
 * Requests an export (operators, regional operators, admin): every camera must be in the caller's
 * playback scope (SQL, `playbackScope`) — one outside it is 404 — and eligible to stream (else 409
 * CAMERA_NOT_ELIGIBLE: footage of a camera not authorised to stream goes to nobody). Creates the queued job; the build sweep
 * picks it up. Audited `export.requested`.
 */
export async function requestExport(db: Db, who: Acting, raw: ExportCreate): Promise<ExportJob> {
  const input = exportCreateSchema.parse(raw);
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(to > from) || to.getTime() - from.getTime() > MAX_RANGE_MS || to.getTime() > Date.now() + 60_000)
    throw new AppError('EXPORT_RANGE_INVALID');
  const ids = [...new Set(input.cameraIds)];
  const id = await db.transaction(async (tx) => {
    const found = await tx
      .select({ id: cameras.id, eligible: streamEligible().mapWith(Boolean) })
      .from(cameras)
      .where(and(inArray(cameras.id, ids), playbackScope(who.auth)));
    if (found.length !== ids.length) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
    if (found.some((c) => !c.eligible)) throw new AppError('CAMERA_NOT_ELIGIBLE');
    const [row] = await tx
      .insert(exportJobs)
      .values({
        cameraIds: ids,
        fromAt: from,
        toAt: to,
        reason: input.reason,
        caseNumber: input.caseNumber ?? null,
        requestedBy: who.auth.user.id,
        requestedByLabel: who.actor.label ?? who.auth.user.id,
      })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'export.requested',
      targetType: 'export',
      targetId: row!.id,
      reason: input.reason,
      data: { exportId: row!.id, cameraIds: ids, from: input.from, to: input.to, caseNumber: input.caseNumber ?? null },
    });
    return row!.id;
  });
  return viewExport(db, who.auth, id);
}

/** Queues the package of a granted release request (called inside the decision's transaction). */
export async function queueReleaseExport(
  tx: Tx,
  actor: AuditActor,
  p: { deliveryId: string; cameraIds: string[]; from: Date; to: Date; reason: string; caseNumber: string },
): Promise<string> {
  const [row] = await tx
    .insert(exportJobs)
    .values({
      cameraIds: p.cameraIds,
      fromAt: p.from,
      toAt: p.to,
      reason: p.reason,
      caseNumber: p.caseNumber,
      requestedBy: actor.id,
      requestedByLabel: actor.label ?? 'sistema',
      releaseDeliveryId: p.deliveryId,
    })
    .returning();
  return row!.id;
}

/** Own exports; administrators see all. Anything else is 404. */
export function readScope(auth: AuthContext): SQL {
  return auth.roles.includes('admin') ? sql`true` : eq(exportJobs.requestedBy, auth.user.id);
}

async function toView(db: Queryable, j: JobRow): Promise<ExportJob> {
  const cams = await db.select({ id: cameras.id, name: cameras.name }).from(cameras).where(inArray(cameras.id, j.cameraIds));
  return {
    id: j.id,
    cameraIds: j.cameraIds,
    cameraNames: j.cameraIds.map((c) => cams.find((x) => x.id === c)?.name ?? c),
    from: j.fromAt.toISOString(),
    to: j.toAt.toISOString(),
    reason: j.reason,
    caseNumber: j.caseNumber,
    requestedBy: j.requestedByLabel,
    releaseDeliveryId: j.releaseDeliveryId,
    status: j.status,
    progress: j.progress,
    error: j.error,
    sizeBytes: j.sizeBytes,
    downloads: j.downloads,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    downloadUrl: j.status === 'ready' && !j.releaseDeliveryId ? `/api/exports/${j.id}/download` : null,
  };
}

export async function viewExport(db: Queryable, auth: AuthContext, id: string): Promise<ExportJob> {
  const [j] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), readScope(auth)))
    .limit(1);
  if (!j) throw new AppError('NOT_FOUND', 'Exportação não encontrada.');
  return toView(db, j);
}

export async function listExports(db: Queryable, auth: AuthContext): Promise<ExportJob[]> {
  const rows = await db.select().from(exportJobs).where(readScope(auth)).orderBy(desc(exportJobs.createdAt)).limit(50);
  return Promise.all(rows.map((r) => toView(db, r)));
}

/** Builds one claimed job: MP4s + LEIA-ME + signed manifest; progress stored as it goes. */
export async function buildExportJob(deps: ExportDeps, job: JobRow): Promise<void> {
  const { db } = deps;
  const builtBy = `worker ${os.hostname()}:${process.pid}`;
  try {
    const signingKey = await loadExportSigningKey({ envKey: deps.signingKey, dataDir: deps.dataDir });
    const storage = recordingStorage(deps.dataDir, deps.s3);
    await fs.rm(path.join(exportsDir(deps.dataDir), job.id), { recursive: true, force: true });
    let last = 0;
    let writes = Promise.resolve();
    const { manifest, dir } = await createExport(
      { db, storage, outDir: exportsDir(deps.dataDir), signingKey, ...(deps.log ? { log: deps.log } : {}) },
      {
        exportId: job.id,
        cameraIds: job.cameraIds,
        from: job.fromAt,
        to: job.toAt,
        operator: { id: job.requestedBy ?? 'sistema', name: job.requestedByLabel },
        reason: job.caseNumber ? `${job.reason} (processo ${job.caseNumber})` : job.reason,
        extraFiles: [{ name: 'LEIA-ME.txt', text: LEIA_ME }],
        masks: await exportJobMasks(db, job),
      },
      (fraction) => {
        const pct = Math.min(99, Math.floor(fraction * 100));
        if (pct >= last + 5) {
          last = pct;
          writes = writes.then(() =>
            db
              .update(exportJobs)
              .set({ progress: pct })
              .where(eq(exportJobs.id, job.id))
              .then(() => undefined),
          );
        }
      },
    );
    await writes;
    if (!manifest.files.some((f) => f.cameraId)) throw new Error('Nenhuma gravação encontrada no período para as câmeras pedidas.');
    let size = 0;
    for (const f of await fs.readdir(dir)) size += (await fs.stat(path.join(dir, f))).size;
    await db.transaction(async (tx) => {
      await tx
        .update(exportJobs)
        .set({ status: 'ready', progress: 100, builtBy, packageKey: job.id, sizeBytes: size, finishedAt: new Date(), error: null })
        .where(eq(exportJobs.id, job.id));
      await recordAudit(tx, systemActor(builtBy), {
        action: 'export.built',
        targetType: 'export',
        targetId: job.id,
        data: { exportId: job.id, files: manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
      });
      if (job.releaseDeliveryId) {
        await tx
          .update(releaseDeliveries)
          .set({ packageStatus: 'ready', packageStorageKey: `exports/${job.id}` })
          .where(eq(releaseDeliveries.id, job.releaseDeliveryId));
      }
    });
  } catch (err) {
    deps.log?.error({ err, exportId: job.id }, 'export failed');
    await failExportJob(db, job, builtBy, (err as Error).message.slice(0, 500));
  }
}

/** A release package is built up to this many times before its delivery is marked failed. */
export const EXPORT_MAX_ATTEMPTS = 3;
/** Wait before attempt n+1 (n = attempts so far): 30 s, 2 min. */
export const exportRetryDelayMs = (attempts: number) => 30_000 * 4 ** Math.max(0, attempts - 1);

/**
 * A failed build. A release delivery's package is queued again (with backoff) until its last attempt;
 * then the delivery is marked `failed` with a pt-BR reason the release authority sees (and may retry,
 * `retryReleaseDelivery`). An operator's own export fails at once (the operator sees it and asks again).
 */
async function failExportJob(db: Db, job: JobRow, builtBy: string, error: string): Promise<void> {
  const retry = job.releaseDeliveryId !== null && job.attempts < EXPORT_MAX_ATTEMPTS;
  await db.transaction(async (tx) => {
    if (retry) {
      await tx
        .update(exportJobs)
        .set({ status: 'queued', progress: 0, error, builtBy, retryAt: new Date(Date.now() + exportRetryDelayMs(job.attempts)) })
        .where(eq(exportJobs.id, job.id));
    } else {
      await tx.update(exportJobs).set({ status: 'failed', error, builtBy, finishedAt: new Date() }).where(eq(exportJobs.id, job.id));
    }
    await recordAudit(tx, systemActor(builtBy), {
      action: 'export.failed',
      targetType: 'export',
      targetId: job.id,
      data: { exportId: job.id, error, attempt: job.attempts, willRetry: retry },
    });
    if (job.releaseDeliveryId && !retry) {
      const reason = `Não foi possível montar o pacote após ${job.attempts} tentativa(s): ${error}`.slice(0, 600);
      const [d] = await tx
        .update(releaseDeliveries)
        .set({ packageStatus: 'failed', failureReason: reason })
        .where(eq(releaseDeliveries.id, job.releaseDeliveryId))
        .returning();
      if (d)
        await recordAudit(tx, systemActor(builtBy), {
          action: 'release_delivery.failed',
          targetType: 'release_request',
          targetId: d.requestId,
          reason,
          data: { deliveryId: d.id, exportId: job.id, attempts: job.attempts },
        });
    }
  });
}

/**
 * The release authority queues a failed delivery's package again: the same export job (same
 * package id) starts over with a fresh attempt count; the delivery is pending again. Audited
 * `release_delivery.retried`. Only a failed delivery can be retried (else RELEASE_INVALID_STATE).
 */
export async function retryDeliveryExport(tx: Tx, actor: AuditActor, delivery: { id: string; requestId: string }): Promise<void> {
  const [job] = await tx
    .select()
    .from(exportJobs)
    .where(eq(exportJobs.releaseDeliveryId, delivery.id))
    .orderBy(desc(exportJobs.createdAt))
    .limit(1)
    .for('update');
  if (!job || job.status !== 'failed')
    throw new AppError('RELEASE_INVALID_STATE', 'Só é possível tentar novamente uma entrega cuja montagem falhou.');
  await tx
    .update(exportJobs)
    .set({ status: 'queued', progress: 0, attempts: 0, retryAt: null, error: null, finishedAt: null })
    .where(eq(exportJobs.id, job.id));
  await tx.update(releaseDeliveries).set({ packageStatus: 'pending', failureReason: null }).where(eq(releaseDeliveries.id, delivery.id));
  await recordAudit(tx, actor, {
    action: 'release_delivery.retried',
    targetType: 'release_request',
    targetId: delivery.requestId,
    data: { deliveryId: delivery.id, exportId: job.id, previousError: job.error },
  });
}

/**
 * The build sweep: requeues jobs left `running` by a dead worker, then claims queued jobs whose
 * retry time (if any) has come, one by one (conditional UPDATE: two workers never build the same
 * job; each claim counts an attempt) and builds them.
 */
export function exportBuildSweep(deps: ExportDeps): Sweep {
  return {
    name: 'export-build',
    everySeconds: 5,
    batchSize: 2,
    async runBatch(limit) {
      await deps.db
        .update(exportJobs)
        .set({ status: 'queued', progress: 0 })
        .where(and(eq(exportJobs.status, 'running'), lt(exportJobs.startedAt, new Date(Date.now() - STALE_RUNNING_MS))));
      const due = await deps.db
        .select({ id: exportJobs.id })
        .from(exportJobs)
        .where(and(eq(exportJobs.status, 'queued'), or(isNull(exportJobs.retryAt), lte(exportJobs.retryAt, new Date()))))
        .orderBy(asc(exportJobs.createdAt))
        .limit(limit);
      let n = 0;
      for (const { id } of due) {
        const [job] = await deps.db
          .update(exportJobs)
          .set({ status: 'running', startedAt: new Date(), progress: 0, attempts: sql`${exportJobs.attempts} + 1` })
          .where(and(eq(exportJobs.id, id), eq(exportJobs.status, 'queued')))
          .returning();
        if (!job) continue;
        await buildExportJob(deps, job);
        n++;
      }
      return n;
    },
  };
}
