import { eq } from 'drizzle-orm';
import { protectionLogEntries, protectionRouteCameras } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { camerasAlongRoute, type RouteCamera } from './cameras-along-route.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { watchesRoute } from './route-grant.js';
import { loadMission, type MissionRow, type ProtectionScope, scopeOf } from './scope.js';
import { requireStatus, updateMission } from './transition.js';

export interface MosaicStretch {
  kind: 'leg' | 'venue';
  /** Index of the leg in the plan (legs only). */
  leg: number | null;
  name: string;
  alternate: boolean;
  /** travelling: the leg being travelled; ahead: still to come (and venues); behind: already travelled. */
  position: 'travelling' | 'ahead' | 'behind';
  cameras: RouteCamera[];
}

async function watching(deps: ProtectionDeps, who: Acting, id: string): Promise<{ scope: ProtectionScope; mission: MissionRow }> {
  const scope = await scopeOf(deps.db, who.auth);
  const mission = await loadMission(deps.db, scope, id);
  if (!(await watchesRoute(deps.db, scope, id))) requireFunction(scope.functions, 'core_coordination', 'director_general');
  requireStatus(mission, 'in_progress');
  return { scope, mission };
}

/**
 * The route mosaic of a mission in progress: the cameras fixed along the route at the start, per
 * leg and venue, ordered by the leg being travelled — that leg first, then the legs ahead and the
 * venues, the legs already travelled last. Opening it is audited; each live view and playback is
 * audited by the live and playback modules like any other.
 */
export async function routeMosaic(deps: ProtectionDeps, who: Acting, id: string) {
  const { mission } = await watching(deps, who, id);
  const fixed = new Set(
    (
      await deps.db
        .select({ id: protectionRouteCameras.cameraId })
        .from(protectionRouteCameras)
        .where(eq(protectionRouteCameras.missionId, id))
    ).map((r) => r.id),
  );
  const route = mission.plan!.route;
  const stretches = await camerasAlongRoute(deps.db, route, mission.plan!.cameraDistanceMeters);
  const current = Math.min(mission.currentLeg ?? 0, Math.max(0, route.legs.length - 1));
  const out: MosaicStretch[] = stretches.map((s, i) => {
    const leg = s.kind === 'leg' ? i : null;
    const position = leg === null ? 'ahead' : leg === current ? 'travelling' : leg > current ? 'ahead' : 'behind';
    return { kind: s.kind, leg, name: s.name, alternate: s.alternate, position, cameras: s.cameras.filter((c) => fixed.has(c.id)) };
  });
  const rank = { travelling: 0, ahead: 1, behind: 2 } as const;
  out.sort((a, b) => rank[a.position] - rank[b.position]);
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'protection.route_mosaic.viewed',
      targetType: 'protection_mission',
      targetId: id,
      data: { number: mission.number, currentLeg: current, cameras: fixed.size },
    }),
  );
  return { missionId: id, startedAt: mission.startedAt!.toISOString(), currentLeg: current, stretches: out };
}

/** The team tells which leg it is travelling (orders the mosaic); recorded in the execution log. */
export async function setCurrentLeg(deps: ProtectionDeps, who: Acting, id: string, leg: number): Promise<void> {
  const { scope } = await watching(deps, who, id);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireStatus(mission, 'in_progress');
    const legs = mission.plan!.route.legs;
    if (leg >= legs.length) throw new AppError('VALIDATION_FAILED', 'Trecho inexistente no itinerário do plano.');
    await updateMission(tx, who, mission, { action: 'protection.leg.travelling', set: { currentLeg: leg }, data: { leg } });
    await tx.insert(protectionLogEntries).values({
      missionId: id,
      kind: 'observation',
      text: `Em deslocamento no trecho "${legs[leg]!.name}".`,
      authorId: scope.userId,
      at: deps.clock.now(),
    });
  });
}
