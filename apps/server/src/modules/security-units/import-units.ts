import {
  type SecurityUnitKind,
  securityUnitColumns,
  securityUnitKindLabels,
  securityUnitKinds,
  securityUnitKindWords,
} from '@vigia/contracts';
import type { Db } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { readSpreadsheet, type SheetRow } from '../cameras/import/spreadsheet-reader.js';
import { headerKey } from '../cameras/import/validate-import-rows.js';
import { columnTemplate, filledRows, mapHeader, rowReader, type SheetProblem, sortProblems } from '../spreadsheets/column-sheet.js';
import { toUnit } from './unit-view.js';

type Row = Omit<typeof securityUnits.$inferInsert, 'createdAt' | 'updatedAt'>;
/** Above the camera import's 500: the whole state's directory goes in one file (the container allows 5,000 rows). */
const MAX_ROWS = 2000;

/** "Delegacia", "Delegacia da Polícia Civil" (the export's label) or "delegacia-de-policia" all name a kind. */
const kindByWord = new Map<string, SecurityUnitKind>([
  ...Object.entries(securityUnitKindWords),
  ...securityUnitKinds.map((k) => [headerKey(securityUnitKindLabels[k]).replace(/ /g, '-'), k] as [string, SecurityUnitKind]),
]);
const splitList = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Validates the whole sheet: every problem of every row, by row and column (column-sheet.ts). Any
 * problem refuses the whole file. Columns the template does not know (the export's "Código IBGE",
 * "ID") are ignored; the apostrophe the export puts before formula-like text is removed.
 */
export function validateUnitsSheet(header: string[], rows: SheetRow[]): { units: Row[]; problems: SheetProblem[] } {
  const { index, problems } = mapHeader(securityUnitColumns, header);
  if (problems.length) return { units: [], problems };
  const filled = filledRows(rows);
  // The empty template would wipe the public directory: refused (remove units one by one instead).
  if (!filled.length) problems.push({ path: 'rows', message: 'A planilha não tem nenhuma linha preenchida.' });
  const units: Row[] = [];
  for (const r of filled) {
    const read = rowReader(securityUnitColumns, index, r, problems, (text) => text.replace(/^'(?=[=+@-])/, ''));
    const kindText = read.cell('kind');
    const kind = kindByWord.get(headerKey(kindText).replace(/ /g, '-'));
    if (kindText && !kind)
      read.problem('kind', 'use Batalhão PM, Companhia PM, Delegacia, Politec, Bombeiros, Base comunitária ou Diretoria.');
    const name = read.cell('name');
    const address = read.cell('address');
    const { found } = read.municipality('municipality');
    const phones = splitList(read.cell('phones'));
    const hours = read.cell('hours');
    const services = splitList(read.cell('services'));
    const { latitude, longitude } = read.point('latitude', 'longitude');
    const source = read.cell('source');
    units.push({
      kind: kind ?? 'directorate',
      name,
      address,
      municipalityIbge: found?.ibgeCode ?? '',
      phones,
      hours,
      services,
      latitude,
      longitude,
      source,
      illustrative: false,
    });
  }
  return { units, problems: sortProblems(problems, securityUnitColumns) };
}

/**
 * Administrator import (CSV or XLSX, the template's columns): the whole file is validated first;
 * any problem refuses it (SECURITY_UNIT_IMPORT_INVALID, every problem in `details`) and nothing is
 * written; otherwise the directory is replaced in one transaction with one audit row that keeps
 * the whole directory before and after. A sheet with no filled row is refused.
 */
export async function importUnits(deps: { db: Db; clock: Clock }, actor: AuditActor, bytes: Buffer): Promise<{ imported: number }> {
  const sheet = await readSpreadsheet(bytes, { maxRows: MAX_ROWS });
  const { units, problems } = validateUnitsSheet(sheet.header, sheet.rows);
  if (problems.length) throw new AppError('SECURITY_UNIT_IMPORT_INVALID', undefined, problems.slice(0, 200));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const removed = await tx.delete(securityUnits).returning();
    const inserted = await tx
      .insert(securityUnits)
      .values(units.map((u) => ({ ...u, createdAt: now, updatedAt: now })))
      .returning();
    // The whole directory before and after: an import is rare and the list is small (≤ 2,000 units).
    await recordAudit(tx, actor, {
      action: 'security_unit.imported',
      targetType: 'security_unit',
      targetId: null,
      data: { format: sheet.format, before: removed.map(toUnit), after: inserted.map(toUnit) },
    });
  });
  return { imported: units.length };
}

/** The import template (CSV or XLSX with notes and instructions). */
export const unitsTemplate = (format: 'csv' | 'xlsx'): Promise<Buffer> =>
  columnTemplate(format, securityUnitColumns, {
    sheet: 'Unidades',
    notes: [
      'Uma unidade por linha. Informe a fonte de cada dado. A importação substitui a lista inteira.',
      'Se alguma linha tiver problema, nada é importado: a resposta indica cada linha, a coluna e o motivo.',
    ],
  });
