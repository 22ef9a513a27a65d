import type { PoliceReport, PoliceReportVerification } from '@vigia/contracts';
import { policeReportKindLabels } from '@vigia/contracts';
import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import { policeReportEvents, policeReportMessages, policeReports } from '../../db/tables/police-reports.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';
import { type ReportRow, toReport } from './police-report-deps.js';
import type { OfficerScope } from './police-scope.js';
import { stationsByIds } from './police-stations.js';

async function assemble(db: Queryable, rows: ReportRow[], view: 'owner' | 'staff'): Promise<PoliceReport[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const fileIds = rows.flatMap((r) => [
    ...(r.content.attachmentFileIds ?? []),
    ...(r.content.missingPerson?.photoFileId ? [r.content.missingPerson.photoFileId] : []),
  ]);
  const docIds = rows.map((r) => r.documentId).filter((d): d is string => !!d);
  const [messages, events, people, files, docs, stations] = await Promise.all([
    db.select().from(policeReportMessages).where(inArray(policeReportMessages.reportId, ids)).orderBy(asc(policeReportMessages.at)),
    db.select().from(policeReportEvents).where(inArray(policeReportEvents.reportId, ids)).orderBy(asc(policeReportEvents.at)),
    db
      .select({ id: citizens.id, name: citizens.name, cpf: citizens.cpf })
      .from(citizens)
      .where(
        inArray(
          citizens.id,
          rows.map((r) => r.citizenId),
        ),
      ),
    fileIds.length
      ? db.select({ id: storedFiles.id, originalName: storedFiles.originalName }).from(storedFiles).where(inArray(storedFiles.id, fileIds))
      : [],
    docIds.length
      ? db
          .select({ id: generatedDocuments.id, sha256: generatedDocuments.sha256 })
          .from(generatedDocuments)
          .where(inArray(generatedDocuments.id, docIds))
      : [],
    stationsByIds(
      db,
      rows.map((r) => r.stationId).filter((s): s is string => !!s),
    ),
  ]);
  return rows.map((r) => {
    const reporter = people.find((p) => p.id === r.citizenId) ?? { name: '', cpf: '' };
    const own = [
      ...(r.content.attachmentFileIds ?? []),
      ...(r.content.missingPerson?.photoFileId ? [r.content.missingPerson.photoFileId] : []),
    ];
    return toReport(
      r,
      {
        station: r.stationId ? (stations.get(r.stationId) ?? null) : null,
        reporter,
        attachments: own.map((id) => files.find((f) => f.id === id)).filter((f) => !!f),
        messages: messages.filter((m) => m.reportId === r.id),
        events: events.filter((e) => e.reportId === r.id),
        pdfReady: !!docs.find((d) => d.id === r.documentId)?.sha256,
      },
      view,
    );
  });
}

export async function reportOf(db: Queryable, id: string, view: 'owner' | 'staff'): Promise<PoliceReport> {
  const rows = await db.select().from(policeReports).where(eq(policeReports.id, id));
  const [one] = await assemble(db, rows, view);
  if (!one) throw new AppError('POLICE_REPORT_NOT_FOUND');
  return one;
}

/** The citizen's own reports, newest first. */
export async function reportsOf(db: Queryable, citizenId: string): Promise<PoliceReport[]> {
  const rows = await db
    .select()
    .from(policeReports)
    .where(eq(policeReports.citizenId, citizenId))
    .orderBy(desc(policeReports.createdAt))
    .limit(200);
  return assemble(db, rows, 'owner');
}

