import type { IdentityChange, IdentityChangeRequest } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identityChanges } from '../../db/tables/partner-identity.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { findOwnFile } from '../files/files.repository.js';
import { toIdentityChange } from './identity-change.repository.js';
import { identityOf, sameIdentity } from './identity-lock.js';
import { findPartner, ownPartnerId } from './partner-profile.js';

/** A partner files an alteração cadastral: the proposed identity, a reason and, optionally, a supporting document. */
export async function fileIdentityChange(
  db: Db,
  auth: AuthContext,
  actor: AuditActor,
  input: IdentityChangeRequest,
): Promise<IdentityChange> {
  const partnerId = ownPartnerId(auth);
  if (input.supportingFileId && !(await findOwnFile(db, auth.user.id, input.supportingFileId))) {
    throw new AppError('NOT_FOUND', 'Documento de apoio não encontrado entre os arquivos que você enviou.');
  }
  return db.transaction(async (tx) => {
    const partner = await findPartner(tx, partnerId);
    if (!partner) throw new AppError('PARTNER_PROFILE_MISSING');
    const current = identityOf(partner);
    const proposed = identityOf(input.proposed);
    if (sameIdentity(current, proposed)) throw new AppError('INVALID_STATE', 'Os dados propostos são iguais aos atuais.');
    const [pending] = await tx
      .select({ id: identityChanges.id })
      .from(identityChanges)
      .where(and(eq(identityChanges.partnerId, partnerId), eq(identityChanges.status, 'pending')))
      .limit(1);
    if (pending) throw new AppError('INVALID_STATE', 'Já existe uma solicitação de alteração cadastral aguardando a decisão da comissão.');
    if (proposed.document !== current.document) {
      const [taken] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.document, proposed.document)).limit(1);
      if (taken) throw new AppError('PARTNER_DOCUMENT_TAKEN');
    }
    const [row] = await tx
      .insert(identityChanges)
      .values({
        partnerId,
        current,
        proposed,
        reason: input.reason,
        supportingFileId: input.supportingFileId ?? null,
        requestedBy: auth.user.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'partner.identity_change_filed',
      targetType: 'partner',
      targetId: partnerId,
      reason: input.reason,
      data: { changeId: row!.id, proposed },
    });
    return toIdentityChange(row!, partner.name);
  });
}
