import {
  meetsLevel,
  type PoliceReport,
  type PoliceReportContent,
  type PoliceReportKind,
  PROTECTIVE_MEASURE_HOURS,
  policeReportLevel,
  policeReportProblems,
  REPRESENTATION_MONTHS,
  representationKinds,
} from '@vigia/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { storedFiles } from '../../db/tables/files.js';
import { policeReportEvents, policeReports } from '../../db/tables/police-reports.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';
import { isInsideMatoGrosso } from '../reference/state-outline.js';
import { notifyCitizen } from './notify-citizen.js';
import {
  DAY_MS,
  HOUR_MS,
  POLICE_REPORT_ANALYSIS_DAYS,
  POLICE_REPORT_FILE_MAX_BYTES,
  POLICE_REPORT_FILE_TYPES,
  POLICE_REPORTS_PER_DAY,
  type PoliceReportDeps,
  type ReportRow,
} from './police-report-deps.js';
import { ownReport, ownReportRow } from './police-report-queries.js';
import { nearestStation, stationById } from './police-stations.js';

function requireLevel(who: CitizenContext, kind: PoliceReportKind) {
  const need = policeReportLevel(kind);
  if (!meetsLevel(who.citizen.level, need)) throw new AppError('CITIZEN_LEVEL_TOO_LOW');
}

/** The point, when given, is inside Mato Grosso (the state outline) — told at the step that sets it. */
function checkPlace(c: PoliceReportContent) {
  if (c.latitude !== null && c.longitude !== null && !isInsideMatoGrosso(c.latitude, c.longitude))
    throw new AppError('POLICE_REPORT_OUTSIDE_MT');
}

/** Station chosen by the citizen (any kind; required for a pre-registration), checked against the directory. */
async function stationFields(deps: PoliceReportDeps, stationId: string | null) {
  if (!stationId) return { stationId: null, municipalityIbge: null };
  const station = await stationById(deps.db, stationId);
  return { stationId: station.id, municipalityIbge: station.municipalityIbge };
}

/**
 * Step 1 of the wizard: the kind (and the station, for a pre-registration). The draft is saved at
 * once with its protocol, so the citizen can quote it and come back to it. A missing-person report
 * is never limited (Lei 13.812/2019); other kinds at most POLICE_REPORTS_PER_DAY a day.
 */
export async function startReport(
  deps: PoliceReportDeps,
  who: CitizenContext,
  actor: AuditActor,
  input: { kind: PoliceReportKind; stationId: string | null; content: PoliceReportContent },
): Promise<PoliceReport> {
  requireLevel(who, input.kind);
  checkPlace(input.content);
  const station = await stationFields(deps, input.stationId);
  if (input.kind !== 'missing_person') {
    const limit = await hitRateLimit(deps.db, 'police-report', who.citizen.id, { max: POLICE_REPORTS_PER_DAY, windowMs: DAY_MS });
    if (!limit.allowed)
      throw new AppError('RATE_LIMITED', 'Limite diário de boletins de ocorrência iniciados atingido. Tente novamente amanhã.');
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(policeReports)
      .values({
        protocol: newCitizenProtocol('DV', now),
        citizenId: who.citizen.id,
        kind: input.kind,
        status: 'draft',
        ...station,
        content: input.content,
        urgent: input.kind === 'missing_person',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'police_report.started',
      targetType: 'police_report',
      targetId: row!.id,
      data: { protocol: row!.protocol, kind: input.kind },
    });
    return row!.id;
  });
  return ownReport(deps.db, who.citizen.id, id);
}

/** A later step of the wizard: saves what the citizen has so far (a draft only). */
export async function saveReportDraft(
  deps: PoliceReportDeps,
  who: CitizenContext,
  id: string,
  input: { stationId: string | null; content: PoliceReportContent },
): Promise<PoliceReport> {
  checkPlace(input.content);
  const station = await stationFields(deps, input.stationId);
  await deps.db.transaction(async (tx) => {
    const row = await ownReportRow(tx, who.citizen.id, id, true);
    if (row.status !== 'draft') throw new AppError('POLICE_REPORT_NOT_EDITABLE');
    await tx
      .update(policeReports)
      .set({ ...station, content: input.content, updatedAt: deps.clock.now() })
      .where(eq(policeReports.id, id));
  });
  return ownReport(deps.db, who.citizen.id, id);
}

