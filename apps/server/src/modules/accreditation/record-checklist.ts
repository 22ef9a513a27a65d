import type { ApplicantKind, ApplicationDetail } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { applications, reviewItems } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPartner } from '../partners/partner-profile.js';
import { loadDetail, pointsOf } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { checklistItemsFor } from './requirements.js';
import { loadInScope, reviewerCondition } from './scope.js';
import { requireStatus } from './transition.js';

/** Records the committee's verdict on required documents and technical requirements (Art. 7, 13, 14). */
export async function recordChecklist(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  items: { itemKey: string; verdict: 'ok' | 'fault'; note?: string | undefined }[],
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    requireStatus(current, 'in_analysis');
    const partner = (await findPartner(tx, current.partnerId))!;
    const allowed = new Set(checklistItemsFor(partner.kind as ApplicantKind, current, await pointsOf(tx, id)).map((c) => c.itemKey));
    const unknown = items.filter((i) => !allowed.has(i.itemKey));
    if (unknown.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        undefined,
        unknown.map((u) => ({ path: u.itemKey, message: 'Item não faz parte da lista de verificação deste pedido.' })),
      );
    }
    for (const i of items) {
      const values = {
        applicationId: id,
        itemKey: i.itemKey,
        verdict: i.verdict,
        note: i.note ?? null,
        reviewedBy: who.auth.user.id,
        reviewedAt: new Date(),
      };
      await tx
        .insert(reviewItems)
        .values(values)
        .onConflictDoUpdate({
          target: [reviewItems.applicationId, reviewItems.itemKey],
          set: { verdict: values.verdict, note: values.note, reviewedBy: values.reviewedBy, reviewedAt: values.reviewedAt },
        });
    }
    const [row] = await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, id)).returning();
    await recordAudit(tx, who.actor, {
      action: 'application.checklist_recorded',
      targetType: 'application',
      targetId: id,
      data: { items },
    });
    return row!;
  });
  return loadDetail(deps.db, app);
}
