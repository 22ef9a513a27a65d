import { cameraImportLimits } from '@vigia/contracts';
import { zipSync } from 'fflate';
import { AppError } from '../../../http/errors.js';
import { SafeZip, type ZipLimits, ZipRefusedError } from '../../files/safe-zip.js';

/**
 * The XLSX container, opened through the capped inflater (files/safe-zip.ts) before ExcelJS sees
 * it. ExcelJS inflates every entry of the ZIP it is given (images, embedded objects, printer
 * settings), trusting the sizes the archive declares; so the reader never hands it the upload.
 * Only the XML parts are inflated — counting the bytes actually produced, stopping
 * at the caps or as soon as an entry inflates past its declared size — and re-packed, stored, into
 * a small workbook ExcelJS then reads. Everything else (xl/media, drawings, embeddings, macros)
 * is never inflated at all.
 */

/** A 2 MB upload; the template with 500 rows inflates to < 1 MB. */
export const xlsxZipLimits: ZipLimits = {
  maxEntries: 300,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 40 * 1024 * 1024,
  maxRatio: 200,
};

/**
 * The XML parts (cells, strings, styles, sheet relations, drawings' and comments' markup) are kept,
 * as ExcelJS follows the relations between them; binary parts (xl/media images, embeddings, printer
 * settings, macros) are what makes a workbook large and the reader never needs one.
 */
export const isNeededXlsxPart = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);

/**
 * Farthest cell a worksheet may address. ExcelJS keeps rows in an array indexed by row number and
 * expands merged ranges cell by cell, so one `<row r="99999999">` or a merge over a whole sheet
 * (a few bytes of XML) cost it tens of seconds on the event loop — found by the fuzz test. A camera
 * sheet has at most `maxRows` rows and `maxColumns` columns; formatted blank rows below are fine.
 */
const MAX_SHEET_ROW = 10 * cameraImportLimits.maxRows;
const MAX_SHEET_COLUMN = 5 * cameraImportLimits.maxColumns;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Refuses a worksheet whose rows, cells, merges or validations (what ExcelJS materialises) reach
 * past the limits; a selection or a view (a whole column selected) is left alone.
 */
export function checkSheetBounds(xml: string): void {
  for (const tag of xml.matchAll(/<(?:row|c|mergeCell|dataValidation)\s[^>]*>/g)) {
    for (const attr of tag[0].matchAll(/\s(?:r|ref|sqref)="([^"]*)"/g)) {
      for (const [, col, row] of attr[1]!.matchAll(/\$?([A-Za-z]{0,3})\$?(\d+)/g)) {
        if (Number(row) > MAX_SHEET_ROW) throw tooFar();
        if (col && columnNumber(col.toUpperCase()) > MAX_SHEET_COLUMN) {
          throw new AppError(
            'CAMERA_IMPORT_COLUMNS',
            `A planilha usa colunas além da coluna ${MAX_SHEET_COLUMN}. Use somente as colunas do modelo.`,
          );
        }
      }
    }
  }
}

function tooFar(): AppError {
  return new AppError(
    'CAMERA_IMPORT_TOO_MANY_ROWS',
    `A planilha usa linhas além da linha ${MAX_SHEET_ROW.toLocaleString('pt-BR')}. Apague as linhas vazias do fim ou divida-a em arquivos menores.`,
  );
}

/** Returns a stored ZIP with only the needed parts; throws a pt-BR AppError for a bomb or a broken file. */
export function slimXlsx(bytes: Uint8Array, limits: ZipLimits = xlsxZipLimits): Uint8Array {
  try {
    const zip = new SafeZip(bytes, limits);
    const parts: Record<string, Uint8Array> = {};
    for (const e of zip.entries) if (isNeededXlsxPart(e.name) && !(e.name in parts)) parts[e.name] = zip.read(e);
    if (!parts['xl/workbook.xml']) throw new AppError('CAMERA_IMPORT_FILE_INVALID');
    for (const [name, data] of Object.entries(parts))
      if (name.startsWith('xl/worksheets/')) checkSheetBounds(Buffer.from(data).toString('utf8'));
    return zipSync(parts, { level: 0 });
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    if (err.reason === 'invalid') throw new AppError('CAMERA_IMPORT_FILE_INVALID');
    throw new AppError(
      'ZIP_TOO_LARGE_INFLATED',
      'A planilha descompactada é grande demais para uma importação (possível “bomba ZIP”). Envie somente a planilha, sem imagens, ou divida-a em arquivos menores.',
    );
  }
}
