import { cameraEventOf, isOnvifError, type OnvifPullPoint, subscribeEvents } from '@vigia/media';
import { and, asc, gt, ne } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../config/clock.js';
import { cameras } from '../../db/tables/cameras.js';
import type { Sweep } from '../../jobs/sweep.js';
import type { CameraRow } from '../cameras/cameras.scope.js';
import { type CameraDeps, openCredentials } from '../cameras/cameras.service.js';
import { checkOutbound } from '../cameras/outbound-guard.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import { recordCameraEvent } from './events.service.js';

export interface OnvifEventsDeps extends CameraDeps {
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** A subscription lasts this long unless renewed; it is renewed when half of it is gone. */
const TERMINATION_SECONDS = 300;
const RENEW_AFTER_MS = 120_000;
/** A camera without an event service (or without ONVIF) is asked again after an hour; a failure, after 5 min. */
const NO_SERVICE_RETRY_MS = 60 * 60_000;
const FAILURE_RETRY_MS = 5 * 60_000;
const CONCURRENT = 8;
/** One event of a kind per camera per minute: a camera repeating its alarm does not flood the list. */
const BUCKET_MS = 60_000;
/** A device time further than this from ours is not believed (the receive time is used instead). */
const CLOCK_SLACK_MS = 2 * 60_000;

/**
 * ONVIF motion and tamper events (issue 17): each eligible camera with an ONVIF event service gets
 * a PullPoint subscription (kept in this process, renewed, re-created after a failure or when the
 * camera's address or password changes), pulled every run; notifications that `cameraEventOf`
 * maps to motion or tamper become `camera_event` rows — at most one of a kind per camera and
 * minute (dedupe key), so a replica pulling the same camera or a repeating alarm records it once.
 * Cameras are walked in bounded batches (a cursor over their ids); network work runs outside any
 * transaction.
 */
export function onvifEventsSweep(deps: OnvifEventsDeps, everySeconds: number): Sweep & { readonly subscriptions: number } {
  const subs = new Map<string, { key: string; pull: OnvifPullPoint; renewedAt: number }>();
  const skipUntil = new Map<string, number>();
  let cursor: string | null = null;

  async function subscribe(camera: CameraRow, key: string, now: number) {
    const verdict = await checkOutbound(camera.host, deps.outbound);
    if (!verdict.ok) {
      skipUntil.set(key, now + NO_SERVICE_RETRY_MS);
      return undefined;
    }
    const credentials = openCredentials(deps.keys, camera);
    try {
      const pull = await subscribeEvents(
        {
          address: verdict.addresses[0]!,
          port: camera.httpPort,
          hostHeader: camera.host,
          ...(credentials ? { username: credentials.username, password: credentials.password } : {}),
          timeoutMs: 5000,
        },
        TERMINATION_SECONDS,
      );
      const sub = { key, pull, renewedAt: now };
      subs.set(camera.id, sub);
      return sub;
    } catch (err) {
      const noService = isOnvifError(err) && (err.code === 'ONVIF_NOT_SUPPORTED' || err.code === 'ONVIF_BAD_RESPONSE');
      skipUntil.set(key, now + (noService ? NO_SERVICE_RETRY_MS : FAILURE_RETRY_MS));
      return undefined;
    }
  }

  async function pullOne(camera: CameraRow) {
    const key = `${camera.id}:${camera.updatedAt.getTime()}`;
    const now = Date.now();
    if ((skipUntil.get(key) ?? 0) > now) return;
    let sub = subs.get(camera.id);
    if (sub && sub.key !== key) {
      subs.delete(camera.id);
      void sub.pull.unsubscribe().catch(() => undefined);
      sub = undefined;
    }
    sub ??= await subscribe(camera, key, now);
    if (!sub) return;
    let notifications: Awaited<ReturnType<OnvifPullPoint['pull']>>;
    try {
      if (now - sub.renewedAt > RENEW_AFTER_MS) {
        await sub.pull.renew(TERMINATION_SECONDS);
        sub.renewedAt = now;
      }
      notifications = await sub.pull.pull(0, 64);
    } catch {
      subs.delete(camera.id); // expired or the camera restarted: a new subscription next run
      return;
    }
    const received = deps.clock.now();
    for (const n of notifications) {
      const kind = cameraEventOf(n);
      if (!kind) continue;
      const device = n.utcTime ? Date.parse(n.utcTime) : Number.NaN;
      const at = Number.isFinite(device) && Math.abs(device - received.getTime()) <= CLOCK_SLACK_MS ? new Date(device) : received;
      await recordCameraEvent(deps.db, {
        cameraId: camera.id,
        kind,
        occurredAt: at,
        data: { topic: n.topic, source: n.source, deviceTime: n.utcTime },
        dedupeKey: `onvif:${camera.id}:${kind}:${Math.floor(at.getTime() / BUCKET_MS)}`,
      });
    }
  }

  return {
    name: 'onvif-events',
    everySeconds,
    batchSize: 50,
    get subscriptions() {
      return subs.size;
    },
    async runBatch(limit) {
      if (cursor === null) for (const [k, until] of skipUntil) if (until <= Date.now()) skipUntil.delete(k);
      const rows = await deps.db
        .select()
        .from(cameras)
        .where(and(streamEligible(), ne(cameras.status, 'disabled'), cursor ? gt(cameras.id, cursor) : undefined))
        .orderBy(asc(cameras.id))
        .limit(limit);
      cursor = rows.length < limit ? null : rows.at(-1)!.id;
      for (let i = 0; i < rows.length; i += CONCURRENT) await Promise.all(rows.slice(i, i + CONCURRENT).map(pullOne));
      return rows.length;
    },
  };
}
