import { and, asc, isNotNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraEvents } from '../../db/tables/events.js';
import { cameraOutages } from '../../db/tables/sanctions.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordCameraEvent } from './events.service.js';

const key = (outageId: string, edge: 'down' | 'up') => `outage:${outageId}:${edge}`;

/**
 * Camera down / up events from the health transitions: the media node (and the health-alert sweep,
 * for a lost node) open and close `camera_outage` rows; this sweep turns each opening into a
 * `camera_down` event at `started_at` and each closing into a `camera_up` at `ended_at`. The
 * dedupe key makes re-runs harmless; the events carry the transition's own time, so the sweep's
 * period only delays when they show up, not what they say.
 */
export function outageEventsSweep(db: Db): Sweep {
  const noEvent = (edge: 'down' | 'up') =>
    db
      .select({ one: sql`1` })
      .from(cameraEvents)
      .where(sql`${cameraEvents.dedupeKey} = 'outage:' || ${cameraOutages.id}::text || ${`:${edge}`}`);
  return {
    name: 'outage-events',
    everySeconds: 15,
    batchSize: 200,
    async runBatch(limit) {
      const known = sql`${cameraOutages.cameraId} IN (SELECT ${cameras.id} FROM ${cameras})`;
      const opened = await db
        .select()
        .from(cameraOutages)
        .where(and(known, notExists(noEvent('down'))))
        .orderBy(asc(cameraOutages.startedAt))
        .limit(limit);
      const closed = await db
        .select()
        .from(cameraOutages)
        .where(and(known, isNotNull(cameraOutages.endedAt), notExists(noEvent('up'))))
        .orderBy(asc(cameraOutages.endedAt))
        .limit(limit);
      for (const o of opened)
        await recordCameraEvent(db, {
          cameraId: o.cameraId,
          kind: 'camera_down',
          occurredAt: o.startedAt,
          data: { outageId: o.id, cause: o.cause },
          dedupeKey: key(o.id, 'down'),
        });
      for (const o of closed)
        await recordCameraEvent(db, {
          cameraId: o.cameraId,
          kind: 'camera_up',
          occurredAt: o.endedAt!,
          data: { outageId: o.id, minutes: Math.round((o.endedAt!.getTime() - o.startedAt.getTime()) / 60000) },
          dedupeKey: key(o.id, 'up'),
        });
      return Math.max(opened.length, closed.length);
    },
  };
}
