import type { PoliceReport } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { storedFiles } from '../../db/tables/files.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PoliceReportDeps } from './police-report-deps.js';
import { reportQueue, scopedReport, scopedReportRow } from './police-report-queries.js';
import { officerScope } from './police-scope.js';

/** The officer's queue (audited with the count: it lists citizens' names). */
export async function staffQueue(
  deps: PoliceReportDeps,
  who: Acting,
  stationId: string | null,
  state: 'open' | 'validated',
): Promise<PoliceReport[]> {
  const reports = await reportQueue(deps.db, officerScope(who), stationId, state);
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, { action: 'police_report.queue_viewed', data: { stationId, state, count: reports.length } }),
  );
  return reports;
}

/** An officer opens a report of their scope (else 404): audited. */
export async function staffReport(deps: PoliceReportDeps, who: Acting, id: string): Promise<PoliceReport> {
  const view = await scopedReport(deps.db, officerScope(who), id);
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'police_report.viewed',
      targetType: 'police_report',
      targetId: id,
      data: { protocol: view.protocol },
    }),
  );
  return view;
}

/** An attachment of a report of the officer's scope (only a file the report carries): audited. */
export async function staffAttachment(deps: PoliceReportDeps, who: Acting, id: string, fileId: string): Promise<FileDownload> {
  const row = await scopedReportRow(deps.db, officerScope(who), id);
  const own = [
    ...row.content.attachmentFileIds,
    ...(row.content.missingPerson?.photoFileId ? [row.content.missingPerson.photoFileId] : []),
  ];
  const [file] = own.includes(fileId) ? await deps.db.select().from(storedFiles).where(eq(storedFiles.id, fileId)) : [];
  if (!file) throw new AppError('NOT_FOUND', 'Anexo não encontrado neste boletim.');
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, { action: 'police_report.attachment_viewed', targetType: 'police_report', targetId: id, data: { fileId } }),
  );
  return { data: await deps.storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}
