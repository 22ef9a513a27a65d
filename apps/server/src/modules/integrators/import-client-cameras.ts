import { type CameraImportReport, clientImportColumns } from '@vigia/contracts';
import { inArray } from 'drizzle-orm';
import { integratorCameras } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import type { AuditActor } from '../audit/audit.service.js';
import { type ClientOfRow, mapClientColumns, validateClientRows } from '../cameras/import/client-columns.js';
import { type ClientImport, type ImportFile, importCameras } from '../cameras/import/import-cameras.js';
import { addClient, type IntegratorDeps, integratorCompanyId } from './portfolio.js';
import { requestConsentIn } from './request-consent.js';

/**
 * An integrator's spreadsheet of clients and their cameras (issue 18; Art. 15; seed 002 BH + Segura):
 * the camera import (same template, validation and row-by-row report, all or nothing) with the client
 * columns in front. In ONE transaction: each client is created or linked (an existing CPF/CNPJ is
 * linked, as `addClient` does), its cameras are registered as managed by the company, and the client
 * is asked to consent by the e-mailed link (consent "pending"; the cameras stream only once it
 * confirms). The company's own cameras go through the plain camera import (no client columns).
 */
export async function importClientCameras(
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  file: ImportFile,
  opts: { dryRun: boolean },
): Promise<CameraImportReport> {
  const company = integratorCompanyId(auth);
  let clientOf: (ClientOfRow | null)[] = [];
  let municipalityOf: (string | null)[] = [];
  const partnerIds = new Map<string, { partnerId: string; created: boolean }>();
  const consentIds = new Map<string, string>();
  const existing = new Map<string, { id: string; email: string | null }>();

  const clientImport: ClientImport = {
    companyId: company,
    async validate(tx, sheet, rows) {
      const columns = mapClientColumns(sheet.header);
      const missing = clientImportColumns.filter((c) => !columns.has(c.key));
      if (missing.length > 0)
        throw new AppError(
          'CAMERA_IMPORT_COLUMNS',
          `Faltam as colunas de cliente do modelo da integradora: ${missing.map((c) => c.header).join('; ')}. Câmeras próprias da empresa vão pela importação de câmeras.`,
          missing.map((c) => ({ path: c.key, message: `Coluna "${c.header}" não encontrada.` })),
        );
      clientOf = validateClientRows(sheet, rows);
      municipalityOf = rows.map((r) => r.input?.municipalityIbge ?? null);
      const documents = [...new Set(clientOf.flatMap((c) => (c ? [c.document] : [])))];
      const found = documents.length
        ? await tx
            .select({ id: partners.id, document: partners.document, email: partners.email })
            .from(partners)
            .where(inArray(partners.document, documents))
        : [];
      for (const p of found) existing.set(p.document, { id: p.id, email: p.email });
      rows.forEach((r, i) => {
        const c = clientOf[i];
        if (!c) return;
        const known = existing.get(c.document);
        if (known?.id === company) {
          r.problems.push({
            column: 'CPF ou CNPJ do cliente',
            code: 'IMPORT_CLIENT_IS_COMPANY',
            message: 'Este é o CNPJ da própria empresa: câmeras próprias vão em uma planilha sem as colunas de cliente.',
          });
          r.input = null;
        } else if (known && !known.email) {
          r.problems.push({
            column: 'CPF ou CNPJ do cliente',
            code: 'IMPORT_CLIENT_EMAIL_ON_RECORD_MISSING',
            message:
              'Este CPF/CNPJ já está cadastrado no programa sem e-mail: o link de autorização não teria para onde ir. Peça ao cliente que cadastre o e-mail.',
          });
          r.input = null;
        }
      });
    },
    async owners(tx) {
      const owners: string[] = [];
      for (const [i, c] of clientOf.entries()) {
        let hit = partnerIds.get(c!.document);
        if (!hit) {
          const partnerId = await addClient(tx, auth, actor, { ...c!, municipalityIbge: municipalityOf[i]! });
          hit = { partnerId, created: !existing.has(c!.document) };
          partnerIds.set(c!.document, hit);
        }
        owners.push(hit.partnerId);
      }
      return owners;
    },
    async finish(tx, cameraIds) {
      await tx.insert(integratorCameras).values(cameraIds.map((cameraId) => ({ cameraId, integratorPartnerId: company })));
      for (const [document, { partnerId }] of partnerIds) {
        const ids = cameraIds.filter((_, i) => clientOf[i]!.document === document);
        consentIds.set(document, await requestConsentIn(tx, deps, auth, actor, partnerId, { cameraIds: ids, means: 'email_link' }));
      }
    },
    rowExtras(i) {
      const c = clientOf[i];
      return { client: c?.name ?? null, consent: c && consentIds.has(c.document) ? 'pending' : null };
    },
    clients() {
      const byDocument = new Map<string, NonNullable<CameraImportReport['clients']>[number]>();
      for (const c of clientOf) {
        if (!c) continue;
        const entry = byDocument.get(c.document) ?? {
          name: c.name,
          document: c.document,
          email: existing.get(c.document)?.email ?? c.email,
          partnerId: partnerIds.get(c.document)?.partnerId ?? existing.get(c.document)?.id ?? null,
          created: partnerIds.get(c.document)?.created ?? null,
          cameraCount: 0,
          consentId: consentIds.get(c.document) ?? null,
        };
        entry.cameraCount++;
        byDocument.set(c.document, entry);
      }
      return [...byDocument.values()];
    },
  };

  return importCameras(deps, auth, actor, file, { dryRun: opts.dryRun }, clientImport);
}
