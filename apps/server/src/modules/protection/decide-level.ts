import { type LevelDecision, levelCriteria, levelCriterionLabels } from '@vigia/contracts';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { currentTeamRules } from './team-rules.js';
import { requireStatus, updateMission } from './transition.js';

/**
 * Art. 12–14: CORE decides the level (1 minimum, 4 maximum) with a written rationale for each of
 * the five criteria of Art. 13; the mission records the team rule set version in force (Art. 15–16).
 */
export async function decideLevel(deps: ProtectionDeps, who: Acting, id: string, input: LevelDecision): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireFunction(scope.functions, 'core_coordination');
    requireStatus(mission, 'planning');
    const rules = await currentTeamRules(tx);
    const row = await updateMission(tx, who, mission, {
      action: 'protection.level.decided',
      set: {
        level: input.level,
        levelDecision: { ...input, decidedBy: scope.userId, decidedAt: deps.clock.now().toISOString() },
        teamRuleVersion: rules?.version ?? null,
      },
      data: { level: input.level, teamRuleVersion: rules?.version ?? null },
    });
    await issueAct(tx, deps, who, row, 'level', `DEFINIÇÃO DO NÍVEL DE PROTEÇÃO — NÍVEL ${input.level} (arts. 12 a 14)`, [
      {
        kind: 'table',
        headers: ['Critério (art. 13)', 'Fundamentação'],
        rows: levelCriteria.map((c) => [levelCriterionLabels[c], input.criteria[c]]),
      },
      {
        kind: 'paragraph',
        text: `Nível ${input.level} de 4 (art. 14). Composição da equipe conforme o conjunto de regras versão ${rules?.version ?? '— (nenhum publicado)'} (arts. 15 e 16).`,
      },
    ]);
  });
}
