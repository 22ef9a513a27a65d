import type { PoliceReport } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { policeReportEvents, policeReports } from '../../db/tables/police-reports.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PoliceReportDeps } from './police-report-deps.js';
import { scopedReport, scopedReportRow } from './police-report-queries.js';
import { officerScope } from './police-scope.js';

/**
 * Lei 11.340/2006 art. 12 III: the police forward the victim's request for protective measures to
 * the judge within 48 hours. The officer records the forwarding (court and reference); the clock
 * stops, and whether it was within the 48 hours is kept in the history and the audit.
 */
export async function recordProtectiveMeasureForwarded(
  deps: PoliceReportDeps,
  who: Acting,
  id: string,
  input: { court: string; reference: string },
): Promise<PoliceReport> {
  const scope = officerScope(who);
  await deps.db.transaction(async (tx) => {
    const row = await scopedReportRow(tx, scope, id, true);
    if (!row.protectiveMeasureDueAt) throw new AppError('INVALID_STATE', 'Este boletim não tem pedido de medidas protetivas.');
    if (row.protectiveMeasureForwardedAt) throw new AppError('INVALID_STATE', 'O pedido de medidas protetivas já foi remetido ao juízo.');
    const now = deps.clock.now();
    const withinDeadline = now.getTime() <= row.protectiveMeasureDueAt.getTime();
    await tx.update(policeReports).set({ protectiveMeasureForwardedAt: now, updatedAt: now }).where(eq(policeReports.id, id));
    await tx.insert(policeReportEvents).values({
      reportId: id,
      kind: 'protective_measure_forwarded',
      at: now,
      by: who.actor.id,
      note: `${input.court} — ${input.reference}${withinDeadline ? '' : ' (após o prazo de 48 horas)'}`,
    });
    await recordAudit(tx, who.actor, {
      action: 'police_report.protective_measure_forwarded',
      targetType: 'police_report',
      targetId: id,
      data: { protocol: row.protocol, court: input.court, reference: input.reference, withinDeadline },
    });
  });
  return scopedReport(deps.db, scope, id);
}
