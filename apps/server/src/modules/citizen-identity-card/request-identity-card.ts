import { type IdentityCardRequest, type identityCardRequestBodySchema, meetsLevel, requiredLevelOf } from '@vigia/contracts';
import { and, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { identificationPosts, identityCardRequests, identityCardStageEvents } from '../../db/tables/identity-card.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';
import { chargeFee } from '../citizen-fees/charge-fee.js';
import { IDENTITY_CARD_FEE, type IdentityCardDeps, toIdentityCardRequest } from './identity-card-deps.js';
import { notifyStage } from './stage-change.js';

export type IdentityCardInput = z.infer<typeof identityCardRequestBodySchema>;

/**
 * Pre-request of an identity card: personal data, documents, post and day (capacity per post and
 * day, counted under a lock of the post). First copy free; a second copy is charged in UPF-MT with
 * a Pix slip (the request waits for payment) unless an exemption is asked with its proof.
 */
export async function requestIdentityCard(
  deps: IdentityCardDeps,
  who: CitizenContext,
  actor: AuditActor,
  input: IdentityCardInput,
): Promise<IdentityCardRequest> {
  const { citizen } = who;
  if (!meetsLevel(citizen.level, requiredLevelOf('identity_card'))) throw new AppError('CITIZEN_LEVEL_TOO_LOW');
  if (input.appointmentDate <= todayOn(deps.clock)) throw new AppError('VALIDATION_FAILED', 'Escolha um dia a partir de amanhã.');
  if (input.birthDate >= todayOn(deps.clock)) throw new AppError('VALIDATION_FAILED', 'Data de nascimento inválida.');
  const copy = (await deps.identification(deps.db).cardsIssuedTo(citizen.cpf)) > 0 ? 'second' : 'first';
  const charged = copy === 'second' && !input.exemptionProof;
  if (charged && (!deps.config.fees.upf || !deps.config.fees.identityCardSecondCopyUpf)) throw new AppError('FEES_UNAVAILABLE');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [post] = await tx.select().from(identificationPosts).where(eq(identificationPosts.id, input.postId)).for('update');
    if (!post) throw new AppError('NOT_FOUND', 'Posto de identificação não encontrado.');
    const [taken] = await tx
      .select({ n: count() })
      .from(identityCardRequests)
      .where(
        and(
          eq(identityCardRequests.postId, post.id),
          eq(identityCardRequests.appointmentDate, input.appointmentDate),
          ne(identityCardRequests.stage, 'cancelled'),
        ),
      );
    if ((taken?.n ?? 0) >= post.dailyCapacity) throw new AppError('SLOT_FULL');
    const stage = copy === 'first' ? 'scheduled' : input.exemptionProof ? 'awaiting_exemption' : 'awaiting_payment';
    const [row] = await tx
      .insert(identityCardRequests)
      .values({
        protocol: newCitizenProtocol('RG', now),
        citizenId: citizen.id,
        cpf: citizen.cpf,
        name: citizen.name,
        birthDate: input.birthDate,
        motherName: input.motherName,
        documents: input.documents,
        copy,
        postId: post.id,
        appointmentDate: input.appointmentDate,
        stage,
        exemption: copy === 'second' && input.exemptionProof ? 'requested' : 'none',
        exemptionProof: copy === 'second' ? (input.exemptionProof ?? null) : null,
        requestedAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(identityCardStageEvents).values({ requestId: row!.id, stage, at: now, by: null });
    await recordAudit(tx, actor, {
      action: 'identity_card.requested',
      targetType: 'identity_card_request',
      targetId: row!.id,
      data: { protocol: row!.protocol, copy, stage },
    });
    const fee = charged
      ? await chargeFee(tx, deps, actor, {
          citizenId: citizen.id,
          service: IDENTITY_CARD_FEE,
          subjectId: row!.id,
          upfUnits: deps.config.fees.identityCardSecondCopyUpf!,
          description: `2ª via da carteira de identidade — ${row!.protocol}`,
        })
      : undefined;
    await notifyStage(tx, row!);
    return toIdentityCardRequest(row!, post, fee);
  });
}
