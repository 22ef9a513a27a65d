import { createHash, randomUUID } from 'node:crypto';
import type { CameraImportReport } from '@vigia/contracts';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { cameras } from '../../../db/tables/cameras.js';
import { AppError } from '../../../http/errors.js';
import type { AuthContext } from '../../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../../audit/audit.service.js';
import { auditView, type CameraDeps, resolveOwner, sealCredentials, uniqueViolationAsConflict } from '../cameras.service.js';
import { hasClientData } from './client-columns.js';
import { readSpreadsheet, type Sheet } from './spreadsheet-reader.js';
import { type CandidateRow, endpointProblems, validateSheet } from './validate-import-rows.js';

export interface ImportFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The client part of an integrator's import (issue 18), supplied by the integrators module so this
 * module never depends on it. Every step runs in the import's one transaction.
 */
export interface ClientImport {
  /** The integrator company (target of the import's audit row). */
  companyId: string;
  /** Adds the client-column problems to the rows (pure and registry checks). */
  validate(tx: Tx, sheet: Sheet, rows: CandidateRow[]): Promise<void>;
  /** Creates or links the clients; returns the owner (client partner) of each row's camera. */
  owners(tx: Tx): Promise<string[]>;
  /** After the cameras are inserted: the company manages them and each client is asked to consent. */
  finish(tx: Tx, cameraIds: string[]): Promise<void>;
  /** Report extras: the client of each row, its consent, and the clients of the file. */
  rowExtras(index: number): Pick<CameraImportReport['rows'][number], 'client' | 'consent'>;
  clients(): NonNullable<CameraImportReport['clients']>;
}

/**
 * Imports the technician's spreadsheet (SPEC §3.3). All or nothing: every row is validated first
 * (content, MT municipality and point, host + port unique in the file and in the registry); only
 * when every row passes are all cameras created, with their audit rows, in ONE transaction.
 * A refused file leaves the registry untouched and returns the row-by-row report.
 * With `clientImport` (an integrator's spreadsheet with client columns, issue 18) the clients are
 * created or linked and asked to consent in the same transaction; without it, a sheet that fills
 * client columns is refused.
 */
export async function importCameras(
  deps: CameraDeps,
  auth: AuthContext,
  actor: AuditActor,
  file: ImportFile,
  opts: { dryRun: boolean; partnerId?: string | undefined },
  clientImport?: ClientImport,
): Promise<CameraImportReport> {
  const sheet = await readSpreadsheet(file.bytes);
  if (!clientImport && hasClientData(sheet)) throw new AppError('IMPORT_CLIENTS_INTEGRATOR_ONLY');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = file.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'planilha';
  const rows = validateSheet(sheet, { outbound: deps.outbound });

  return uniqueViolationAsConflict(() =>
    deps.db.transaction(async (tx) => {
      const partnerId = clientImport ? null : await resolveOwner(tx, auth, opts.partnerId);
      if (clientImport) await clientImport.validate(tx, sheet, rows);
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
      const extras = (i: number) => clientImport?.rowExtras(i) ?? {};
      const report = (outcome: CameraImportReport['outcome']): CameraImportReport => ({
        ...base,
        outcome,
        createdCount: 0,
        rows: rows.map((r, i) => ({
          row: r.row,
          name: r.name,
          outcome: r.problems.length ? 'refused' : 'valid',
          cameraId: null,
          problems: r.problems,
          ...extras(i),
        })),
        ...(clientImport ? { clients: clientImport.clients() } : {}),
      });
      if (rows.length === 0) return { ...report('refused'), rows: [] };
      if (refusedCount > 0) return report('refused');
      if (opts.dryRun) return report('validated');

      const owners = clientImport ? await clientImport.owners(tx) : rows.map(() => partnerId!);
      const values = rows.map((r, i) => {
        const input = r.input!;
        const id = randomUUID();
        const { credentials, partnerId: _p, ...fields } = input;
        return {
          ...fields,
          id,
          partnerId: owners[i]!,
          assetSerial: input.assetSerial ?? null,
          cameraPointId: input.cameraPointId ?? null,
          credentials: credentials ? sealCredentials(deps.keys, id, credentials) : null,
          createdBy: auth.user.id,
        };
      });
      const inserted = await tx.insert(cameras).values(values).returning();
      if (clientImport)
        await clientImport.finish(
          tx,
          values.map((v) => v.id),
        );
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
        targetId: partnerId ?? clientImport!.companyId,
        data: { fileName, sha256, format: sheet.format, count: inserted.length, cameraIds: inserted.map((r) => r.id) },
      });
      return {
        ...base,
        outcome: 'imported',
        createdCount: inserted.length,
        rows: rows.map((r, i) => ({ row: r.row, name: r.name, outcome: 'created', cameraId: values[i]!.id, problems: [], ...extras(i) })),
        ...(clientImport ? { clients: clientImport.clients() } : {}),
      };
    }),
  );
}
