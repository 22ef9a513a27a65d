import type { ApplicantKind, ApplicationDetail } from '@vigia/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { deficiencyItems, deficiencyNotices, reviewItems, rispOpinions, technicalVisits } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { issueDocument } from '../documents/issue-document.js';
import { findPartner } from '../partners/partner-profile.js';
import { decisionAct } from './acts.js';
import { loadDetail, openNoticeOf, pointsOf, regionsOfPoints, rispGapMessage } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { checklistItemsFor } from './requirements.js';
import { type ApplicationRow, loadInScope, reviewerCondition } from './scope.js';
import { transition } from './transition.js';

/** What still stands between an application in analysis and its approval, in pt-BR. */
async function approvalBlockers(
  tx: Tx,
  app: ApplicationRow,
  kind: ApplicantKind,
): Promise<{ code: 'RISP_REGION_UNKNOWN' | 'REQUIREMENTS_NOT_MET'; details: { path: string; message: string }[] } | null> {
  const points = await pointsOf(tx, app.id);
  const { gaps } = await regionsOfPoints(tx, points);
  if (gaps.length) return { code: 'RISP_REGION_UNKNOWN', details: gaps.map((g) => ({ path: g, message: rispGapMessage(g) })) };
  const details: { path: string; message: string }[] = [];
  const reviews = new Map(
    (await tx.select().from(reviewItems).where(eq(reviewItems.applicationId, app.id))).map((r) => [r.itemKey, r.verdict]),
  );
  for (const item of checklistItemsFor(kind, app, points)) {
    const v = reviews.get(item.itemKey);
    if (v !== 'ok') details.push({ path: item.itemKey, message: `${item.label}: ${v === 'fault' ? 'com falha' : 'não verificado'}.` });
  }
  const opinions = await tx.select().from(rispOpinions).where(eq(rispOpinions.applicationId, app.id));
  if (opinions.length === 0) details.push({ path: 'rispOpinions', message: 'Nenhum parecer da RISP foi solicitado (art. 12).' });
  for (const o of opinions) {
    if (o.status !== 'favourable')
      details.push({
        path: `rispOpinions.${o.id}`,
        message: o.status === 'pending' ? 'Parecer da RISP pendente (art. 12).' : 'Parecer da RISP desfavorável (art. 12).',
      });
  }
  const open = await tx
    .select()
    .from(technicalVisits)
    .where(and(eq(technicalVisits.applicationId, app.id), isNull(technicalVisits.recordedAt)));
  for (const v of open) details.push({ path: `technicalVisits.${v.id}`, message: 'Visita técnica agendada sem constatações registradas.' });
  return details.length ? { code: 'REQUIREMENTS_NOT_MET', details } : null;
}

/** Art. 16 caput: approval, in its own act (PDF + DOCX), only when every requirement is met. */
export async function approveApplication(deps: AccreditationDeps, who: Acting, id: string, reason: string): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    const partner = (await findPartner(tx, current.partnerId))!;
    if (current.status === 'in_analysis') {
      const blockers = await approvalBlockers(tx, current, partner.kind as ApplicantKind);
      if (blockers) throw new AppError(blockers.code, undefined, blockers.details);
    }
    const row = await transition(tx, who.actor, current, 'approved', {
      action: 'application.approved',
      reason,
      set: { decisionReason: reason, decidedAt: new Date() },
    });
    await issueDocument(tx, deps, who.actor, {
      kind: 'decision',
      subjectType: 'application',
      subjectId: id,
      content: decisionAct(row, partner, true, reason),
      formats: ['pdf', 'docx'],
    });
    if (partner.email) {
      await queueMail(tx, {
        to: partner.email,
        subject: `Vigia Mais MT — pedido nº ${row.number} deferido`,
        text: `O pedido de habilitação nº ${row.number} foi deferido e segue para homologação pelo CIOSP (Decreto 1.522/2022, art. 16, § 1º).`,
      });
    }
    return row;
  });
  return loadDetail(deps.db, app);
}

/**
 * Art. 16 caput and §3: reasoned rejection and archive, in one transaction. Faults in documents or
 * in the executive project must first go through a deficiency notice (§2): rejecting for them is
 * refused until the partner had that chance; while a notice's deadline runs, rejection waits.
 */
export async function rejectApplication(deps: AccreditationDeps, who: Acting, id: string, reason: string): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    const notices = await tx.select().from(deficiencyNotices).where(eq(deficiencyNotices.applicationId, id));
    let unremedied: string[] = [];
    if (current.status === 'deficiency_notice_issued') {
      if (await openNoticeOf(tx, id)) throw new AppError('DEADLINE_RUNNING');
      const expired = notices.filter((n) => n.status === 'expired');
      for (const n of expired) {
        const items = await tx.select().from(deficiencyItems).where(eq(deficiencyItems.noticeId, n.id));
        unremedied = unremedied.concat(items.filter((i) => !i.answeredAt).map((i) => i.description));
      }
    } else if (current.status === 'in_analysis' && notices.length === 0) {
      const faults = await tx
        .select()
        .from(reviewItems)
        .where(and(eq(reviewItems.applicationId, id), eq(reviewItems.verdict, 'fault')));
      if (faults.length)
        throw new AppError(
          'DEFICIENCY_NOTICE_REQUIRED',
          undefined,
          faults.map((f) => ({ path: f.itemKey, message: f.note ?? 'Falha indicada na verificação.' })),
        );
    }
    const rejected = await transition(tx, who.actor, current, 'rejected', {
      action: 'application.rejected',
      reason,
      data: { unremedied },
      set: { decisionReason: reason, decidedAt: new Date() },
    });
    const archived = await transition(tx, who.actor, rejected, 'archived', {
      action: 'application.archived',
      reason: 'Art. 16, § 3º',
      set: { archivedAt: new Date() },
    });
    const partner = (await findPartner(tx, current.partnerId))!;
    await issueDocument(tx, deps, who.actor, {
      kind: 'decision',
      subjectType: 'application',
      subjectId: id,
      content: decisionAct(archived, partner, false, reason, unremedied),
      formats: ['pdf', 'docx'],
    });
    if (partner.email) {
      await queueMail(tx, {
        to: partner.email,
        subject: `Vigia Mais MT — pedido nº ${archived.number} indeferido`,
        text: `O pedido de habilitação nº ${archived.number} foi indeferido e arquivado (Decreto 1.522/2022, art. 16, § 3º).\n\nFundamentação: ${reason}\n\nO arquivamento não impede a apresentação de novo pedido (art. 16, § 4º).`,
      });
    }
    return archived;
  });
  return loadDetail(deps.db, app);
}
