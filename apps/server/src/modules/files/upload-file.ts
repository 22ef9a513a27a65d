import { createHash, randomUUID } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import type { StoredFile } from '@vigia/contracts';
import type { Db } from '../../db/client.js';
import { storedFiles } from '../../db/tables/files.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import type { FileStorage } from './file-storage.js';
import { SNIFF_BYTES, sniffFileType } from './file-type.js';

export interface IncomingFile {
  filename: string;
  /** The multipart stream; `truncated` is set when the size limit cut it. */
  file: Readable & { truncated?: boolean };
}

export interface Measured {
  sha256: string;
  size: number;
  head: Buffer;
}

/** A pass-through that hashes, counts and keeps the first bytes of what flows through it. */
export function measuring(): { through: Transform; result(): Measured } {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const through = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      cb(null, chunk);
    },
  });
  return { through, result: () => ({ sha256: hash.digest('hex'), size, head }) };
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `O arquivo enviado excede o tamanho máximo permitido (${Math.round(maxBytes / 1048576)} MB).`);

/** Checks the bytes of a measured upload; throws the pt-BR error for a refused one. */
export function refuseUnlessAccepted(m: Measured) {
  if (m.size === 0) throw new AppError('FILE_EMPTY');
  const sniffed = sniffFileType(m.head);
  if (sniffed.kind === 'executable') throw new AppError('FILE_IS_EXECUTABLE');
  if (sniffed.kind === 'unknown') throw new AppError('FILE_TYPE_NOT_ALLOWED');
  return sniffed;
}

/**
 * Stores an upload: streamed to a temporary object while hashed and measured, checked by magic
 * bytes (PDF, JPEG, PNG; executables refused by name) and size, then moved to its final key and
 * recorded with its SHA-256 and audit row in one transaction. A refused upload leaves nothing.
 */
export async function uploadFile(
  deps: { db: Db; storage: FileStorage; maxBytes: number },
  actor: AuditActor & { id: string },
  incoming: IncomingFile,
): Promise<StoredFile> {
  const id = randomUUID();
  const tmpKey = `tmp/${id}`;
  const m = measuring();
  try {
    await deps.storage.writeStream(tmpKey, incoming.file, m.through);
  } catch (err) {
    await deps.storage.remove(tmpKey);
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(deps.maxBytes);
    throw err;
  }
  const measured = m.result();
  let finalKey: string | null = null;
  try {
    if (incoming.file.truncated || measured.size > deps.maxBytes) throw tooLarge(deps.maxBytes);
    const sniffed = refuseUnlessAccepted(measured);
    finalKey = `files/${new Date().getUTCFullYear()}/${id}.${sniffed.extension}`;
    await deps.storage.move(tmpKey, finalKey);
    const originalName = (incoming.filename || `arquivo.${sniffed.extension}`).slice(0, 200);
    const row = await deps.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(storedFiles)
        .values({
          id,
          storageKey: finalKey!,
          originalName,
          mediaType: sniffed.mediaType,
          sizeBytes: measured.size,
          sha256: measured.sha256,
          uploadedBy: actor.id,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'file.uploaded',
        targetType: 'stored_file',
        targetId: id,
        data: { originalName, mediaType: sniffed.mediaType, sizeBytes: measured.size, sha256: measured.sha256 },
      });
      return inserted!;
    });
    return toStoredFile(row);
  } catch (err) {
    await deps.storage.remove(tmpKey);
    if (finalKey) await deps.storage.remove(finalKey);
    throw err;
  }
}

export function toStoredFile(row: typeof storedFiles.$inferSelect): StoredFile {
  return {
    id: row.id,
    originalName: row.originalName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}
