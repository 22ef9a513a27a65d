import { createHash, randomUUID } from 'node:crypto';
import type { CameraImportReport } from '@vigia/contracts';
import { inArray } from 'drizzle-orm';
import { cameras } from '../../../db/tables/cameras.js';
import type { AuthContext } from '../../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../../audit/audit.service.js';
import { auditView, type CameraDeps, resolveOwner, sealCredentials, uniqueViolationAsConflict } from '../cameras.service.js';
import { readSpreadsheet } from './spreadsheet-reader.js';
import { endpointProblems, validateSheet } from './validate-import-rows.js';

export interface ImportFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Imports the technician's spreadsheet (SPEC §3.3). All or nothing: every row is validated first
 * (content, MT municipality and point, host + port unique in the file and in the registry); only
 * when every row passes are all cameras created, with their audit rows, in ONE transaction.
 * A refused file leaves the registry untouched and returns the row-by-row report.
 */
export async function importCameras(
  deps: CameraDeps,
  auth: AuthContext,
  actor: AuditActor,
  file: ImportFile,
  opts: { dryRun: boolean; partnerId?: string | undefined },
): Promise<CameraImportReport> {
  const sheet = await readSpreadsheet(file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = file.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'planilha';
  const rows = validateSheet(sheet, { outbound: deps.outbound });

  return uniqueViolationAsConflict(() =>
    deps.db.transaction(async (tx) => {
      const partnerId = await resolveOwner(tx, auth, opts.partnerId);
      const hosts = [...new Set(rows.flatMap((r) => (r.input ? [r.input.host] : [])))];
      const taken = hosts.length
        ? await tx
            .select({ host: cameras.host, rtspPort: cameras.rtspPort, httpPort: cameras.httpPort })
            .from(cameras)
            .where(inArray(cameras.host, hosts))
        : [];
      endpointProblems(rows, taken);

      const refusedCount = rows.filter((r) => r.problems.length > 0).length;
      const base = { format: sheet.format, fileName, sha256, totalRows: rows.length, refusedCount };
      const report = (outcome: CameraImportReport['outcome']): CameraImportReport => ({
        ...base,
        outcome,
        createdCount: 0,
        rows: rows.map((r) => ({
          row: r.row,
          name: r.name,
          outcome: r.problems.length ? 'refused' : 'valid',
          cameraId: null,
          problems: r.problems,
        })),
      });
      if (rows.length === 0) return { ...report('refused'), rows: [] };
      if (refusedCount > 0) return report('refused');
      if (opts.dryRun) return report('validated');

      const values = rows.map((r) => {
        const input = r.input!;
        const id = randomUUID();
        const { credentials, partnerId: _p, ...fields } = input;
        return {
          ...fields,
          id,
          partnerId,
          assetSerial: input.assetSerial ?? null,
          cameraPointId: input.cameraPointId ?? null,
          credentials: credentials ? sealCredentials(deps.keys, id, credentials) : null,
          createdBy: auth.user.id,
        };
      });
      const inserted = await tx.insert(cameras).values(values).returning();
      for (const row of inserted) {
        await recordAudit(tx, actor, {
          action: 'camera.created',
          targetType: 'camera',
          targetId: row.id,
          data: { ...auditView(row), hasCredentials: row.credentials !== null, source: 'import', importSha256: sha256 },
        });
      }
      await recordAudit(tx, actor, {
        action: 'camera.imported',
        targetType: 'partner',
        targetId: partnerId,
        data: { fileName, sha256, format: sheet.format, count: inserted.length, cameraIds: inserted.map((r) => r.id) },
      });
      return {
        ...base,
        outcome: 'imported',
        createdCount: inserted.length,
        rows: rows.map((r, i) => ({ row: r.row, name: r.name, outcome: 'created', cameraId: values[i]!.id, problems: [] })),
      };
    }),
  );
}
