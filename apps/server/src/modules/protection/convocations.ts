import type { convocationRequestSchema } from '@vigia/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { protectionAssignments } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { issueAct } from './issue-act.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus } from './transition.js';

type ConvocationInput = z.infer<typeof convocationRequestSchema>;
export type AssignmentRow = typeof protectionAssignments.$inferSelect;

const invalid = (path: string, message: string) => new AppError('PROTECTION_CONVOCATION_INVALID', message, [{ path, message }]);

/** A protection_staff account by e-mail (officers and superiors act in the platform). */
async function staffByEmail(db: Queryable, email: string, path: string) {
  const [u] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'protection_staff')))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!u) throw invalid(path, `Nenhuma conta de operações de proteção com o e-mail ${email}.`);
  return u;
}

/** Art. 9–10: CORE officers trained in the course first; others only with an accepted justification and CORE-given or validated training. */
function checkArt9and10(input: ConvocationInput): void {
  if (input.coreOfficer && !input.authorityProtectionCourse)
    throw invalid(
      'authorityProtectionCourse',
      'Policiais da CORE empregados devem ser capacitados em curso de Segurança de Autoridades (art. 9º).',
    );
  if (input.coreOfficer) return;
  if ((input.justification ?? '').length < 20)
    throw invalid('justification', 'Policial de outra unidade só excepcionalmente, mediante justificativa aceita (art. 10).');
  if (!input.trainingValidatedByCore)
    throw invalid(
      'trainingValidatedByCore',
      'O policial de outra unidade deve ter treinamento mínimo fornecido ou validado pela CORE (art. 10).',
    );
  if (!input.superiorEmail)
    throw invalid('superiorEmail', 'Informe o superior imediato: a convocação segue por via hierárquica (art. 10, § 1º).');
}

/** Art. 10 §1: the convocation is a formal communication to the officer's immediate superior (an act). */
export async function convokeOfficer(deps: ProtectionDeps, who: Acting, id: string, input: ConvocationInput): Promise<string> {
  const scope = await scopeOf(deps.db, who.auth);
  return deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    requireFunction(scope.functions, 'core_coordination');
    requireStatus(mission, 'planning');
    checkArt9and10(input);
    const officer = await staffByEmail(tx, input.officerEmail, 'officerEmail');
    const superior = input.superiorEmail ? await staffByEmail(tx, input.superiorEmail, 'superiorEmail') : null;
    if (superior?.id === officer.id) throw invalid('superiorEmail', 'O superior imediato não pode ser o próprio convocado.');
    const now = deps.clock.now();
    const [row] = await tx
      .insert(protectionAssignments)
      .values({
        missionId: id,
        userId: officer.id,
        kind: 'officer',
        role: input.role,
        unit: input.unit,
        coreOfficer: input.coreOfficer,
        authorityProtectionCourse: input.authorityProtectionCourse,
        justification: input.justification,
        trainingValidatedByCore: input.trainingValidatedByCore,
        superiorId: superior?.id ?? null,
        acknowledgedAt: superior ? null : now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalid('officerEmail', 'Este policial já foi convocado para a missão.');
    await recordAudit(tx, who.actor, {
      action: 'protection.officer.convoked',
      targetType: 'protection_mission',
      targetId: id,
      data: { assignmentId: row.id, coreOfficer: input.coreOfficer },
    });
    await issueAct(tx, deps, who, mission, 'convocation', 'COMUNICAÇÃO FORMAL DE CONVOCAÇÃO (arts. 9º e 10)', [
      {
        kind: 'paragraph',
        text: superior
          ? `Ao(À) superior imediato(a) ${superior.name}: comunica-se, por via hierárquica (art. 10, § 1º), a convocação do(a) policial civil ${officer.name}, lotado(a) em ${input.unit}, para compor a equipe da missão na função de ${input.role}. O(A) convocado(a) deverá se apresentar obrigatoriamente conforme as determinações da coordenação, constituindo dever funcional (art. 10, § 2º).`
          : `Convoca-se o(a) policial civil ${officer.name}, da CORE, capacitado(a) em curso de Segurança de Autoridades (art. 9º), para a função de ${input.role}.`,
      },
      ...(input.justification ? [{ kind: 'paragraph' as const, text: `Justificativa (art. 10): ${input.justification}` }] : []),
    ]);
    return row.id;
  });
}

/** An officer's assignment in a mission, seen by the officer or (`superior`) the immediate superior; otherwise not found. */
async function ownAssignment(
  db: Queryable,
  missionId: string,
  id: string,
  userId: string,
  as: 'officer' | 'superior',
): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(protectionAssignments)
    .where(
      and(
        eq(protectionAssignments.id, id),
        eq(protectionAssignments.missionId, missionId),
        eq(protectionAssignments.kind, 'officer'),
        eq(as === 'officer' ? protectionAssignments.userId : protectionAssignments.superiorId, userId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Convocação não encontrada.');
  return row;
}

/** Art. 10 §1: the immediate superior acknowledges the communication (an act). */
export async function acknowledgeConvocation(deps: ProtectionDeps, who: Acting, id: string, assignmentId: string): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    const a = await ownAssignment(tx, id, assignmentId, scope.userId, 'superior');
    requireStatus(mission, 'planning');
    if (a.acknowledgedAt) return;
    await tx.update(protectionAssignments).set({ acknowledgedAt: deps.clock.now() }).where(eq(protectionAssignments.id, a.id));
    await recordAudit(tx, who.actor, {
      action: 'protection.convocation.acknowledged',
      targetType: 'protection_mission',
      targetId: id,
      data: { assignmentId },
    });
    await issueAct(tx, deps, who, mission, 'convocation_ack', 'CIÊNCIA DA CONVOCAÇÃO PELO SUPERIOR IMEDIATO (art. 10, § 1º)', [
      {
        kind: 'paragraph',
        text: `O(A) superior imediato(a) ${who.auth.user.name} declara ciência da convocação e libera o(a) policial para apresentação (art. 10, § 2º).`,
      },
    ]);
  });
}

/** Art. 10 §2: the convoked officer presents, after the chain of command acknowledged. */
export async function presentForDuty(deps: ProtectionDeps, who: Acting, id: string, assignmentId: string): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    const mission = await loadMission(tx, scope, id, true);
    const a = await ownAssignment(tx, id, assignmentId, scope.userId, 'officer');
    requireStatus(mission, 'planning');
    if (!a.acknowledgedAt) throw invalid('acknowledgedAt', 'A convocação ainda não teve a ciência do superior imediato (art. 10, § 1º).');
    if (a.presentedAt) return;
    await tx.update(protectionAssignments).set({ presentedAt: deps.clock.now() }).where(eq(protectionAssignments.id, a.id));
    await recordAudit(tx, who.actor, {
      action: 'protection.officer.presented',
      targetType: 'protection_mission',
      targetId: id,
      data: { assignmentId },
    });
  });
}

export { ownAssignment };
