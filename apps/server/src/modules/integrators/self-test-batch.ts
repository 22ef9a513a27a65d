import type { SelfTestBatch } from '@vigia/contracts';
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../../db/client.js';
import { cameraSelfTests, cameras } from '../../db/tables/cameras.js';
import { integratorCameras, selfTestBatches } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { integratorCompanyIds } from '../cameras/cameras.scope.js';
import { runSelfTest } from '../cameras/self-test.js';
import { type IntegratorDeps, integratorCompanyId, loadClient } from './portfolio.js';

/**
 * Starts a batch of installer self-tests over the company's client cameras (or one client's) and
 * runs them one after the other after the response (one camera at a time: a technician's batch never
 * floods the network or the API). Each result is the camera's ordinary self-test row.
 */
export async function startSelfTestBatch(
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  clientPartnerId: string | undefined,
  log: FastifyBaseLogger,
): Promise<SelfTestBatch> {
  const company = integratorCompanyId(auth);
  const id = await deps.db.transaction(async (tx) => {
    if (clientPartnerId) await loadClient(tx, auth, clientPartnerId);
    const rows = await tx
      .select({ id: cameras.id })
      .from(cameras)
      .innerJoin(integratorCameras, and(eq(integratorCameras.cameraId, cameras.id), eq(integratorCameras.integratorPartnerId, company)))
      .where(clientPartnerId ? eq(cameras.partnerId, clientPartnerId) : undefined)
      .orderBy(cameras.name)
      .limit(500);
    if (!rows.length)
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'clientPartnerId', message: 'Nenhuma câmera de cliente para testar.' }]);
    const [batch] = await tx
      .insert(selfTestBatches)
      .values({ integratorPartnerId: company, cameraIds: rows.map((r) => r.id), requestedBy: auth.user.id, startedAt: new Date() })
      .returning();
    await recordAudit(tx, actor, {
      action: 'self_test_batch.started',
      targetType: 'partner',
      targetId: company,
      data: { batchId: batch!.id, cameraIds: batch!.cameraIds, clientPartnerId: clientPartnerId ?? null },
    });
    return batch!.id;
  });
  const view = await getSelfTestBatch(deps.db, auth, id);
  void runBatch(
    deps,
    auth,
    actor,
    id,
    view.cameras.map((c) => c.cameraId),
    log,
  );
  return view;
}

async function runBatch(deps: IntegratorDeps, auth: AuthContext, actor: AuditActor, id: string, ids: string[], log: FastifyBaseLogger) {
  for (const cameraId of ids) {
    try {
      await runSelfTest(deps, auth, actor, cameraId, log);
    } catch (err) {
      log.warn({ err, cameraId, batchId: id }, 'batch self-test: camera not tested');
    }
  }
  await deps.db.update(selfTestBatches).set({ finishedAt: new Date() }).where(eq(selfTestBatches.id, id));
}

/** Progress and per-camera report of a batch of the caller's company (another company's: 404). */
export async function getSelfTestBatch(db: Queryable, auth: AuthContext, id: string): Promise<SelfTestBatch> {
  const [batch] = await db
    .select()
    .from(selfTestBatches)
    .where(and(eq(selfTestBatches.id, id), inArray(selfTestBatches.integratorPartnerId, integratorCompanyIds(auth))))
    .limit(1);
  if (!batch) throw new AppError('NOT_FOUND', 'Lote de autotestes não encontrado.');
  const cams = await db
    .select({ id: cameras.id, name: cameras.name, clientName: partners.name })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .where(inArray(cameras.id, batch.cameraIds));
  const tests = await db
    .select()
    .from(cameraSelfTests)
    .where(and(inArray(cameraSelfTests.cameraId, batch.cameraIds), gte(cameraSelfTests.startedAt, batch.startedAt)))
    .orderBy(desc(cameraSelfTests.startedAt));
  const lines = batch.cameraIds.flatMap((cameraId) => {
    const cam = cams.find((c) => c.id === cameraId);
    if (!cam) return []; // deleted since
    const test = tests.find((x) => x.cameraId === cameraId);
    const failed = test?.steps.find((s) => s.outcome === 'fail');
    return [
      {
        cameraId,
        cameraName: cam.name,
        clientName: cam.clientName,
        ok: test ? test.ok : null,
        failedStep: failed ? { key: failed.key, label: failed.label, code: failed.code, hint: failed.hint } : null,
        selfTestId: test?.id ?? null,
      },
    ];
  });
  return {
    id: batch.id,
    startedAt: batch.startedAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    total: lines.length,
    done: lines.filter((l) => l.ok !== null).length,
    cameras: lines,
  };
}
