import { isArt5Category, type ProtectionRequest, protecteeCategoryLabels } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { protectionMissions } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { functionsOf, requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';

/** Art. 3–5 and 11: who may be protected, on whose order, for a fixed period. Throws the article's refusal. */
function checkEligibility(input: ProtectionRequest): void {
  if (input.coveredByWitnessProtection) throw new AppError('PROTECTEE_EXCLUDED');
  const art5 = isArt5Category(input.protectee.category);
  if (art5 && (input.directorGeneralOrder ?? '').length < 10) throw new AppError('PROTECTION_ORDER_REQUIRED');
  if (art5 && input.protectee.familyMemberOf)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'protectee.familyMemberOf', message: 'A extensão a familiares vale para as autoridades do art. 4º (art. 4º, § 1º).' },
    ]);
  if (input.periodEnd < input.periodStart)
    throw new AppError('PROTECTION_PERIOD_INVALID', 'O fim do período não pode ser anterior ao início (art. 11).');
}

/** A PJC unit (or intelligence, de ofício — Art. 6) asks for protection; the request is the mission's first act. */
export async function requestProtection(deps: ProtectionDeps, who: Acting, input: ProtectionRequest): Promise<{ id: string }> {
  const fns = await functionsOf(deps.db, who.auth.user.id);
  if (input.origin === 'ex_officio') requireFunction(fns, 'intelligence');
  else requireFunction(fns, 'requester', 'intelligence');
  try {
    checkEligibility(input);
  } catch (e) {
    await deps.db.transaction((tx) =>
      recordAudit(tx, who.actor, {
        action: 'protection.request.refused',
        targetType: 'protection_mission',
        data: { code: (e as AppError).code, category: input.protectee.category },
      }),
    );
    throw e;
  }
  return deps.db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`SELECT nextval('protection_mission_number_seq')::int AS n`)) as unknown as {
      rows: { n: number }[];
    };
    const number = `${todayOn(deps.clock).slice(0, 4)}/${String(rows[0]!.n).padStart(5, '0')}`;
    const [mission] = await tx
      .insert(protectionMissions)
      .values({
        number,
        codeName: input.codeName,
        origin: input.origin,
        requesterId: who.auth.user.id,
        requestingUnit: input.requestingUnit,
        protectee: input.protectee,
        directorGeneralOrder: input.directorGeneralOrder,
        reasons: input.reasons,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'protection.mission.requested',
      targetType: 'protection_mission',
      targetId: mission!.id,
      data: { number, origin: input.origin, category: input.protectee.category },
    });
    const p = input.protectee;
    await issueAct(tx, deps, who, mission!, 'request', 'PEDIDO DE SEGURANÇA E PROTEÇÃO DE AUTORIDADE', [
      {
        kind: 'table',
        headers: ['Campo', 'Valor'],
        rows: [
          ['Unidade solicitante', input.requestingUnit],
          ['Origem (art. 6º)', input.origin === 'ex_officio' ? 'De ofício (Diretoria de Inteligência)' : 'Mediante provocação'],
          ['Autoridade', `${p.name} — ${p.office}`],
          ['Categoria', protecteeCategoryLabels[p.category]],
          ['Familiar (art. 4º, § 1º)', p.familyMemberOf ? `${p.familyMemberOf.name} (${p.familyMemberOf.relationship})` : '—'],
          ['Determinação do Delegado-Geral (art. 5º)', input.directorGeneralOrder ?? '—'],
          ['Lei 9.807/1999 (art. 3º)', 'Declarado: não amparado'],
          ['Período (art. 11)', `${input.periodStart} a ${input.periodEnd}`],
        ],
      },
      { kind: 'paragraph', text: `Motivos: ${input.reasons}` },
    ]);
    return { id: mission!.id };
  });
}
