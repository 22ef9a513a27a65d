import { and, asc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { protectionAssignments, protectionLogEntries } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { createLocks, releaseLockIds } from '../releases/evidence-locks.js';
import { planGaps } from './action-plan.js';
import { camerasAlongRoute } from './cameras-along-route.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { fixRouteCameras } from './route-grant.js';
import { loadMission, type MissionRow, scopeOf } from './scope.js';
import { teamRulesVersion, teamShortfalls } from './team-rules.js';
import { requireStatus, updateMission } from './transition.js';

/** The instant a period ending on `date` ends: the next midnight in Cuiabá (UTC−4). */
export function endOfPeriod(date: string): Date {
  const to = new Date(`${date}T00:00:00-04:00`);
  to.setUTCDate(to.getUTCDate() + 1);
  return to;
}

/**
 * The footage of the cameras along the route (legs and venues) for the whole mission period is
 * evidence-locked when the mission starts, and fixed as the route the team may watch (route-grant.ts); closure releases it unless an incident was logged.
 */
async function lockRouteFootage(tx: Tx, who: Acting, mission: MissionRow): Promise<string[]> {
  const stretches = await camerasAlongRoute(tx, mission.plan!.route, mission.plan!.cameraDistanceMeters);
  const cameraIds = [...new Set(stretches.flatMap((s) => s.cameras.map((c) => c.id)))];
  await fixRouteCameras(tx, mission.id, cameraIds);
  return createLocks(tx, who.actor, {
    cameraIds,
    from: new Date(`${mission.periodStart}T00:00:00-04:00`),
    to: endOfPeriod(mission.periodEnd),
    reason: `Operação de proteção sigilosa nº ${mission.number}`,
    releaseRequestId: null,
  });
}

const LOG_LABELS = { observation: 'Observação', incident: 'Incidente', route_change: 'Mudança de rota' } as const;

/** Everything that stands between a planned mission and its start (Art. 10, 18–22), in pt-BR. */
export async function startBlockers(db: Queryable, mission: MissionRow): Promise<{ path: string; message: string }[]> {
  const out = planGaps(mission.plan);
  if (!out.length && !mission.planIssuedAt)
    out.push({ path: 'plan', message: 'O plano de ação completo ainda não foi emitido (art. 18).' });
  const officers = await db
    .select()
    .from(protectionAssignments)
    .where(and(eq(protectionAssignments.missionId, mission.id), eq(protectionAssignments.kind, 'officer')));
  for (const o of officers) {
    if (!o.acknowledgedAt)
      out.push({ path: `convocations.${o.id}`, message: `Convocação de ${o.role} sem ciência do superior imediato (art. 10, § 1º).` });
    else if (!o.presentedAt)
      out.push({ path: `convocations.${o.id}`, message: `Policial (${o.role}) ainda não se apresentou (art. 10, § 2º).` });
    else if (!o.checklistSignedAt)
      out.push({ path: `convocations.${o.id}`, message: `Checklist de equipamentos (${o.role}) não assinado (art. 22).` });
  }
  const rules = mission.teamRuleVersion ? (await teamRulesVersion(db, mission.teamRuleVersion))?.rules : undefined;
  const ready = officers.filter((o) => o.presentedAt && o.checklistSignedAt).length;
  for (const s of teamShortfalls(mission.level, rules, ready, mission.vehicles)) out.push({ path: 'team', message: s });
  return out;
}

async function coordinating(deps: ProtectionDeps, who: Acting, id: string, ...statuses: Parameters<typeof requireStatus>[1][]) {
  const scope = await scopeOf(deps.db, who.auth);
  return {
    scope,
    run: <T>(fn: (tx: Tx, m: MissionRow) => Promise<T>) =>
      deps.db.transaction(async (tx) => {
        const mission = await loadMission(tx, scope, id, true);
        requireFunction(scope.functions, 'core_coordination');
        requireStatus(mission, ...statuses);
        return fn(tx, mission);
      }),
  };
}

/** The mission starts only with the complete plan issued, the chain of command done and the team ready. */
export async function startMission(deps: ProtectionDeps, who: Acting, id: string): Promise<void> {
  const { run } = await coordinating(deps, who, id, 'planning');
  await run(async (tx, mission) => {
    const blockers = await startBlockers(tx, mission);
    if (blockers.length) throw new AppError('PROTECTION_NOT_READY', undefined, blockers);
    const evidenceLockIds = await lockRouteFootage(tx, who, mission);
    const row = await updateMission(tx, who, mission, {
      action: 'protection.mission.started',
      to: 'in_progress',
      set: { startedAt: deps.clock.now(), evidenceLockIds },
      data: { lockedCameras: evidenceLockIds.length },
    });
    await issueAct(tx, deps, who, row, 'start', 'INÍCIO DA EXECUÇÃO DA MISSÃO', [
      {
        kind: 'paragraph',
        text: `Missão iniciada em ${deps.clock.now().toISOString()}, nível ${row.level}, período até ${row.periodEnd}.`,
      },
    ]);
  });
}

/** Execution log: observations, incidents and changes of route, by the team or the coordination. */
export async function addLogEntry(deps: ProtectionDeps, who: Acting, id: string, input: { kind: keyof typeof LOG_LABELS; text: string }) {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireStatus(mission, 'in_progress');
    const [placed] = await tx
      .select({ id: protectionAssignments.id })
      .from(protectionAssignments)
      .where(and(eq(protectionAssignments.missionId, id), eq(protectionAssignments.userId, scope.userId)))
      .limit(1);
    if (!placed) requireFunction(scope.functions, 'core_coordination');
    const [entry] = await tx
      .insert(protectionLogEntries)
      .values({ missionId: id, ...input, authorId: scope.userId, at: deps.clock.now() })
      .returning();
    if (input.kind === 'incident' && !mission.incidentLogged)
      await updateMission(tx, who, mission, { action: 'protection.incident.logged', set: { incidentLogged: true } });
    await recordAudit(tx, who.actor, {
      action: 'protection.log.added',
      targetType: 'protection_mission',
      targetId: id,
      data: { entryId: entry!.id, kind: input.kind },
    });
  });
}

