import { and, eq, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { integratorCameras, signagePlates } from '../../db/tables/integrators.js';
import { complianceCases } from '../../db/tables/sanctions.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { fmtDate, todayInCuiaba } from '../calendar/local-date.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import { ensurePlate } from './signage-plates.js';

const actor = systemActor('sweep:signage-plates');

/**
 * Signage plates (SPEC §3.7; seed 002): each run, in bounded batches and idempotently,
 * 1. every camera that may stream and has no plate gets one (site code, deadline = today in Cuiabá +
 *    SIGNAGE_PLATE_DEADLINE_DAYS);
 * 2. a plate not approved by the day after its deadline opens one obligation case for the committee
 *    (the existing compliance-case flow), against the partner that shares the camera — the integrator
 *    company for a client's camera, else the camera's partner.
 */
export function signagePlateSweep(db: Db, clock: Clock, deadlineDays: number): Sweep {
  return {
    name: 'signage-plates',
    everySeconds: 3600,
    batchSize: 100,
    async runBatch(limit) {
      const now = clock.now();
      let handled = 0;
      const missing = await db
        .select({ id: cameras.id })
        .from(cameras)
        .where(
          and(streamEligible(), notExists(db.select({ one: sql`1` }).from(signagePlates).where(eq(signagePlates.cameraId, cameras.id)))),
        )
        .limit(limit);
      for (const m of missing) {
        await ensurePlate(db, m.id, now, deadlineDays);
        handled++;
      }
      const overdue = await db
        .select({ cameraId: signagePlates.cameraId })
        .from(signagePlates)
        .where(and(ne(signagePlates.status, 'approved'), lt(signagePlates.dueOn, todayInCuiaba(now)), isNull(signagePlates.caseId)))
        .limit(limit);
      for (const o of overdue) {
        await db.transaction(async (tx) => {
          const [row] = await tx
            .select({
              p: signagePlates,
              partnerId: cameras.partnerId,
              integrator: integratorCameras.integratorPartnerId,
              name: cameras.name,
            })
            .from(signagePlates)
            .innerJoin(cameras, eq(cameras.id, signagePlates.cameraId))
            .leftJoin(integratorCameras, eq(integratorCameras.cameraId, cameras.id))
            .where(eq(signagePlates.cameraId, o.cameraId))
            .for('update', { of: signagePlates });
          if (!row || row.p.caseId || row.p.status === 'approved') return;
          const [kase] = await tx
            .insert(complianceCases)
            .values({
              partnerId: row.integrator ?? row.partnerId,
              kind: 'signage_plate_missing',
              subjectType: 'camera',
              subjectId: o.cameraId,
              description: `A placa do programa do local ${row.p.siteCode} (câmera "${row.name}") não tem foto de instalação aprovada; o prazo terminou em ${fmtDate(row.p.dueOn)}.`,
            })
            .returning();
          await tx.update(signagePlates).set({ caseId: kase!.id }).where(eq(signagePlates.cameraId, o.cameraId));
          await recordAudit(tx, actor, {
            action: 'signage_plate.overdue',
            targetType: 'camera',
            targetId: o.cameraId,
            data: { siteCode: row.p.siteCode, dueOn: row.p.dueOn, caseId: kase!.id },
          });
        });
        handled++;
      }
      return handled;
    },
  };
}
