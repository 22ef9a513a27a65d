import { type briefingChecklistSchema, equipmentItems, equipmentLabels } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { protectionAssignments } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { ownAssignment } from './convocations.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus } from './transition.js';

type Checklist = z.infer<typeof briefingChecklistSchema>;

const UNIFORM = {
  special_uniform: 'Uniforme Especial (Res. 059/2020/CSPJC-MT, art. 8º, item 5)',
  authorised_alternative: 'Vestuário alternativo autorizado (art. 21, §§ 2º e 4º)',
  as_oriented: 'Vestimenta conforme orientação da coordenação (art. 21, § 3º)',
} as const;

/** Art. 21–22: what is missing from an officer's checklist, in pt-BR. */
export function checklistGaps(input: Checklist, coreOfficer: boolean): { path: string; message: string }[] {
  const gaps = equipmentItems
    .filter((k) => input.equipment[k].length < 2)
    .map((k) => ({ path: `equipment.${k}`, message: `${equipmentLabels[k]}: informe o número de série.` }));
  if (input.spareMagazines < 1)
    gaps.push({ path: 'spareMagazines', message: 'Pistola 9 mm com no mínimo 1 carregador extra (art. 22, II).' });
  if (input.uniform === 'authorised_alternative' && (input.uniformAuthorisedBy ?? '').length < 3)
    gaps.push({
      path: 'uniformAuthorisedBy',
      message: 'Vestuário diverso exige autorização prévia do chefe imediato da CORE (art. 21, § 4º): informe quem autorizou.',
    });
  if (input.uniform === 'as_oriented' && coreOfficer)
    gaps.push({ path: 'uniform', message: 'A dispensa do uniforme integral vale só para policiais de outras unidades (art. 21, § 3º).' });
  return gaps;
}

/** Art. 22: each convoked officer signs, at the briefing, the minimum equipment checklist with serial numbers (an act). */
export async function signChecklist(deps: ProtectionDeps, who: Acting, id: string, assignmentId: string, input: Checklist): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    const a = await ownAssignment(tx, id, assignmentId, scope.userId, 'officer');
    requireStatus(mission, 'planning');
    if (!a.presentedAt) throw new AppError('PROTECTION_CHECKLIST_INCOMPLETE', 'Apresente-se antes de assinar o checklist (art. 10, § 2º).');
    const gaps = checklistGaps(input, a.coreOfficer ?? false);
    if (gaps.length) throw new AppError('PROTECTION_CHECKLIST_INCOMPLETE', undefined, gaps);
    await tx
      .update(protectionAssignments)
      .set({ checklist: input, checklistSignedAt: deps.clock.now() })
      .where(eq(protectionAssignments.id, a.id));
    await recordAudit(tx, who.actor, {
      action: 'protection.checklist.signed',
      targetType: 'protection_mission',
      targetId: id,
      data: { assignmentId },
    });
    await issueAct(tx, deps, who, mission, 'briefing_checklist', 'CHECKLIST DE EQUIPAMENTOS NO BRIEFING (arts. 21 e 22)', [
      {
        kind: 'table',
        headers: ['Equipamento', 'Nº de série'],
        rows: [
          ...equipmentItems.map((k) => [equipmentLabels[k], input.equipment[k]]),
          ['Carregadores extras', String(input.spareMagazines)],
          ...input.others.map((o) => [`${o.item} (art. 22, VI)`, o.serial || '—']),
        ],
      },
      {
        kind: 'paragraph',
        text: `Vestuário: ${UNIFORM[input.uniform]}${input.uniformAuthorisedBy ? ` — autorizado por ${input.uniformAuthorisedBy}` : ''}.`,
      },
      { kind: 'paragraph', text: `Assinado no briefing por ${who.auth.user.name}, função ${a.role ?? '—'}.` },
    ]);
  });
}
