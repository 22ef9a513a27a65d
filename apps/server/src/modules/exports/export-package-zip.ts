import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/tables/audit.js';
import { exportJobs } from '../../db/tables/exports.js';
import { AppError } from '../../http/errors.js';
import { exportsDir } from './export-jobs.js';
import { type ZipEntry, zipStream } from './export-package.js';
import { loadExportSigningKey, signManifest } from './export-signing.js';
import { CUSTODY_FILE, CUSTODY_SIG } from './verify-export-package.js';

const fmt = (d: Date) => `${d.toISOString()} (${d.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' })}, Cuiabá)`;

/** Where packages live and the key that signs them (from configuration). */
export interface ExportFiles {
  dataDir: string;
  signingKey: string | undefined;
}

/** A package ready to stream: the route sends it (http/send-file.ts sendZip). */
export interface ExportZip {
  filename: string;
  stream: Readable;
}

/**
 * The package as a ZIP: the built files plus the chain-of-custody log (request, build and every
 * download so far, this one included, read from the audit trail), signed with the export key.
 */
export async function exportPackageZip(db: Db, files: ExportFiles, exportId: string): Promise<ExportZip> {
  const [job] = await db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
  if (!job || job.status !== 'ready' || !job.packageKey) throw new AppError('EXPORT_NOT_READY');
  const dir = path.join(exportsDir(files.dataDir), job.packageKey);
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      or(and(eq(auditEvents.targetType, 'export'), eq(auditEvents.targetId, job.id)), sql`${auditEvents.data}->>'exportId' = ${job.id}`),
    )
    .orderBy(asc(auditEvents.seq));
  const label: Record<string, string> = {
    'export.requested': 'Solicitado',
    'export.built': 'Montado',
    'export.downloaded': 'Baixado',
    'release_delivery.downloaded': 'Baixado (entrega de cessão)',
  };
  const lines = [
    'VIGIA MAIS MT — CADEIA DE CUSTÓDIA',
    `Pacote: ${job.id}`,
    `Câmeras: ${job.cameraIds.join(', ')}`,
    `Período (UTC): ${job.fromAt.toISOString()} a ${job.toAt.toISOString()}`,
    `Motivo: ${job.reason}${job.caseNumber ? ` — processo ${job.caseNumber}` : ''}`,
    '',
    ...(events.some((e) => e.action === 'export.requested') ? [] : [`${fmt(job.createdAt)} — Solicitado por ${job.requestedByLabel}`]),
    ...events
      .filter((e) => label[e.action])
      .map(
        (e) =>
          `${fmt(e.at)} — ${label[e.action]} por ${e.actorLabel ?? e.origin ?? 'sistema'}${e.action === 'export.built' ? ` (${e.origin})` : ''} [auditoria nº ${e.seq}]`,
      ),
    '',
  ];
  const custody = Buffer.from(lines.join('\n'));
  const key = await loadExportSigningKey({ envKey: files.signingKey, dataDir: files.dataDir });
  const names = (await fs.readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  const entries: ZipEntry[] = [
    ...names.map((n) => ({ name: n, file: path.join(dir, n) })),
    { name: CUSTODY_FILE, data: custody },
    { name: CUSTODY_SIG, data: Buffer.from(signManifest(key.privateKey, custody) + '\n') },
  ];
  const folder = `exportacao-${job.id.slice(0, 8)}`;
  return { filename: `${folder}.zip`, stream: zipStream(folder, entries) };
}
