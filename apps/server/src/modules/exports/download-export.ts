import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exportJobs } from '../../db/tables/exports.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { readScope } from './export-jobs.js';
import { type ExportFiles, type ExportZip, exportPackageZip } from './export-package-zip.js';

/** Operator/admin download of an own export: audited, counted, streamed. */
export async function downloadExport(db: Db, files: ExportFiles, who: Acting, id: string): Promise<ExportZip> {
  const [job] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), readScope(who.auth)))
    .limit(1);
  if (!job || job.releaseDeliveryId) throw new AppError('NOT_FOUND', 'Exportação não encontrada.');
  if (job.status !== 'ready') throw new AppError('EXPORT_NOT_READY');
  await db.transaction(async (tx) => {
    await tx
      .update(exportJobs)
      .set({ downloads: sql`${exportJobs.downloads} + 1` })
      .where(eq(exportJobs.id, id));
    await recordAudit(tx, who.actor, { action: 'export.downloaded', targetType: 'export', targetId: id, data: { exportId: id } });
  });
  return exportPackageZip(db, files, id);
}
