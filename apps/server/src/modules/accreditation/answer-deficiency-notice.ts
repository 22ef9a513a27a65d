import type { ApplicationDetail } from '@vigia/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { deficiencyItems, deficiencyNotices } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOwnFile } from '../files/files.repository.js';
import { findPartner } from '../partners/partner-profile.js';
import { loadDetail, openNoticeOf, pointsOf } from './application.repository.js';
import { deadlinePassed } from './deficiency-deadline.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { issueAnnexes } from './issue-annexes.js';
import { loadInScope, partnerCondition } from './scope.js';
import { transition } from './transition.js';

/**
 * The partner answers EACH listed fault (text, optionally a file) within the deadline; the
 * application becomes "remedied" and returns to analysis. Annexes are regenerated if the
 * executive project changed while remedying.
 */
export async function answerDeficiencyNotice(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  answers: { itemId: string; answer: string; fileId?: string | undefined }[],
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, partnerCondition(who.auth), id, true);
    const notice = await openNoticeOf(tx, id);
    if (current.status !== 'deficiency_notice_issued' || !notice)
      throw new AppError('INVALID_STATE', 'Não há notificação de falhas aberta para este pedido.');
    if (deadlinePassed(notice.dueOn, deps.clock.now())) throw new AppError('DEADLINE_PASSED');
    const items = await tx.select().from(deficiencyItems).where(eq(deficiencyItems.noticeId, notice.id));
    const byId = new Map(answers.map((a) => [a.itemId, a]));
    const unanswered = items.filter((i) => !byId.has(i.id));
    const foreign = answers.filter((a) => !items.some((i) => i.id === a.itemId));
    if (unanswered.length || foreign.length) {
      throw new AppError('VALIDATION_FAILED', 'Responda a cada falha indicada na notificação.', [
        ...unanswered.map((i) => ({ path: i.id, message: `Falta responder ao item ${i.ordinal}: ${i.description}` })),
        ...foreign.map((a) => ({ path: a.itemId, message: 'Item não pertence a esta notificação.' })),
      ]);
    }
    for (const a of answers) {
      if (a.fileId && !(await findOwnFile(tx, who.auth.user.id, a.fileId))) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: a.itemId, message: 'Arquivo não encontrado entre os seus envios.' }]);
      }
      await tx
        .update(deficiencyItems)
        .set({ answer: a.answer, fileId: a.fileId ?? null, answeredAt: new Date() })
        .where(and(eq(deficiencyItems.id, a.itemId), isNull(deficiencyItems.answeredAt)));
    }
    await tx
      .update(deficiencyNotices)
      .set({ status: 'answered', closedAt: new Date() })
      .where(and(eq(deficiencyNotices.id, notice.id), eq(deficiencyNotices.status, 'open')));
    const row = await transition(tx, who.actor, current, 'remedied', {
      action: 'application.deficiencies_answered',
      data: { noticeId: notice.id, items: items.length },
    });
    await recordAudit(tx, who.actor, {
      action: 'deficiency_notice.answered',
      targetType: 'deficiency_notice',
      targetId: notice.id,
      data: { applicationId: id },
    });
    const partner = (await findPartner(tx, current.partnerId))!;
    await issueAnnexes(tx, deps, who.actor, row, partner, await pointsOf(tx, id));
    return row;
  });
  return loadDetail(deps.db, app);
}
