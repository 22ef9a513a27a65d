import type { ActionPlan } from '@vigia/contracts';
import type { Tx } from '../../db/client.js';
import type { MissionVehicle } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { planBlocks, planGaps, supportMeters } from './action-plan.js';
import { camerasAlongRoute } from './cameras-along-route.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { supportAlongRoute } from './reference-places.js';
import { loadMission, type MissionRow, scopeOf } from './scope.js';
import { requireStatus, updateMission } from './transition.js';

/** Planning is exclusive to the CORE coordination (Art. 8), while the mission is being planned. */
async function planning<T>(deps: ProtectionDeps, who: Acting, id: string, fn: (tx: Tx, mission: MissionRow) => Promise<T>): Promise<T> {
  const scope = await scopeOf(deps.db, who.auth);
  return deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireFunction(scope.functions, 'core_coordination');
    requireStatus(mission, 'planning');
    return fn(tx, mission);
  });
}

/** Saves the draft of the action plan (Art. 17–18); parts may still be missing. */
export async function savePlan(deps: ProtectionDeps, who: Acting, id: string, plan: ActionPlan): Promise<void> {
  await planning(deps, who, id, async (tx, mission) => {
    await updateMission(tx, who, mission, {
      action: 'protection.plan.saved',
      set: { plan, planIssuedAt: null },
      data: { gaps: planGaps(plan).length },
    });
  });
}

/** Art. 20: vehicles with sound and light signals; the authority's own vehicle is checked against the level at the start. */
export async function setVehicles(deps: ProtectionDeps, who: Acting, id: string, vehicles: MissionVehicle[]): Promise<void> {
  const bad = vehicles.filter((v) => v.kind !== 'authority_own' && !v.soundAndLightSignals);
  if (bad.length)
    throw new AppError(
      'PROTECTION_VEHICLE_INVALID',
      undefined,
      bad.map((v) => ({ path: v.plate, message: `A viatura ${v.plate} não tem sinais sonoros e luminosos (art. 20).` })),
    );
  await planning(deps, who, id, async (tx, mission) => {
    await updateMission(tx, who, mission, { action: 'protection.vehicles.set', set: { vehicles }, data: { count: vehicles.length } });
  });
}

/** Art. 18 completeness gate: the plan is issued as an act only with its three parts complete. */
export async function issuePlan(deps: ProtectionDeps, who: Acting, id: string): Promise<string> {
  return planning(deps, who, id, async (tx, mission) => {
    const gaps = planGaps(mission.plan);
    if (gaps.length) throw new AppError('PROTECTION_PLAN_INCOMPLETE', undefined, gaps);
    const plan = mission.plan!;
    const stretches = await camerasAlongRoute(tx, plan.route, plan.cameraDistanceMeters);
    const row = await updateMission(tx, who, mission, { action: 'protection.plan.issued', set: { planIssuedAt: deps.clock.now() } });
    const support = await supportAlongRoute(tx, plan.route, supportMeters(plan));
    return issueAct(tx, deps, who, row, 'action_plan', 'PLANO DE AÇÃO DE SEGURANÇA (arts. 17 e 18)', planBlocks(plan, stretches, support));
  });
}
