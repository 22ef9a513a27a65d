import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus, updateMission } from './transition.js';

/**
 * Art. 6–7: only the Delegado-Geral deliberates on the activation, after the threat assessment;
 * activating hands the mission to CORE for planning.
 */
export async function decideActivation(deps: ProtectionDeps, who: Acting, id: string, input: { activate: boolean; reasons: string }) {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireFunction(scope.functions, 'director_general');
    requireStatus(mission, 'assessed');
    const row = await updateMission(tx, who, mission, {
      action: input.activate ? 'protection.mission.activated' : 'protection.mission.not_activated',
      to: input.activate ? 'planning' : 'not_activated',
      reason: input.reasons,
      set: { activation: { ...input, decidedBy: scope.userId, decidedAt: deps.clock.now().toISOString() } },
    });
    await issueAct(tx, deps, who, row, 'activation', 'DECISÃO DE ACIONAMENTO (arts. 6º e 7º)', [
      {
        kind: 'paragraph',
        bold: true,
        text: input.activate
          ? 'O Delegado-Geral da PJC/MT DELIBERA PELO ACIONAMENTO do serviço de Proteção de Autoridades e aciona a CORE para planejamento, elaboração do plano de ação e definição do nível de proteção (art. 7º).'
          : 'O Delegado-Geral da PJC/MT DELIBERA PELO NÃO ACIONAMENTO do serviço de Proteção de Autoridades (art. 6º).',
      },
      { kind: 'paragraph', text: `Fundamentação: ${input.reasons}` },
    ]);
  });
}
