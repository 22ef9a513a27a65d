import { type IdentityCardStage, identityCardStageLabels } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import { identificationPosts, identityCardRequests, identityCardStageEvents } from '../../db/tables/identity-card.js';
import { queueMail } from '../../mail/mailer.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import type { IdentityCardRow } from './identity-card-deps.js';

/** Moves a request to `stage` in the caller's transaction: the row, its stage event, the audit row and the citizen's e-mail. */
export async function changeStage(
  tx: Tx,
  actor: AuditActor,
  row: IdentityCardRow,
  stage: IdentityCardStage,
  at: Date,
  extra: Partial<IdentityCardRow> = {},
): Promise<IdentityCardRow> {
  const [updated] = await tx
    .update(identityCardRequests)
    .set({ ...extra, stage, updatedAt: at })
    .where(eq(identityCardRequests.id, row.id))
    .returning();
  await tx.insert(identityCardStageEvents).values({ requestId: row.id, stage, at, by: actor.id }).onConflictDoNothing();
  await recordAudit(tx, actor, {
    action: 'identity_card.stage_changed',
    targetType: 'identity_card_request',
    targetId: row.id,
    data: { protocol: row.protocol, from: row.stage, to: stage },
  });
  await notifyStage(tx, updated!);
  return updated!;
}

/** The citizen's e-mail for a stage: the stage and the post (name, municipality, address); never the CPF. */
export async function notifyStage(tx: Tx, row: IdentityCardRow): Promise<void> {
  const [citizen] = await tx.select({ email: citizens.email }).from(citizens).where(eq(citizens.id, row.citizenId));
  if (!citizen?.email) return;
  const [post] = await tx.select().from(identificationPosts).where(eq(identificationPosts.id, row.postId));
  const stage = identityCardStageLabels[row.stage];
  const where = post ? `\n\nPosto de identificação: ${post.name} — ${post.municipality} (${post.address}).` : '';
  await queueMail(tx, {
    to: citizen.email,
    subject: `Carteira de identidade — protocolo ${row.protocol}: ${stage}`,
    text: `Olá, ${row.name}.\n\nSeu pedido de carteira de identidade (protocolo ${row.protocol}) está agora em: ${stage}.${where}\n\nAcompanhe em Meus serviços, no Portal da Segurança.\n`,
  });
}
