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

/** Returns a stored ZIP with only the needed parts; throws a pt-BR AppError for a bomb or a broken file. */
export function slimXlsx(bytes: Uint8Array, limits: ZipLimits = xlsxZipLimits): Uint8Array {
  try {
    const zip = new SafeZip(bytes, limits);
    const parts: Record<string, Uint8Array> = {};
    for (const e of zip.entries) if (isNeededXlsxPart(e.name) && !(e.name in parts)) parts[e.name] = zip.read(e);
    if (!parts['xl/workbook.xml']) throw new AppError('CAMERA_IMPORT_FILE_INVALID');
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
