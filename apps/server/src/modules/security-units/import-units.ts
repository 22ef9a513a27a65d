import {
  type SecurityUnitColumnKey,
  type SecurityUnitKind,
  securityUnitColumns,
  securityUnitKindLabels,
  securityUnitKinds,
  securityUnitKindWords,
} from '@vigia/contracts';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { readSpreadsheet, type SheetRow } from '../cameras/import/spreadsheet-reader.js';
import { headerKey, parseDecimal } from '../cameras/import/validate-import-rows.js';
import { findMunicipality, isInsideMatoGrosso } from '../reference/index.js';

type Row = Omit<typeof securityUnits.$inferInsert, 'createdAt' | 'updatedAt'>;
type Problem = { path: string; message: string };
const MAX_CHARS = 255;
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
 * Validates the whole sheet: every problem of every row, each with a path `row.<n>.<column>` (or
 * `header.<column>`) and a pt-BR message, ordered by row then template column. Any problem refuses
 * the whole file. Columns the template does not know (the export's "Código IBGE", "ID") are ignored.
 */
export function validateUnitsSheet(header: string[], rows: SheetRow[]): { units: Row[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const index = new Map<SecurityUnitColumnKey, number>();
  header.forEach((h, i) => {
    const col = securityUnitColumns.find((c) => headerKey(c.header) === headerKey(h));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  for (const c of securityUnitColumns)
    if (c.required && !index.has(c.key))
      problems.push({ path: `header.${c.key}`, message: `Coluna "${c.header}" não encontrada no cabeçalho.` });
  if (problems.length) return { units: [], problems };
  const filled = rows.filter((r) => r.cells.some((c) => c.text !== ''));
  const units: Row[] = [];
  for (const r of filled) {
    const at = (key: SecurityUnitColumnKey) => `row.${r.row}.${key}`;
    const column = (key: SecurityUnitColumnKey) => securityUnitColumns.find((c) => c.key === key)!;
    const label = (key: SecurityUnitColumnKey) => `Linha ${r.row}, coluna "${column(key).header}"`;
    const cell = (key: SecurityUnitColumnKey): string => {
      const i = index.get(key);
      const c = i === undefined ? undefined : r.cells[i];
      if (c?.formula) {
        problems.push({ path: at(key), message: `${label(key)}: fórmulas não são aceitas; digite o valor.` });
        return '';
      }
      // The export protects text that a spreadsheet would run as a formula with a leading apostrophe.
      const text = (c?.text ?? '').replace(/^'(?=[=+@-])/, '');
      if (text.length > MAX_CHARS) problems.push({ path: at(key), message: `${label(key)}: mais de ${MAX_CHARS} caracteres.` });
      if (!text && column(key).required) problems.push({ path: at(key), message: `${label(key)}: preenchimento obrigatório.` });
      return text;
    };
    const kindText = cell('kind');
    const kind = kindByWord.get(headerKey(kindText).replace(/ /g, '-'));
    if (kindText && !kind)
      problems.push({
        path: at('kind'),
        message: `${label('kind')}: use Batalhão PM, Companhia PM, Delegacia, Politec, Bombeiros, Base comunitária ou Diretoria.`,
      });
    const name = cell('name');
    const address = cell('address');
    const municipalityText = cell('municipality');
    const municipality = municipalityText ? findMunicipality(municipalityText) : undefined;
    if (municipalityText && (!municipality || !municipality.ibgeCode.startsWith('51')))
      problems.push({ path: at('municipality'), message: `${label('municipality')}: município de Mato Grosso não encontrado.` });
    const phones = splitList(cell('phones'));
    const hours = cell('hours');
    const services = splitList(cell('services'));
    const latText = cell('latitude');
    const lonText = cell('longitude');
    const latitude = parseDecimal(latText);
    const longitude = parseDecimal(lonText);
    if (latText && !Number.isFinite(latitude)) problems.push({ path: at('latitude'), message: `${label('latitude')}: número inválido.` });
    if (lonText && !Number.isFinite(longitude))
      problems.push({ path: at('longitude'), message: `${label('longitude')}: número inválido.` });
    if (Number.isFinite(latitude) && Number.isFinite(longitude) && !isInsideMatoGrosso(latitude, longitude))
      problems.push({ path: at('latitude'), message: `Linha ${r.row}: o ponto (latitude, longitude) fica fora de Mato Grosso.` });
    const source = cell('source');
    units.push({
      kind: kind ?? 'directorate',
      name,
      address,
      municipalityIbge: municipality?.ibgeCode ?? '',
      phones,
      hours,
      services,
      latitude,
      longitude,
      source,
      illustrative: false,
    });
  }
  const order = (path: string) => {
    const [, row, key] = path.split('.');
    return [Number(row) || 0, securityUnitColumns.findIndex((c) => c.key === key)] as const;
  };
  problems.sort((a, b) => {
    const [ra, ca] = order(a.path);
    const [rb, cb] = order(b.path);
    return ra - rb || ca - cb;
  });
  return { units, problems };
}

/**
 * Administrator import (CSV or XLSX, the template's columns): the whole file is validated first;
 * any problem refuses it (SECURITY_UNIT_IMPORT_INVALID, every problem in `details`) and nothing is
 * written; otherwise the directory is replaced in one transaction with one audit row that keeps
 * how many units there were and are. An empty sheet (header only) empties the directory.
 */
export async function importUnits(deps: { db: Db; clock: Clock }, actor: AuditActor, bytes: Buffer): Promise<{ imported: number }> {
  const sheet = await readSpreadsheet(bytes, { maxRows: MAX_ROWS });
  const { units, problems } = validateUnitsSheet(sheet.header, sheet.rows);
  if (problems.length) throw new AppError('SECURITY_UNIT_IMPORT_INVALID', undefined, problems.slice(0, 200));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const removed = await tx.delete(securityUnits).returning({ id: securityUnits.id });
    if (units.length) await tx.insert(securityUnits).values(units.map((u) => ({ ...u, createdAt: now, updatedAt: now })));
    await recordAudit(tx, actor, {
      action: 'security_unit.imported',
      targetType: 'security_unit',
      targetId: null,
      data: { format: sheet.format, before: { units: removed.length }, after: { units: units.length } },
    });
  });
  return { imported: units.length };
}

/** The template: CSV (";", BOM, Excel pt-BR) or XLSX with a note per column and an instructions sheet. */
export async function unitsTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const line = securityUnitColumns.map((c) => (c.required ? `${c.header} *` : c.header)).join(';');
    return Buffer.from(`\ufeff${line}\r\n`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigia Mais MT';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet('Unidades', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = securityUnitColumns.map((c) => ({
    header: c.required ? `${c.header} *` : c.header,
    key: c.key,
    width: 26,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  securityUnitColumns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.help;
  });
  const help = wb.addWorksheet('Instruções');
  help.columns = [
    { header: 'Coluna', key: 'header', width: 16 },
    { header: 'Obrigatória', key: 'required', width: 12 },
    { header: 'O que informar', key: 'help', width: 80 },
    { header: 'Exemplo', key: 'example', width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of securityUnitColumns)
    help.addRow({ header: c.header, required: c.required ? 'Sim' : 'Não', help: c.help, example: c.example });
  help.addRow({});
  help.addRow({ header: 'Uma unidade por linha. Informe a fonte de cada dado. A importação substitui a lista inteira.' });
  help.addRow({ header: 'Se alguma linha tiver problema, nada é importado: a resposta indica cada linha, a coluna e o motivo.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
