import ExcelJS from 'exceljs';
import type { SheetRow } from '../cameras/import/spreadsheet-reader.js';
import { headerKey, parseDecimal } from '../cameras/import/validate-import-rows.js';
import { findMunicipality, isInsideMatoGrosso, type Municipality } from '../reference/index.js';

/**
 * A reference list kept as a spreadsheet described by its columns (protection's support places,
 * the security-units directory): the blank template, and the pieces of an all-or-nothing
 * validation that reports every problem as `row.<n>.<column>` (or `header.<column>`) with a pt-BR
 * message. The file itself is read by the camera import's hardened reader (spreadsheet-reader.ts).
 */
export interface SheetColumn<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
  readonly help: string;
  readonly example: string;
}
export interface SheetProblem {
  path: string;
  message: string;
}
const MAX_CHARS = 255;

/** Finds each template column in the header (accents, case and the "*" ignored); a required one missing is `header.<key>`. */
export function mapHeader<K extends string>(columns: readonly SheetColumn<K>[], header: string[]) {
  const index = new Map<K, number>();
  header.forEach((h, i) => {
    const col = columns.find((c) => headerKey(c.header) === headerKey(h));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const problems: SheetProblem[] = columns
    .filter((c) => c.required && !index.has(c.key))
    .map((c) => ({ path: `header.${c.key}`, message: `Coluna "${c.header}" não encontrada no cabeçalho.` }));
  return { index, problems };
}

/** The rows with at least one filled cell. */
export const filledRows = (rows: SheetRow[]): SheetRow[] => rows.filter((r) => r.cells.some((c) => c.text !== ''));

/**
 * Reads one row by column key and adds each problem to `problems`: a formula is refused (never
 * evaluated), a cell over 255 characters, a required cell left empty, a municipality outside the
 * platform's reference, a coordinate that is not a number or a point outside Mato Grosso.
 * `clean` adjusts a cell's text before the checks.
 */
export function rowReader<K extends string>(
  columns: readonly SheetColumn<K>[],
  index: Map<K, number>,
  r: SheetRow,
  problems: SheetProblem[],
  clean: (text: string) => string = (text) => text,
) {
  const column = (key: K) => columns.find((c) => c.key === key)!;
  const at = (key: K) => `row.${r.row}.${key}`;
  const problem = (key: K, message: string) => {
    problems.push({ path: at(key), message: `Linha ${r.row}, coluna "${column(key).header}": ${message}` });
  };
  const cell = (key: K): string => {
    const i = index.get(key);
    const c = i === undefined ? undefined : r.cells[i];
    if (c?.formula) {
      problem(key, 'fórmulas não são aceitas; digite o valor.');
      return '';
    }
    const text = clean(c?.text ?? '');
    if (text.length > MAX_CHARS) problem(key, `mais de ${MAX_CHARS} caracteres.`);
    if (!text && column(key).required) problem(key, 'preenchimento obrigatório.');
    return text;
  };
  /** A municipality of Mato Grosso, by name or 7-digit IBGE code. */
  const municipality = (key: K): { text: string; found: Municipality | undefined } => {
    const text = cell(key);
    const found = text ? findMunicipality(text) : undefined;
    if (text && !found?.ibgeCode.startsWith('51')) problem(key, 'município de Mato Grosso não encontrado.');
    return { text, found: found?.ibgeCode.startsWith('51') ? found : undefined };
  };
  /** Latitude and longitude in decimal degrees (point or comma) of a point inside Mato Grosso. */
  const point = (latKey: K, lonKey: K) => {
    const latText = cell(latKey);
    const lonText = cell(lonKey);
    const latitude = parseDecimal(latText);
    const longitude = parseDecimal(lonText);
    if (latText && !Number.isFinite(latitude)) problem(latKey, 'número inválido.');
    if (lonText && !Number.isFinite(longitude)) problem(lonKey, 'número inválido.');
    if (Number.isFinite(latitude) && Number.isFinite(longitude) && !isInsideMatoGrosso(latitude, longitude))
      problems.push({ path: at(latKey), message: `Linha ${r.row}: o ponto (latitude, longitude) fica fora de Mato Grosso.` });
    return { latitude, longitude };
  };
  return { cell, problem, municipality, point };
}

/** A stable report: by row, then in the template's column order (header problems first). */
export function sortProblems<K extends string>(problems: SheetProblem[], columns: readonly SheetColumn<K>[]): SheetProblem[] {
  const order = (path: string) => {
    const [, row, key] = path.split('.');
    return [Number(row) || 0, columns.findIndex((c) => c.key === key)] as const;
  };
  return problems.sort((a, b) => {
    const [ra, ca] = order(a.path);
    const [rb, cb] = order(b.path);
    return ra - rb || ca - cb;
  });
}

/**
 * The blank template: CSV (the header line, ";" and a BOM, as Excel pt-BR opens it) or XLSX with a
 * note per column, every cell as text, and an "Instruções" sheet (each column, then `notes`).
 */
export async function columnTemplate(
  format: 'csv' | 'xlsx',
  columns: readonly SheetColumn[],
  opts: { sheet: string; notes: readonly string[] },
): Promise<Buffer> {
  const headerOf = (c: SheetColumn) => (c.required ? `${c.header} *` : c.header);
  if (format === 'csv') return Buffer.from(`\ufeff${columns.map(headerOf).join(';')}\r\n`, 'utf8');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigia Mais MT';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: headerOf(c), key: c.key, width: 24, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.help;
  });
  const help = wb.addWorksheet('Instruções');
  help.columns = [
    { header: 'Coluna', key: 'header', width: 16 },
    { header: 'Obrigatória', key: 'required', width: 12 },
    { header: 'O que informar', key: 'help', width: 80 },
    { header: 'Exemplo', key: 'example', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow({ header: c.header, required: c.required ? 'Sim' : 'Não', help: c.help, example: c.example });
  help.addRow({});
  for (const note of opts.notes) help.addRow({ header: note });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
