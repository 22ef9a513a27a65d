import { and, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { cameras } from '../../db/tables/cameras.js';
import { cameraPtz, ptzSessions } from '../../db/tables/ptz.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { endSession } from './ptz.service.js';
import { command, type PtzDeps, ptzOf } from './ptz-device.js';

/**
 * PTZ housekeeping (issue 17), idempotent:
 * 1. a lock whose holder has been idle for PTZ_LOCK_IDLE_SECONDS ends its move session (`expired`);
 * 2. a camera moved away from its approved preset and then left alone for PTZ_RETURN_AFTER_SECONDS
 *    goes back to that preset — the approved executive project fixed what it films — ending any
 *    session still open. The ONVIF command happens outside any transaction; a camera that does not
 *    answer is retried next run.
 */
export function ptzReturnSweep(deps: PtzDeps, everySeconds = 10): Sweep {
  const actor = systemActor('ptz-return-sweep');
  const db = deps.db;
  return {
    name: 'ptz-return',
    everySeconds,
    batchSize: 50,
    async runBatch(limit) {
      const now = deps.clock.now();
      let handled = 0;
      const idle = await db
        .select({ s: ptzSessions })
        .from(cameraPtz)
        .innerJoin(ptzSessions, eq(ptzSessions.id, cameraPtz.sessionId))
        .where(lte(ptzSessions.lastActivityAt, new Date(now.getTime() - deps.cfg.lockIdleMs)))
        .limit(limit);
      for (const { s } of idle) {
        await db.transaction(async (tx) => {
          const [still] = await tx
            .select({ id: ptzSessions.id })
            .from(ptzSessions)
            .where(and(eq(ptzSessions.id, s.id), isNull(ptzSessions.endedAt)))
            .for('update');
          if (still) await endSession(tx, actor, s, now, 'expired');
        });
        handled++;
      }
      const away = await db
        .select({ state: cameraPtz, camera: cameras })
        .from(cameraPtz)
        .innerJoin(cameras, eq(cameras.id, cameraPtz.cameraId))
        .leftJoin(ptzSessions, eq(ptzSessions.id, cameraPtz.sessionId))
        .where(
          and(
            eq(cameraPtz.awayFromApproved, true),
            isNotNull(cameraPtz.approvedPresetToken),
            lte(cameraPtz.lastActivityAt, new Date(now.getTime() - deps.cfg.returnAfterMs)),
            or(isNull(ptzSessions.id), lte(ptzSessions.lastActivityAt, new Date(now.getTime() - deps.cfg.returnAfterMs))),
          ),
        )
        .limit(limit);
      for (const { state, camera } of away) {
        try {
          const ptz = await ptzOf(deps, camera);
          if (!ptz) continue;
          await command(camera, () => ptz.gotoPreset(state.approvedPresetToken!));
        } catch {
          continue; // the camera did not answer: next run
        }
        await db.transaction(async (tx) => {
          const [open] = state.sessionId
            ? await tx
                .select()
                .from(ptzSessions)
                .where(and(eq(ptzSessions.id, state.sessionId), isNull(ptzSessions.endedAt)))
                .for('update')
            : [];
          if (open) await endSession(tx, actor, open, now, 'expired');
          await tx.update(cameraPtz).set({ awayFromApproved: false }).where(eq(cameraPtz.cameraId, camera.id));
          await recordAudit(tx, actor, {
            action: 'ptz.returned_to_approved_view',
            targetType: 'camera',
            targetId: camera.id,
            data: { preset: state.approvedPresetToken, idleSince: state.lastActivityAt?.toISOString() ?? null },
          });
        });
        handled++;
      }
      return handled;
    },
  };
}