/** Attachments and the missing person's photo: the citizen's own uploads, of the allowed types and size. */
async function checkFiles(deps: PoliceReportDeps, who: CitizenContext, c: PoliceReportContent) {
  const ids = [...c.attachmentFileIds, ...(c.missingPerson?.photoFileId ? [c.missingPerson.photoFileId] : [])];
  if (new Set(ids).size !== ids.length)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'attachmentFileIds', message: 'O mesmo arquivo foi anexado mais de uma vez.' },
    ]);
  if (!ids.length) return;
  const files = await deps.db
    .select()
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, ids), eq(storedFiles.uploadedBy, who.citizen.id)));
  if (files.length !== ids.length) throw new AppError('NOT_FOUND', 'Anexo não encontrado entre os seus envios.');
  if (files.some((f) => !POLICE_REPORT_FILE_TYPES.includes(f.mediaType)))
    throw new AppError('FILE_TYPE_NOT_ALLOWED', 'Os anexos do boletim de ocorrência devem ser JPEG, PNG ou PDF.');
  if (files.some((f) => f.sizeBytes > POLICE_REPORT_FILE_MAX_BYTES))
    throw new AppError('PAYLOAD_TOO_LARGE', 'Cada anexo do boletim de ocorrência deve ter no máximo 10 MB.');
}

const addMonths = (d: Date, months: number) => {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
};

/**
 * The clocks a submitted report carries:
 * - missing person (Lei 13.812/2019, art. 3): received at once, at any hour, with no waiting
 *   period — urgent, due now, at the top of every queue;
 * - threat and crimes against honour (CPP art. 38): the 6 months to represent, shown to the citizen
 *   (counted from the fact; the law counts from when the author became known, which the citizen may
 *   know only later — the notice says so);
 * - domestic violence with protective measures asked for (Lei 11.340 art. 12 III): 48 hours for the
 *   police to forward the request to the judge.
 */
export function clocksOf(row: Pick<ReportRow, 'kind'>, c: PoliceReportContent, now: Date) {
  const urgent = row.kind === 'missing_person';
  return {
    urgent,
    deadlineAt: urgent ? now : new Date(now.getTime() + POLICE_REPORT_ANALYSIS_DAYS * DAY_MS),
    representationDeadlineAt:
      representationKinds.includes(row.kind) && c.occurredAt ? addMonths(new Date(c.occurredAt), REPRESENTATION_MONTHS) : null,
    protectiveMeasureDueAt: c.domesticViolence?.protectiveMeasuresRequested
      ? new Date(now.getTime() + PROTECTIVE_MEASURE_HOURS * HOUR_MS)
      : null,
  };
}

/**
 * The last step: everything the kind requires (policeReportProblems), the date not in the future,
 * the point inside Mato Grosso, the files the citizen's own. The report goes to the chosen station
 * or the one nearest to the place of the fact, with its clocks; history, audit and the citizen's
 * receipt by e-mail in one transaction.
 */
export async function submitReport(deps: PoliceReportDeps, who: CitizenContext, actor: AuditActor, id: string): Promise<PoliceReport> {
  const current = await ownReportRow(deps.db, who.citizen.id, id);
  requireLevel(who, current.kind);
  if (current.status !== 'draft') throw new AppError('POLICE_REPORT_NOT_EDITABLE');
  const c = current.content;
  const problems = policeReportProblems(current.kind, current.stationId, c);
  if (problems.length) throw new AppError('POLICE_REPORT_INCOMPLETE', undefined, problems);
  const now = deps.clock.now();
  if (new Date(c.occurredAt!).getTime() > now.getTime())
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'occurredAt', message: 'A data e a hora do fato não podem estar no futuro.' },
    ]);
  checkPlace(c);
  await checkFiles(deps, who, c);
  const station = current.stationId ? null : await nearestStation(deps.db, c.latitude!, c.longitude!);
  await deps.db.transaction(async (tx) => {
    const row = await ownReportRow(tx, who.citizen.id, id, true);
    if (row.status !== 'draft') throw new AppError('POLICE_REPORT_NOT_EDITABLE');
    const clocks = clocksOf(row, c, now);
    await tx
      .update(policeReports)
      .set({
        status: 'submitted',
        ...(station ? { stationId: station.id, municipalityIbge: station.municipalityIbge } : {}),
        ...clocks,
        submittedAt: now,
        updatedAt: now,
      })
      .where(eq(policeReports.id, id));
    await tx.insert(policeReportEvents).values({ reportId: id, kind: 'submitted', at: now, note: clocks.urgent ? 'urgente' : null });
    await recordAudit(tx, actor, {
      action: 'police_report.submitted',
      targetType: 'police_report',
      targetId: id,
      data: {
        protocol: row.protocol,
        kind: row.kind,
        urgent: clocks.urgent,
        stationId: station?.id ?? row.stationId,
        protectiveMeasure: !!clocks.protectiveMeasureDueAt,
      },
    });
    await notifyCitizen(tx, row, {
      subject: `Delegacia Virtual — protocolo ${row.protocol}: recebido`,
      text: `Seu boletim de ocorrência (protocolo ${row.protocol}) foi recebido pela Polícia Civil e está em análise.\n\nAcompanhe em Meus serviços, no Portal da Segurança.\n`,
    });
  });
  return ownReport(deps.db, who.citizen.id, id);
}
