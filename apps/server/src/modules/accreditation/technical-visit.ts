import type { ApplicationDetail } from '@vigia/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { technicalVisits } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPartner } from '../partners/partner-profile.js';
import { loadDetail } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { loadInScope, reviewerCondition } from './scope.js';
import { requireStatus } from './transition.js';

/** Schedules a technical visit to the installation sites (Art. 14 §2–3; guide: "possibilidade de visita técnica"). */
export async function scheduleTechnicalVisit(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: { scheduledFor: string; place: string },
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    requireStatus(current, 'in_analysis');
    const [visit] = await tx
      .insert(technicalVisits)
      .values({ applicationId: id, scheduledFor: new Date(input.scheduledFor), place: input.place, scheduledBy: who.auth.user.id })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'application.technical_visit_scheduled',
      targetType: 'application',
      targetId: id,
      data: { visitId: visit!.id, ...input },
    });
    const partner = (await findPartner(tx, current.partnerId))!;
    if (partner.email) {
      const when = new Date(input.scheduledFor).toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' });
      await queueMail(tx, {
        to: partner.email,
        subject: `Vigia Mais MT — visita técnica agendada (pedido nº ${current.number})`,
        text: `Visita técnica agendada para ${when} (horário de Cuiabá), em ${input.place}.`,
      });
    }
    return current;
  });
  return loadDetail(deps.db, app);
}

export async function recordTechnicalVisit(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  visitId: string,
  findings: string,
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    requireStatus(current, 'in_analysis');
    const [visit] = await tx
      .update(technicalVisits)
      .set({ findings, recordedBy: who.auth.user.id, recordedAt: new Date() })
      .where(and(eq(technicalVisits.id, visitId), eq(technicalVisits.applicationId, id), isNull(technicalVisits.recordedAt)))
      .returning();
    if (!visit) throw new AppError('NOT_FOUND', 'Visita técnica não encontrada ou já registrada.');
    await recordAudit(tx, who.actor, {
      action: 'application.technical_visit_recorded',
      targetType: 'application',
      targetId: id,
      data: { visitId, findings },
    });
    return current;
  });
  return loadDetail(deps.db, app);
}
