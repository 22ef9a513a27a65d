import { cameraImportLimits } from '@vigia/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../http/errors.js';
import type { ImportFile } from './import-cameras.js';

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `A planilha excede o tamanho máximo permitido (${cameraImportLimits.maxBytes / 1048576} MB).`);

/** The spreadsheet of a multipart upload (field "file"), within the import's size limit. */
export async function readImportUpload(request: FastifyRequest): Promise<ImportFile> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Envie a planilha no campo "file" (multipart/form-data).');
  const part = await request.file();
  if (!part) throw new AppError('BAD_REQUEST', 'Envie a planilha no campo "file".');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  return { fileName: part.filename, bytes };
}
