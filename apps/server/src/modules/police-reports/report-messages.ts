import type { PoliceReport } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { policeReportEvents, policeReportMessages, policeReports } from '../../db/tables/police-reports.js';
import type { Acting, CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { notifyCitizen } from './notify-citizen.js';
import { DAY_MS, POLICE_REPORT_ANALYSIS_DAYS, type PoliceReportDeps } from './police-report-deps.js';
import { ownReport, ownReportRow, scopedReport, scopedReportRow } from './police-report-queries.js';
import { officerScope } from './police-scope.js';

const closed = () => new AppError('INVALID_STATE', 'Este boletim de ocorrência já foi decidido: as mensagens estão encerradas.');

/**
 * The citizen writes on their open report. An answer to a request for information sends the report
 * back to the station's queue with the station's clock started again (urgent stays due now).
 */
export async function citizenMessage(
  deps: PoliceReportDeps,
  who: CitizenContext,
  actor: AuditActor,
  id: string,
  text: string,
): Promise<PoliceReport> {
  await deps.db.transaction(async (tx) => {
    const row = await ownReportRow(tx, who.citizen.id, id, true);
    if (row.status !== 'submitted' && row.status !== 'info_requested') throw closed();
    const now = deps.clock.now();
    await tx.insert(policeReportMessages).values({ reportId: id, from: 'citizen', text, at: now });
    if (row.status === 'info_requested') {
      await tx
        .update(policeReports)
        .set({
          status: 'submitted',
          deadlineAt: row.urgent ? now : new Date(now.getTime() + POLICE_REPORT_ANALYSIS_DAYS * DAY_MS),
          updatedAt: now,
        })
        .where(eq(policeReports.id, id));
      await tx.insert(policeReportEvents).values({ reportId: id, kind: 'info_answered', at: now });
    }
    await recordAudit(tx, actor, {
      action: 'police_report.citizen_message',
      targetType: 'police_report',
      targetId: id,
      data: { protocol: row.protocol, answered: row.status === 'info_requested' },
    });
  });
  return ownReport(deps.db, who.citizen.id, id);
}

/** The station writes to the citizen on an open report (no change of status); the citizen is e-mailed. */
export async function policeMessage(deps: PoliceReportDeps, who: Acting, id: string, text: string): Promise<PoliceReport> {
  const scope = officerScope(who);
  await deps.db.transaction(async (tx) => {
    const row = await scopedReportRow(tx, scope, id, true);
    if (row.status !== 'submitted' && row.status !== 'info_requested') throw closed();
    const now = deps.clock.now();
    await tx.insert(policeReportMessages).values({ reportId: id, from: 'police', by: who.actor.id, text, at: now });
    await recordAudit(tx, who.actor, {
      action: 'police_report.police_message',
      targetType: 'police_report',
      targetId: id,
      data: { protocol: row.protocol },
    });
    await notifyCitizen(tx, row, {
      subject: `Delegacia Virtual — protocolo ${row.protocol}: nova mensagem da delegacia`,
      text: `A Polícia Civil escreveu sobre o seu boletim de ocorrência (protocolo ${row.protocol}):\n\n${text}\n\nResponda em Meus serviços, no Portal da Segurança.\n`,
    });
  });
  return scopedReport(deps.db, scope, id);
}
