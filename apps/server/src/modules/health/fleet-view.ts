import type { FleetView } from '@vigia/contracts';
import { and, count, eq, isNotNull, isNull, min, sql, sum } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameraAssignments, mediaNodes } from '../../db/tables/live.js';
import { recordingSegments } from '../../db/tables/recordings.js';
import { securityRegions } from '../../db/tables/regions.js';

/**
 * The CIOSP fleet view (issue 13): every media node with its region, capacity, the cameras its
 * current epoch holds (ADR 0013: an older epoch's assignments are free), its last heartbeat and
 * lease state (against the database clock, as the nodes judge each other), and — with
 * `objectStorage` — its spool backlog: closed segments not uploaded yet (the uploader's partial
 * index). Three grouped reads, O(nodes) rows whatever the camera count.
 */
export async function fleetView(db: Queryable, opts: { objectStorage: boolean }): Promise<FleetView> {
  const [nodes, held, backlog] = await Promise.all([
    db
      .select({
        id: mediaNodes.id,
        regionName: securityRegions.name,
        capacity: mediaNodes.capacity,
        upstreams: mediaNodes.upstreams,
        viewers: mediaNodes.viewers,
        epoch: mediaNodes.epoch,
        startedAt: mediaNodes.startedAt,
        heartbeatAt: mediaNodes.heartbeatAt,
        leaseExpiresAt: mediaNodes.leaseExpiresAt,
        leaseLive: sql<boolean>`coalesce(${mediaNodes.leaseExpiresAt} > now(), false)`,
        draining: mediaNodes.draining,
      })
      .from(mediaNodes)
      .leftJoin(securityRegions, eq(securityRegions.id, mediaNodes.regionId))
      .orderBy(securityRegions.name, mediaNodes.id),
    db
      .select({ nodeId: cameraAssignments.nodeId, epoch: cameraAssignments.epoch, n: count() })
      .from(cameraAssignments)
      .groupBy(cameraAssignments.nodeId, cameraAssignments.epoch),
    opts.objectStorage
      ? db
          .select({
            nodeId: recordingSegments.nodeId,
            n: count(),
            bytes: sum(recordingSegments.sizeBytes).mapWith(Number),
            oldest: min(recordingSegments.closedAt),
          })
          .from(recordingSegments)
          .where(and(isNull(recordingSegments.objectKey), isNotNull(recordingSegments.closedAt), isNull(recordingSegments.deletedAt)))
          .groupBy(recordingSegments.nodeId)
      : Promise.resolve([]),
  ]);
  const heldBy = new Map(held.map((h) => [`${h.nodeId}/${h.epoch}`, h.n]));
  const backlogBy = new Map(backlog.map((b) => [b.nodeId, b]));
  return {
    generatedAt: new Date().toISOString(),
    objectStorage: opts.objectStorage,
    nodes: nodes.map((n) => {
      const camerasHeld = heldBy.get(`${n.id}/${n.epoch}`) ?? 0;
      const b = backlogBy.get(n.id);
      return {
        id: n.id,
        regionName: n.regionName ?? null,
        capacity: n.capacity,
        camerasHeld,
        loadPercent: n.capacity > 0 ? Math.round((camerasHeld / n.capacity) * 1000) / 10 : 0,
        upstreams: n.upstreams,
        viewers: n.viewers,
        epoch: n.epoch,
        startedAt: n.startedAt.toISOString(),
        lastHeartbeatAt: n.heartbeatAt.toISOString(),
        leaseExpiresAt: n.leaseExpiresAt?.toISOString() ?? null,
        leaseState: !n.leaseLive ? 'expired' : n.draining ? 'draining' : 'live',
        pendingSegments: opts.objectStorage ? (b?.n ?? 0) : null,
        pendingBytes: opts.objectStorage ? (b?.bytes ?? 0) : null,
        oldestPendingAt: b?.oldest ? new Date(b.oldest).toISOString() : null,
      };
    }),
  };
}
