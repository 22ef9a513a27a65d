import type { AccidentDeclaration } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { accidentDeclarations } from '../../db/tables/accident-certificate.js';
import { storedFiles } from '../../db/tables/files.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AccidentDeps } from './accident-deps.js';
import { declarationOf } from './accident-queries.js';

/** The traffic police open a declaration (parties' CPFs masked): audited. */
export async function staffDeclaration(deps: AccidentDeps, who: Acting, id: string): Promise<AccidentDeclaration> {
  const view = await declarationOf(deps.db, id, 'staff');
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'accident_certificate.viewed',
      targetType: 'accident_declaration',
      targetId: id,
      data: { protocol: view.protocol },
    }),
  );
  return view;
}

/** A photo of a declaration, for the traffic police (only a photo the declaration carries): audited. */
export async function staffPhoto(deps: AccidentDeps, who: Acting, id: string, fileId: string): Promise<FileDownload> {
  const [row] = await deps.db.select().from(accidentDeclarations).where(eq(accidentDeclarations.id, id));
  const [file] = row?.photoFileIds.includes(fileId) ? await deps.db.select().from(storedFiles).where(eq(storedFiles.id, fileId)) : [];
  if (!row || !file) throw new AppError('NOT_FOUND', 'Foto não encontrada nesta declaração.');
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'accident_certificate.photo_viewed',
      targetType: 'accident_declaration',
      targetId: id,
      data: { fileId },
    }),
  );
  return { data: await deps.storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}
