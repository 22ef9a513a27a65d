import type { ApplicationDetail } from '@vigia/contracts';
import { deficiencyItems, deficiencyNotices } from '../../db/tables/accreditation.js';
import { queueMail } from '../../mail/mailer.js';
import { issueDocument } from '../documents/issue-document.js';
import { findPartner } from '../partners/partner-profile.js';
import { deficiencyNoticeAct } from './acts.js';
import { loadDetail } from './application.repository.js';
import { deficiencyDeadline } from './deficiency-deadline.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { loadInScope, reviewerCondition } from './scope.js';
import { transition } from './transition.js';

/**
 * Art. 16 §2: the committee lists each fault and omission specifically and gives a deadline in
 * business days to remedy them. The notice is generated (PDF + DOCX) and e-mailed via the outbox.
 */
export async function issueDeficiencyNotice(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: { businessDays: number; items: { itemKey?: string | undefined; description: string }[] },
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    const issuedAt = deps.clock.now();
    const { receivedOn, dueOn } = deficiencyDeadline(issuedAt, input.businessDays);
    const row = await transition(tx, who.actor, current, 'deficiency_notice_issued', {
      action: 'application.deficiency_notice_issued',
      data: { businessDays: input.businessDays, receivedOn, dueOn, items: input.items.length },
    });
    const [notice] = await tx
      .insert(deficiencyNotices)
      .values({ applicationId: id, businessDays: input.businessDays, receivedOn, dueOn, issuedBy: who.auth.user.id, issuedAt })
      .returning();
    await tx
      .insert(deficiencyItems)
      .values(
        input.items.map((it, i) => ({ noticeId: notice!.id, ordinal: i + 1, itemKey: it.itemKey ?? null, description: it.description })),
      );
    const partner = (await findPartner(tx, current.partnerId))!;
    const [pdf] = await issueDocument(tx, deps, who.actor, {
      kind: 'deficiency_notice',
      subjectType: 'application',
      subjectId: id,
      content: deficiencyNoticeAct(
        row,
        partner,
        notice!,
        input.items.map((i) => i.description),
      ),
      formats: ['pdf', 'docx'],
    });
    await queueMail(tx, {
      to: partner.email ?? partner.legalRepresentative?.email ?? who.auth.user.email,
      subject: `Vigia Mais MT — falhas a sanar no pedido nº ${row.number} (prazo: ${dueOn.split('-').reverse().join('/')})`,
      text:
        `A comissão técnica indicou falhas no pedido de habilitação nº ${row.number} (Decreto 1.522/2022, art. 16, § 2º):\n\n` +
        input.items.map((it, i) => `${i + 1}. ${it.description}`).join('\n') +
        `\n\nPrazo: ${input.businessDays} dia(s) útil(eis), até ${dueOn.split('-').reverse().join('/')} (calendário de Cuiabá). ` +
        `Responda a cada item no portal. Sem resposta no prazo, o pedido será indeferido e arquivado (art. 16, § 3º).\n` +
        `Notificação: código de autenticação ${pdf!.code}.`,
    });
    return row;
  });
  return loadDetail(deps.db, app);
}
