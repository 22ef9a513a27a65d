import type { PoliceReport, PoliceReportDecisionBody } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import { policeReportEvents, policeReportMessages, policeReports } from '../../db/tables/police-reports.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import { notifyCitizen } from './notify-citizen.js';
import { policeReportAct } from './police-report-content.js';
import { DAY_MS, POLICE_REPORT_ANSWER_DAYS, type PoliceReportDeps, type ReportRow } from './police-report-deps.js';
import { scopedReport, scopedReportRow } from './police-report-queries.js';
import { officerScope } from './police-scope.js';
import { stationsByIds } from './police-stations.js';
import { markStolenVehicles } from './vehicle-theft-link.js';

const isOpen = (row: ReportRow) => row.status === 'submitted' || row.status === 'info_requested';

async function validate(tx: Tx, deps: PoliceReportDeps, who: Acting, row: ReportRow, now: Date) {
  const { reportNumber } = await deps.records(tx).register(
    {
      reportId: row.id,
      protocol: row.protocol,
      kind: row.kind,
      stationId: row.stationId,
      occurredAt: new Date(row.content.occurredAt!),
      municipalityIbge: row.municipalityIbge,
    },
    now,
  );
  const [reporter] = await tx.select({ name: citizens.name, cpf: citizens.cpf }).from(citizens).where(eq(citizens.id, row.citizenId));
  const station = row.stationId ? (await stationsByIds(tx, [row.stationId])).get(row.stationId) : undefined;
  const [pdf] = await issueDocument(tx, deps.documents, who.actor, {
    kind: 'police_report',
    subjectType: 'police_report',
    subjectId: row.id,
    content: policeReportAct(row, row.content, reporter!, station ? `${station.name} — ${station.municipality}` : null, reportNumber),
    formats: ['pdf'],
    issuedAt: now,
    render: 'deferred',
  });
  const vehicles = await markStolenVehicles(tx, deps.vehicles, { ...row, reportNumber }, now);
  return {
    set: { status: 'validated' as const, reportNumber, documentId: pdf!.id, code: pdf!.code, validatedAt: now, answer: null },
    data: { reportNumber, code: pdf!.code, vehiclesMarked: vehicles },
    documentId: pdf!.id,
  };
}

/**
 * The station decides an open report: validate (the report gets its number in the system of
 * record and its PDF with authenticity code; a stolen or robbed vehicle is marked in the vehicle
 * records), ask the citizen for more information (a message on the case; the citizen's clock
 * starts) or refuse with reasons. One transaction: the row, the history, the audit entry and the
 * citizen's e-mail, or nothing. The PDF is rendered after commit.
 */
export async function decideReport(
  deps: PoliceReportDeps,
  who: Acting,
  id: string,
  input: PoliceReportDecisionBody,
): Promise<PoliceReport> {
  const scope = officerScope(who);
  const documentId = await deps.db.transaction(async (tx) => {
    const row = await scopedReportRow(tx, scope, id, true);
    if (!isOpen(row)) throw new AppError('INVALID_STATE', 'Este boletim de ocorrência já foi decidido.');
    const now = deps.clock.now();
    let set: Partial<ReportRow>;
    let data: Record<string, unknown> = { protocol: row.protocol, kind: row.kind };
    let documentId: string | null = null;
    let mail: { subject: string; text: string };
    if (input.decision === 'validate') {
      const v = await validate(tx, deps, who, row, now);
      set = v.set;
      data = { ...data, ...v.data };
      documentId = v.documentId;
      mail = {
        subject: `Delegacia Virtual — protocolo ${row.protocol}: boletim de ocorrência registrado`,
        text: `Seu boletim de ocorrência (protocolo ${row.protocol}) foi registrado pela Polícia Civil sob o nº ${v.set.reportNumber}.\n\nBaixe o documento em Meus serviços, no Portal da Segurança.\n`,
      };
    } else if (input.decision === 'request_info') {
      set = { status: 'info_requested', answer: input.message, deadlineAt: new Date(now.getTime() + POLICE_REPORT_ANSWER_DAYS * DAY_MS) };
      await tx.insert(policeReportMessages).values({ reportId: id, from: 'police', by: who.actor.id, text: input.message, at: now });
      mail = {
        subject: `Delegacia Virtual — protocolo ${row.protocol}: a delegacia pediu mais informações`,
        text: `A Polícia Civil pediu mais informações sobre o seu boletim de ocorrência (protocolo ${row.protocol}):\n\n${input.message}\n\nResponda em Meus serviços, no Portal da Segurança, em até ${POLICE_REPORT_ANSWER_DAYS} dias.\n`,
      };
    } else {
      set = { status: 'refused', answer: input.reason };
      mail = {
        subject: `Delegacia Virtual — protocolo ${row.protocol}: não registrado`,
        text: `A Polícia Civil não registrou seu boletim de ocorrência (protocolo ${row.protocol}) pelos motivos abaixo:\n\n${input.reason}\n`,
      };
    }
    await tx
      .update(policeReports)
      .set({ ...set, decidedBy: who.actor.id, updatedAt: now })
      .where(eq(policeReports.id, id));
    const kind = input.decision === 'validate' ? 'validated' : input.decision === 'request_info' ? 'info_requested' : 'refused';
    const note = input.decision === 'validate' ? null : input.decision === 'request_info' ? input.message : input.reason;
    await tx.insert(policeReportEvents).values({ reportId: id, kind, at: now, by: who.actor.id, note });
    await recordAudit(tx, who.actor, {
      action: `police_report.${kind}`,
      targetType: 'police_report',
      targetId: id,
      ...(input.decision === 'refuse' ? { reason: input.reason } : {}),
      data,
    });
    await notifyCitizen(tx, row, mail);
    return documentId;
  });
  if (documentId) deps.renders.schedule([documentId]);
  return scopedReport(deps.db, scope, id);
}
