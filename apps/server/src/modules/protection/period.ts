import type { periodChangeSchema } from '@vigia/contracts';
import type { z } from 'zod';
import { protectionPeriodChanges } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { todayOn } from '../calendar/clock.js';
import { extendLockIds } from '../releases/evidence-locks.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { endOfPeriod } from './execution.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus, updateMission } from './transition.js';

/** Default days before the end of the period for the reminder (Art. 11: fixed period); PROTECTION_REMINDER_DAYS sets it. */
export const REMINDER_DAYS = 2;

/** Art. 11 §1: the period may be extended or reduced, by an act with reasons (CORE coordination or Delegado-Geral). */
export async function changePeriod(
  deps: ProtectionDeps,
  who: Acting,
  id: string,
  input: z.infer<typeof periodChangeSchema>,
): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireFunction(scope.functions, 'core_coordination', 'director_general');
    requireStatus(mission, 'requested', 'assessed', 'planning', 'in_progress');
    const invalid = (message: string) => new AppError('PROTECTION_PERIOD_INVALID', message, [{ path: 'newEnd', message }]);
    if (input.kind === 'extension' && input.newEnd <= mission.periodEnd)
      throw invalid('A prorrogação deve terminar depois do fim atual do período.');
    if (input.kind === 'reduction' && input.newEnd >= mission.periodEnd)
      throw invalid('A redução deve terminar antes do fim atual do período.');
    if (input.kind === 'reduction' && input.newEnd < mission.periodStart)
      throw invalid('A redução não pode terminar antes do início do período.');
    if (input.kind === 'reduction' && input.newEnd < todayOn(deps.clock)) throw invalid('A redução não pode terminar no passado.');
    await tx.insert(protectionPeriodChanges).values({
      missionId: id,
      kind: input.kind,
      previousEnd: mission.periodEnd,
      newEnd: input.newEnd,
      reason: input.reason,
      decidedBy: scope.userId,
      decidedAt: deps.clock.now(),
    });
    if (input.kind === 'extension' && mission.status === 'in_progress')
      await extendLockIds(
        tx,
        who.actor,
        mission.evidenceLockIds,
        endOfPeriod(input.newEnd),
        `Missão de proteção nº ${mission.number}: período prorrogado`,
      );
    const row = await updateMission(tx, who, mission, {
      action: `protection.period.${input.kind}`,
      reason: input.reason,
      set: { periodEnd: input.newEnd },
      data: { previousEnd: mission.periodEnd, newEnd: input.newEnd },
    });
    await issueAct(
      tx,
      deps,
      who,
      row,
      `period_${input.kind}`,
      `${input.kind === 'extension' ? 'PRORROGAÇÃO' : 'REDUÇÃO'} DO PERÍODO DE SEGURANÇA (art. 11, § 1º)`,
      [
        { kind: 'paragraph', text: `Período: de ${mission.periodStart} a ${mission.periodEnd} passa a terminar em ${input.newEnd}.` },
        { kind: 'paragraph', text: `Fundamentação: ${input.reason}` },
      ],
    );
  });
}