/** One of the citizen's own reports, the row (someone else's: 404, never 403). */
export async function ownReportRow(db: Queryable, citizenId: string, id: string, lock = false): Promise<ReportRow> {
  const q = db
    .select()
    .from(policeReports)
    .where(and(eq(policeReports.id, id), eq(policeReports.citizenId, citizenId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('POLICE_REPORT_NOT_FOUND');
  return row;
}

export async function ownReport(db: Queryable, citizenId: string, id: string): Promise<PoliceReport> {
  const row = await ownReportRow(db, citizenId, id);
  return (await assemble(db, [row], 'owner'))[0]!;
}

/** Where an officer's scope reaches: unscoped, every report; scoped, reports of its municipalities' stations. */
export const inScope = (scope: OfficerScope): SQL | undefined =>
  scope.municipalities === null
    ? undefined
    : inArray(policeReports.municipalityIbge, scope.municipalities.length ? scope.municipalities : ['-']);

/** A report row inside the officer's scope (outside: 404). */
export async function scopedReportRow(db: Queryable, scope: OfficerScope, id: string, lock = false): Promise<ReportRow> {
  const q = db
    .select()
    .from(policeReports)
    .where(and(eq(policeReports.id, id), inScope(scope), ne(policeReports.status, 'draft')));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('POLICE_REPORT_NOT_FOUND');
  return row;
}

export async function scopedReport(db: Queryable, scope: OfficerScope, id: string): Promise<PoliceReport> {
  const row = await scopedReportRow(db, scope, id);
  return (await assemble(db, [row], 'staff'))[0]!;
}

/**
 * A station's queue: open reports (awaiting the police or the citizen) inside the officer's scope,
 * urgent first (missing persons), then the protective-measure clock, then the oldest deadline.
 * `stationId` filters one station; `state: 'validated'` lists the registered reports instead, newest
 * first (where a vehicle recovery is recorded). A report no station received (the directory had none) is seen
 * only by an unscoped officer.
 */
export async function reportQueue(
  db: Queryable,
  scope: OfficerScope,
  stationId: string | null,
  state: 'open' | 'validated' = 'open',
): Promise<PoliceReport[]> {
  const rows = await db
    .select()
    .from(policeReports)
    .where(
      and(
        state === 'open' ? inArray(policeReports.status, ['submitted', 'info_requested']) : eq(policeReports.status, 'validated'),
        inScope(scope),
        stationId ? eq(policeReports.stationId, stationId) : undefined,
      ),
    )
    .orderBy(
      ...(state === 'open'
        ? [desc(policeReports.urgent), asc(policeReports.protectiveMeasureDueAt), asc(policeReports.deadlineAt)]
        : [desc(policeReports.validatedAt)]),
    )
    .limit(500);
  return assemble(db, rows, 'staff');
}

/** The PDF of one of the citizen's own reports; null while it is still being rendered. */
export async function reportPdfOf(db: Queryable, storage: FileStorage, citizenId: string, id: string): Promise<FileDownload | null> {
  const [row] = await db
    .select({ number: policeReports.reportNumber, doc: generatedDocuments })
    .from(policeReports)
    .innerJoin(generatedDocuments, eq(generatedDocuments.id, policeReports.documentId))
    .where(and(eq(policeReports.id, id), eq(policeReports.citizenId, citizenId)));
  if (!row) throw new AppError('POLICE_REPORT_NOT_FOUND', 'Nenhum boletim de ocorrência emitido seu com este identificador.');
  if (row.doc.sha256 === null) return null;
  return {
    data: await storage.read(row.doc.storageKey),
    mediaType: 'application/pdf',
    filename: `boletim-ocorrencia-${row.number}.pdf`,
  };
}

/** Public authentication by code: number, kind, station and date — nothing personal. */
export async function verifyPoliceReport(db: Queryable, code: string): Promise<PoliceReportVerification> {
  const [row] = await db.select().from(policeReports).where(eq(policeReports.code, code)).limit(1);
  if (!row || row.status !== 'validated' || !row.reportNumber || !row.validatedAt)
    throw new AppError('POLICE_REPORT_CERTIFICATE_NOT_FOUND');
  const station = row.stationId ? (await stationsByIds(db, [row.stationId])).get(row.stationId) : undefined;
  return {
    code,
    reportNumber: row.reportNumber,
    kindLabel: policeReportKindLabels[row.kind],
    station: station ? `${station.name} — ${station.municipality}` : null,
    registeredAt: row.validatedAt.toISOString(),
  };
}
