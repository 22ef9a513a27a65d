import { type CameraImportFormat, cameraImportLimits } from '@vigia/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../../http/errors.js';
import { sniffFileType } from '../../files/file-type.js';
import { slimXlsx } from './xlsx-container.js';

/**
 * Reads the technician's spreadsheet (XLSX or CSV) into plain text cells. Hostile input is assumed:
 * the format is decided by the bytes (never the file name), an XLSX is opened through the capped
 * inflater and only its cell-bearing parts reach ExcelJS (xlsx-container.ts), formulas are never evaluated
 * (a formula cell is flagged, its cached result ignored), control characters are removed and
 * every cell is cut at `maxCellChars + 1` so an over-long cell is reported, not stored.
 */

export interface SheetCell {
  text: string;
  /** The cell holds a formula (XLSX) or starts with "=" (CSV): its value is never used. */
  formula: boolean;
}

export interface SheetRow {
  /** Row number as a spreadsheet program shows it (1-based, counting the header). */
  row: number;
  cells: SheetCell[];
}

export interface Sheet {
  format: CameraImportFormat;
  header: string[];
  rows: SheetRow[];
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Buffer, bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Normalises a cell: NFC, no control or bidi characters, trimmed, cut just past the limit. */
export function cleanCell(raw: string): string {
  const cut = raw.length > cameraImportLimits.maxCellChars * 4 ? raw.slice(0, cameraImportLimits.maxCellChars * 4) : raw;
  const text = cut.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return text.length > cameraImportLimits.maxCellChars ? text.slice(0, cameraImportLimits.maxCellChars + 1) : text;
}

export function detectFormat(bytes: Buffer): CameraImportFormat {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  const sniffed = sniffFileType(bytes.subarray(0, 16));
  if (sniffed.kind === 'executable') {
    throw new AppError(
      'FILE_IS_EXECUTABLE',
      'O arquivo enviado é um programa executável, não uma planilha. Envie a planilha em XLSX ou CSV.',
    );
  }
  if (startsWith(bytes, ZIP_LOCAL)) return 'xlsx';
  if (startsWith(bytes, OLE2)) throw new AppError('CAMERA_IMPORT_FILE_TYPE');
  if (sniffed.kind === 'accepted') throw new AppError('CAMERA_IMPORT_FILE_TYPE');
  // UTF-16 with its byte-order mark: what Excel's "Texto Unicode" writes (tab-separated).
  if (utf16Encoding(bytes)) return 'csv';
  // Text: no NUL byte anywhere (binary files almost always carry one).
  if (bytes.includes(0)) throw new AppError('CAMERA_IMPORT_FILE_TYPE');
  return 'csv';
}

function isBlankRow(cells: SheetCell[]): boolean {
  return cells.every((c) => c.text === '' && !c.formula);
}

function tooManyRows(maxRows: number): AppError {
  return maxRows === cameraImportLimits.maxRows
    ? new AppError('CAMERA_IMPORT_TOO_MANY_ROWS', `A planilha tem mais de ${maxRows} linhas de câmeras. Divida-a em arquivos menores.`)
    : new AppError('CAMERA_IMPORT_TOO_MANY_ROWS', `A planilha tem mais de ${maxRows} linhas preenchidas.`);
}

function toSheet(format: CameraImportFormat, table: SheetRow[], maxRows: number): Sheet {
  const nonEmpty = table.filter((r) => !isBlankRow(r.cells));
  const [head, ...rows] = nonEmpty;
  if (!head) throw new AppError('CAMERA_IMPORT_COLUMNS', 'A planilha está vazia: preencha o modelo a partir da linha 2.');
  if (head.cells.length > cameraImportLimits.maxColumns)
    throw new AppError('CAMERA_IMPORT_COLUMNS', `A planilha tem mais de ${cameraImportLimits.maxColumns} colunas.`);
  if (rows.length > maxRows) throw tooManyRows(maxRows);
  return { format, header: head.cells.map((c) => c.text), rows };
}

// ------------------------------------------------------------------------------------ XLSX

/** Text of an ExcelJS cell value; formulas are flagged and their cached result ignored. */
export function xlsxCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: cleanCell(value), formula: false };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '', formula: false };
  if (typeof value === 'boolean') return { text: value ? 'sim' : 'não', formula: false };
  if (value instanceof Date) return { text: cleanCell(value.toISOString()), formula: false };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { text: '', formula: true };
    if ('richText' in value && Array.isArray(value.richText))
      return { text: cleanCell(value.richText.map((r) => r.text).join('')), formula: false };
    if ('hyperlink' in value && 'text' in value) return xlsxCell(value.text as ExcelJS.CellValue);
    if ('error' in value) return { text: cleanCell(String(value.error)), formula: false };
  }
  return { text: '', formula: false };
}

async function readXlsx(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const slim = slimXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(slim as unknown as ArrayBuffer);
  } catch {
    throw new AppError('CAMERA_IMPORT_FILE_INVALID');
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('CAMERA_IMPORT_FILE_INVALID');
  if (sheet.actualRowCount > maxRows + 1) throw tooManyRows(maxRows);
  const table: SheetRow[] = [];
  const width = Math.min(sheet.actualColumnCount, cameraImportLimits.maxColumns + 1);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(row.getCell(c).value));
    table.push({ row: rowNumber, cells });
  });
  return toSheet('xlsx', table, maxRows);
}

// ------------------------------------------------------------------------------------- CSV

/** 'utf-16le' / 'utf-16be' when the bytes open with that byte-order mark. */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 with a byte-order mark (Excel's "Texto Unicode"), UTF-8 (with or without BOM), or
 * Windows-1252 as Excel saves "CSV" in Brazil.
 */
export function decodeText(bytes: Buffer): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new AppError('CAMERA_IMPORT_FILE_INVALID');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Separator of the header line: ";" (Excel pt-BR), "," or tab, counted outside quotes. */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** RFC 4180 with a chosen separator; quoted fields may hold separators, quotes ("") and line breaks. */
export function parseDelimited(text: string, sep: string, maxRows: number = cameraImportLimits.maxRows): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > maxRows + 50) throw tooManyRows(maxRows);
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(bytes: Buffer, maxRows: number): Sheet {
  const text = decodeText(bytes).replace(/^\ufeff/, '');
  const table = parseDelimited(text, detectSeparator(text), maxRows).map((cells, i) => ({
    row: i + 1,
    cells: cells.slice(0, cameraImportLimits.maxColumns + 1).map((raw) => {
      const t = cleanCell(raw);
      // A CSV has no formulas, but a spreadsheet program would run this one when the file is opened.
      return t.startsWith('=') ? { text: '', formula: true } : { text: t, formula: false };
    }),
  }));
  return toSheet('csv', table, maxRows);
}

/**
 * Reads an uploaded spreadsheet; throws a pt-BR AppError for a file that cannot be imported at all.
 * `maxRows` (default: the camera import's) stays under the container's row bound (xlsx-container.ts).
 */
export async function readSpreadsheet(bytes: Buffer, opts: { maxRows?: number } = {}): Promise<Sheet> {
  const maxRows = opts.maxRows ?? cameraImportLimits.maxRows;
  if (bytes.length > cameraImportLimits.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A planilha excede o tamanho máximo permitido (${cameraImportLimits.maxBytes / 1048576} MB).`);
  }
  const format = detectFormat(bytes);
  return format === 'xlsx' ? readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
}
