import { type MissionStatus, type MissionSummary, missionStatusLabels } from '@vigia/contracts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { protectionActs, protectionAssignments, protectionMissions, protectionPeriodChanges } from '../../db/tables/protection.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { supportMeters } from './action-plan.js';
import { camerasAlongRoute } from './cameras-along-route.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { logOf, startBlockers } from './execution.js';
import { REMINDER_DAYS } from './period.js';
import { supportAlongRoute } from './reference-places.js';
import { loadMission, type MissionRow, type ProtectionScope, scopeOf } from './scope.js';

const summary = (m: MissionRow): MissionSummary => ({
  id: m.id,
  number: m.number,
  codeName: m.codeName,
  status: m.status as MissionStatus,
  level: m.level,
  periodStart: m.periodStart,
  periodEnd: m.periodEnd,
});

/** Lists show the code name only; every listing is audited with the missions it showed. */
export async function listMissions(deps: ProtectionDeps, who: Acting): Promise<MissionSummary[]> {
  const scope = await scopeOf(deps.db, who.auth);
  const rows = await deps.db.select().from(protectionMissions).where(scope.condition).orderBy(desc(protectionMissions.createdAt));
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'protection.missions.listed',
      targetType: 'protection_mission',
      data: { ids: rows.map((r) => r.id) },
    }),
  );
  return rows.map(summary);
}

/**
 * Whether the reader needs the whole mission: an immediate superior whose only link is a
 * convocation sees that convocation and its acts, not the protectee nor the plan.
 */
async function placement(db: Queryable, scope: ProtectionScope, m: MissionRow) {
  const rows = await db
    .select()
    .from(protectionAssignments)
    .where(eq(protectionAssignments.missionId, m.id))
    .orderBy(asc(protectionAssignments.createdAt));
  const seesAll = scope.auditor || scope.functions.includes('director_general') || scope.functions.includes('core_coordination');
  const full = seesAll || m.requesterId === scope.userId || rows.some((a) => a.userId === scope.userId) || m.status === 'requested';
  return { rows, full };
}

export const SUPERIOR_ACTS = ['convocation', 'convocation_ack'];

/** The mission as its reader may see it; the read itself is audited (SPEC §3.9). */
export async function missionDetail(deps: ProtectionDeps, who: Acting, id: string) {
  const scope = await scopeOf(deps.db, who.auth);
  const m = await loadMission(deps.db, scope, id);
  const { rows, full } = await placement(deps.db, scope, m);
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, { action: 'protection.mission.viewed', targetType: 'protection_mission', targetId: id, data: { full } }),
  );
  const ids = [...new Set(rows.flatMap((a) => [a.userId, a.superiorId ?? a.userId]))];
  const names = new Map(
    (ids.length ? await deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : []).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const visible = full ? rows : rows.filter((a) => a.superiorId === scope.userId);
  const convocations = visible
    .filter((a) => a.kind === 'officer')
    .map((a) => ({
      id: a.id,
      officer: names.get(a.userId) ?? '',
      superior: a.superiorId ? (names.get(a.superiorId) ?? '') : null,
      role: a.role,
      unit: a.unit,
      coreOfficer: a.coreOfficer,
      justification: a.justification,
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      presentedAt: a.presentedAt?.toISOString() ?? null,
      checklistSignedAt: a.checklistSignedAt?.toISOString() ?? null,
      mine: a.userId === scope.userId ? 'officer' : a.superiorId === scope.userId ? 'superior' : null,
    }));
  const acts = (
    await deps.db
      .select({ id: protectionActs.id, kind: protectionActs.kind, issuedAt: protectionActs.issuedAt, code: generatedDocuments.code })
      .from(protectionActs)
      .innerJoin(generatedDocuments, eq(generatedDocuments.id, protectionActs.documentId))
      .where(eq(protectionActs.missionId, id))
      .orderBy(asc(protectionActs.issuedAt))
  )
    .filter((a) => full || SUPERIOR_ACTS.includes(a.kind))
    .map((a) => ({ ...a, issuedAt: a.issuedAt.toISOString() }));
  const base = {
    ...summary(m),
    statusLabel: missionStatusLabels[m.status as MissionStatus],
    readOnly: m.status === 'closed' || scope.auditor,
    functions: scope.functions,
    convocations,
    acts,
  };
  if (!full) return { ...base, full: false as const };
  const daysToEnd = Math.round((Date.parse(m.periodEnd) - Date.parse(todayOn(deps.clock))) / 86_400_000);
  return {
    ...base,
    full: true as const,
    origin: m.origin,
    requestingUnit: m.requestingUnit,
    protectee: m.protectee,
    directorGeneralOrder: m.directorGeneralOrder,
    reasons: m.reasons,
    assessment: m.assessment,
    activation: m.activation,
    levelDecision: m.levelDecision,
    teamRuleVersion: m.teamRuleVersion,
    vehicles: m.vehicles,
    plan: m.plan,
    planIssuedAt: m.planIssuedAt?.toISOString() ?? null,
    blockers: m.status === 'planning' ? await startBlockers(deps.db, m) : [],
    route: m.plan ? await camerasAlongRoute(deps.db, m.plan.route, m.plan.cameraDistanceMeters) : [],
    support: m.plan ? await supportAlongRoute(deps.db, m.plan.route, supportMeters(m.plan)) : [],
    log: (await logOf(deps.db, id)).map((l) => ({ id: l.id, kind: l.kind, text: l.text, at: l.at.toISOString() })),
    report: m.report,
    incidentLogged: m.incidentLogged,
    periodChanges: (
      await deps.db
        .select()
        .from(protectionPeriodChanges)
        .where(eq(protectionPeriodChanges.missionId, id))
        .orderBy(asc(protectionPeriodChanges.decidedAt))
    ).map((c) => ({ kind: c.kind, previousEnd: c.previousEnd, newEnd: c.newEnd, reason: c.reason, decidedAt: c.decidedAt.toISOString() })),
    reminder: ['planning', 'in_progress'].includes(m.status) && daysToEnd <= (deps.reminderDays ?? REMINDER_DAYS) ? { daysToEnd } : null,
  };
}
