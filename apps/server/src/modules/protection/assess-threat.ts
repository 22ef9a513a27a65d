import { type ThreatAssessment, threatGradeLabels } from '@vigia/contracts';
import { protectionAssignments } from '../../db/tables/protection.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus, updateMission } from './transition.js';

const JUDGEMENT: Record<ThreatAssessment['factors'][number]['judgement'], string> = {
  present: 'Presente',
  absent: 'Ausente',
  undetermined: 'Indeterminado',
};

/**
 * Art. 6: the intelligence directorate defines the existence and grade of the threat, with a
 * recorded judgement, reasoning and sources per factor (no black-box score). The analyst becomes
 * "that mission's analyst" (need-to-know).
 */
export async function assessThreat(deps: ProtectionDeps, who: Acting, id: string, input: ThreatAssessment): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  requireFunction(scope.functions, 'intelligence');
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireStatus(mission, 'requested');
    await tx.insert(protectionAssignments).values({ missionId: id, userId: scope.userId, kind: 'analyst' }).onConflictDoNothing();
    const row = await updateMission(tx, who, mission, {
      action: 'protection.threat.assessed',
      to: 'assessed',
      set: { assessment: input, assessedBy: scope.userId },
      data: { grade: input.grade, threatExists: input.threatExists, factors: input.factors.length },
    });
    await issueAct(tx, deps, who, row, 'threat_assessment', 'AVALIAÇÃO DE AMEAÇA (art. 6º)', [
      {
        kind: 'table',
        headers: ['Fator', 'Juízo', 'Fundamentação', 'Fontes'],
        rows: input.factors.map((f) => [f.factor, JUDGEMENT[f.judgement], f.reasoning, f.sources]),
      },
      { kind: 'paragraph', text: `Histórico de ameaças: ${input.threatHistory}` },
      {
        kind: 'paragraph',
        bold: true,
        text: `Conclusão: ameaça ${input.threatExists ? 'existente' : 'não identificada'}, grau ${threatGradeLabels[input.grade]}. ${input.conclusion}`,
      },
    ]);
  });
}