export async function logOf(db: Queryable, missionId: string) {
  return db.select().from(protectionLogEntries).where(eq(protectionLogEntries.missionId, missionId)).orderBy(asc(protectionLogEntries.at));
}

/** Post-mission report (Art. 18 III), with the execution log; the mission cannot close without it. */
export async function submitReport(deps: ProtectionDeps, who: Acting, id: string, text: string): Promise<void> {
  const { run } = await coordinating(deps, who, id, 'in_progress');
  await run(async (tx, mission) => {
    const row = await updateMission(tx, who, mission, {
      action: 'protection.report.submitted',
      to: 'reported',
      set: { report: text, reportedAt: deps.clock.now() },
    });
    const log = await logOf(tx, id);
    await issueAct(tx, deps, who, row, 'post_mission_report', 'RELATÓRIO PÓS-MISSÃO (art. 18, III)', [
      { kind: 'paragraph', text },
      { kind: 'heading', text: 'Registro de execução' },
      {
        kind: 'table',
        headers: ['Quando', 'Tipo', 'Registro'],
        rows: log.length ? log.map((l) => [l.at.toISOString(), LOG_LABELS[l.kind], l.text]) : [['—', '—', 'Nenhum registro']],
      },
    ]);
  });
}

/** Closure approves the report; from here on only the CORE coordination (read-only), the Delegado-Geral and auditors see the mission. */
export async function closeMission(deps: ProtectionDeps, who: Acting, id: string, reason: string): Promise<MissionRow> {
  const { run } = await coordinating(deps, who, id, 'reported');
  return run(async (tx, mission) => {
    if (!mission.report) throw new AppError('PROTECTION_INVALID_STATE', 'A missão não pode ser encerrada sem o relatório pós-missão.');
    const row = await updateMission(tx, who, mission, {
      action: 'protection.mission.closed',
      to: 'closed',
      reason,
      set: { closedAt: deps.clock.now() },
    });
    if (!mission.incidentLogged)
      await releaseLockIds(tx, who.actor, mission.evidenceLockIds, `Missão de proteção nº ${mission.number} encerrada sem incidente`);
    await issueAct(tx, deps, who, row, 'closure', 'APROVAÇÃO DO RELATÓRIO E ENCERRAMENTO DA MISSÃO', [{ kind: 'paragraph', text: reason }]);
    return row;
  });
}
