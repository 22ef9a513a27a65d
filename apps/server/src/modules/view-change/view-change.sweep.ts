import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNotNull, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../config/clock.js';
import { alerts } from '../../db/tables/alerts.js';
import { cameraSelfTests, cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { cameraPtz } from '../../db/tables/ptz.js';
import { cameraViewChecks } from '../../db/tables/view-change.js';
import type { Sweep } from '../../jobs/sweep.js';
import { captureSnapshot, grayThumbnail } from '../../media-tools/ffmpeg.adapter.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { CameraRow } from '../cameras/cameras.scope.js';
import { type CameraDeps, openCredentials } from '../cameras/cameras.service.js';
import { checkOutbound } from '../cameras/outbound-guard.js';
import { snapshotDir } from '../cameras/self-test.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import { recordCameraEvent } from '../events/events.service.js';
import { mailAll, partnerEmailOf } from '../obligations/recipients.js';
import { dHash, HASH_HEIGHT, HASH_WIDTH, hammingDistance } from './perceptual-hash.js';
import { viewCheckDir } from './view-check-files.js';

const CONCURRENT_CHECKS = 4;

export interface ViewChangeDeps extends CameraDeps {
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How often each camera is checked, and the Hamming distance (of 64) above which its view changed. */
  cfg: { intervalMs: number; threshold: number };
}

/** Perceptual hash of a picture (JPEG/PNG bytes): ffmpeg decodes it to 9×8 gray, then dHash. */
export const hashPicture = async (picture: Buffer) => dHash(await grayThumbnail(picture, HASH_WIDTH, HASH_HEIGHT));

function save(dataDir: string, name: string, bytes: Buffer): string {
  fs.mkdirSync(viewCheckDir(dataDir), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(viewCheckDir(dataDir), name), bytes, { mode: 0o600 });
  return name;
}

/**
 * View-change detection (issue 17). Each run, in bounded batches:
 * 1. a camera without a reference gets one: its first self-test snapshot (the view the installer
 *    and the committee saw when the camera was set up), copied and hashed;
 * 2. each camera due for a check (eligible, not disabled, not a PTZ camera an operator moved away
 *    from its approved preset, last checked `intervalMs` ago) gets one
 *    keyframe as JPEG from its RTSP stream (ffmpeg, over the outbound guard's address), hashed the
 *    same way and compared with the reference. Beyond `threshold` the camera "changed view": one
 *    `view_changed` event (both pictures kept), a CIOSP alert and an e-mail to the partner per
 *    episode; back under the threshold, the episode closes. A camera that does not answer is left
 *    to the health module and checked again at the next interval.
 */
export function viewChangeSweep(deps: ViewChangeDeps): Sweep {
  const actor = systemActor('view-change-sweep');
  const db = deps.db;
  return {
    name: 'view-change',
    // Every 30 s, or as often as the interval when it is shorter (a test server's few seconds).
    everySeconds: Math.max(1, Math.min(30, Math.round(deps.cfg.intervalMs / 1000))),
    batchSize: 20,
    async runBatch(limit) {
      let handled = 0;
      const noReference = notExists(
        db.select({ one: sql`1` }).from(cameraViewChecks).where(eq(cameraViewChecks.cameraId, cameraSelfTests.cameraId)),
      );
      const firsts = await db
        .select({ cameraId: cameraSelfTests.cameraId, file: cameraSelfTests.snapshotFile })
        .from(cameraSelfTests)
        .where(and(sql`${cameraSelfTests.snapshotFile} IS NOT NULL`, noReference))
        .orderBy(asc(cameraSelfTests.startedAt))
        .limit(limit);
      const seen = new Set<string>();
      for (const f of firsts) {
        if (seen.has(f.cameraId)) continue;
        seen.add(f.cameraId);
        const jpeg = fs.readFileSync(path.join(snapshotDir(deps.dataDir), path.basename(f.file!)));
        const file = save(deps.dataDir, `${f.cameraId}-reference.jpg`, jpeg);
        await db
          .insert(cameraViewChecks)
          .values({ cameraId: f.cameraId, referenceSource: 'self_test', referenceFile: file, referenceHash: await hashPicture(jpeg) })
          .onConflictDoNothing();
        handled++;
      }

      const now = deps.clock.now();
      // A PTZ camera an operator moved away from its approved preset is not "repositioned": the
      // ptz-return sweep sends it back after inactivity, and the check resumes then.
      const operatorMoved = db
        .select({ one: sql`1` })
        .from(cameraPtz)
        .where(and(eq(cameraPtz.cameraId, cameras.id), eq(cameraPtz.awayFromApproved, true), isNotNull(cameraPtz.approvedPresetToken)));
      const due = await db
        .select({ check: cameraViewChecks, camera: cameras })
        .from(cameraViewChecks)
        .innerJoin(cameras, eq(cameras.id, cameraViewChecks.cameraId))
        .where(
          and(
            streamEligible(),
            ne(cameras.status, 'disabled'),
            notExists(operatorMoved),
            or(isNull(cameraViewChecks.lastCheckedAt), lt(cameraViewChecks.lastCheckedAt, new Date(now.getTime() - deps.cfg.intervalMs))),
          ),
        )
        .orderBy(sql`${cameraViewChecks.lastCheckedAt} ASC NULLS FIRST`)
        .limit(limit);
      // A check mostly waits (RTSP set-up, the next keyframe): a few at a time (docs/benchmarks.md).
      for (let i = 0; i < due.length; i += CONCURRENT_CHECKS) {
        await Promise.all(due.slice(i, i + CONCURRENT_CHECKS).map(({ check, camera }) => checkOne(deps, actor, check, camera, now)));
        handled += due.slice(i, i + CONCURRENT_CHECKS).length;
      }
      return handled;
    },
  };
}

type Check = typeof cameraViewChecks.$inferSelect;

async function checkOne(deps: ViewChangeDeps, actor: ReturnType<typeof systemActor>, check: Check, camera: CameraRow, now: Date) {
  const db = deps.db;
  const touched = () => db.update(cameraViewChecks).set({ lastCheckedAt: now }).where(eq(cameraViewChecks.cameraId, camera.id));
  const verdict = await checkOutbound(camera.host, deps.outbound);
  if (!verdict.ok) return touched();
  const shot = await captureSnapshot(
    { address: verdict.addresses[0]!, port: camera.rtspPort, path: camera.rtspPath, credentials: openCredentials(deps.keys, camera) },
    deps.log,
  );
  if (!shot.jpeg) return touched();
  let hash: string;
  try {
    hash = await hashPicture(shot.jpeg);
  } catch {
    return touched();
  }
  const distance = hammingDistance(check.referenceHash, hash);
  const changed = distance > deps.cfg.threshold;
  save(deps.dataDir, `${camera.id}-latest.jpg`, shot.jpeg);
  const last = { lastCheckedAt: now, lastHash: hash, lastDistance: distance };
  if (changed && !check.changedSince) {
    const currentFile = save(deps.dataDir, `${camera.id}-${now.getTime()}.jpg`, shot.jpeg);
    const message = `Câmera "${camera.name}" reposicionada ou obstruída: a imagem difere da vista aprovada (distância ${distance} de 64).`;
    await db.transaction(async (tx) => {
      await tx
        .update(cameraViewChecks)
        .set({ ...last, changedSince: now })
        .where(eq(cameraViewChecks.cameraId, camera.id));
      await recordCameraEvent(tx, {
        cameraId: camera.id,
        kind: 'view_changed',
        occurredAt: now,
        data: { distance, threshold: deps.cfg.threshold, referenceFile: check.referenceFile, currentFile },
        dedupeKey: `view:${camera.id}:${now.getTime()}`,
      });
      const [a] = await tx
        .insert(alerts)
        .values({ kind: 'view_changed', cameraId: camera.id, partnerId: camera.partnerId, message })
        .returning();
      await recordAudit(tx, actor, {
        action: 'view_change.detected',
        targetType: 'camera',
        targetId: camera.id,
        data: { distance, threshold: deps.cfg.threshold, alertId: a!.id },
      });
      const [p] = await tx.select().from(partners).where(eq(partners.id, camera.partnerId));
      const to = p ? partnerEmailOf(p) : null;
      if (to)
        await mailAll(
          tx,
          [to],
          `câmera "${camera.name}" reposicionada ou obstruída`,
          `${message}\n\nA câmera deve filmar o que o projeto executivo aprovado prevê. Verifique se ela foi girada, se a lente foi coberta ou se algo obstrui a visão, e restabeleça a vista aprovada. O CIOSP foi avisado.`,
        );
    });
  } else if (!changed && check.changedSince) {
    await db.transaction(async (tx) => {
      await tx
        .update(cameraViewChecks)
        .set({ ...last, changedSince: null })
        .where(eq(cameraViewChecks.cameraId, camera.id));
      await recordAudit(tx, actor, { action: 'view_change.cleared', targetType: 'camera', targetId: camera.id, data: { distance } });
    });
  } else {
    await db.update(cameraViewChecks).set(last).where(eq(cameraViewChecks.cameraId, camera.id));
  }
}
