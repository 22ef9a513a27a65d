import type { ApplicationDetail } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { applications } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPartner } from '../partners/partner-profile.js';
import { loadDetail } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { loadInScope, reviewerCondition } from './scope.js';

/**
 * Art. 8 §2: SESP judges the convenience and opportunity of processing directly a private
 * application that belongs to an indirect manager. Accepted: SESP's committee handles it.
 * Returned: it goes to the manager's queue. Either way with a reasoned note.
 */
export async function decideDirectHandling(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: { accept: boolean; note: string },
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    if (current.directHandlingStatus !== 'requested')
      throw new AppError('INVALID_STATE', 'Não há pedido de processamento direto pela SESP aguardando decisão.');
    const [row] = await tx
      .update(applications)
      .set({
        directHandlingStatus: input.accept ? 'accepted' : 'returned',
        directHandlingNote: input.note,
        handledBy: input.accept ? 'sesp' : 'manager',
        updatedAt: new Date(),
      })
      .where(eq(applications.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: input.accept ? 'application.direct_handling_accepted' : 'application.direct_handling_returned',
      targetType: 'application',
      targetId: id,
      reason: input.note,
      data: { managerMunicipalityIbge: current.managerMunicipalityIbge },
    });
    const partner = (await findPartner(tx, current.partnerId))!;
    if (partner.email) {
      await queueMail(tx, {
        to: partner.email,
        subject: `Vigia Mais MT — pedido nº ${current.number}: processamento direto pela SESP ${input.accept ? 'aceito' : 'não aceito'}`,
        text: input.accept
          ? `A SESP/MT aceitou processar diretamente o seu pedido (Decreto 1.522/2022, art. 8º, § 2º).\n\n${input.note}`
          : `A SESP/MT devolveu o seu pedido ao município/consórcio gestor da sua circunscrição (art. 8º, §§ 1º e 2º).\n\nMotivo: ${input.note}`,
      });
    }
    return row!;
  });
  return loadDetail(deps.db, app);
}
