import type { IdentityChange } from '@vigia/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identityChanges, identityHistory } from '../../db/tables/partner-identity.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { toIdentityChange } from './identity-change.repository.js';
import { identityOf } from './identity-lock.js';
import { findPartner } from './partner-profile.js';

/**
 * The committee decides an alteração cadastral. Approval writes the proposed identity to the
 * partner row and keeps the previous one in the history; both decisions are audited in the same
 * transaction. Only a pending request is decided, once.
 */
export async function decideIdentityChange(
  db: Db,
  actor: AuditActor,
  id: string,
  decision: { approve: boolean; reason: string },
): Promise<IdentityChange> {
  return db.transaction(async (tx) => {
    const [change] = await tx.select().from(identityChanges).where(eq(identityChanges.id, id)).limit(1).for('update');
    if (!change) throw new AppError('NOT_FOUND');
    if (change.status !== 'pending') throw new AppError('INVALID_STATE', 'Esta solicitação já foi decidida.');
    const partner = await findPartner(tx, change.partnerId);
    if (!partner) throw new AppError('PARTNER_PROFILE_MISSING');
    let partnerName = partner.name;
    if (decision.approve) {
      const next = change.proposed;
      const [taken] = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.document, next.document), ne(partners.id, partner.id)))
        .limit(1);
      if (taken) throw new AppError('PARTNER_DOCUMENT_TAKEN');
      await tx
        .update(partners)
        .set({
          kind: next.kind,
          name: next.name,
          document: next.document,
          legalRepresentative: next.legalRepresentative,
          updatedAt: new Date(),
        })
        .where(eq(partners.id, partner.id));
      await tx.insert(identityHistory).values({ partnerId: partner.id, changeId: change.id, previous: identityOf(partner), next });
      partnerName = next.name;
    }
    const [row] = await tx
      .update(identityChanges)
      .set({
        status: decision.approve ? 'approved' : 'rejected',
        decidedBy: actor.id,
        decisionReason: decision.reason,
        decidedAt: new Date(),
      })
      .where(eq(identityChanges.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: decision.approve ? 'partner.identity_change_approved' : 'partner.identity_change_rejected',
      targetType: 'partner',
      targetId: partner.id,
      reason: decision.reason,
      data: { changeId: id, ...(decision.approve ? { previous: identityOf(partner), next: change.proposed } : {}) },
    });
    return toIdentityChange(row!, partnerName);
  });
}
