import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCameraEvent } from '../events/events.service.js';
import { viewCheckDir } from './view-check-files.js';

/**
 * A picture of a view-change event in scope (else 404): the approved view's reference or the one
 * that differed, read from DATA_DIR/view-checks. Audited: it is camera footage.
 */
export async function readEventImage(db: Db, who: Acting, dataDir: string, id: string, which: 'reference' | 'current'): Promise<Buffer> {
  const event = await getCameraEvent(db, who.auth, id);
  const file = event.data[which === 'reference' ? 'referenceFile' : 'currentFile'];
  const full = typeof file === 'string' ? path.join(viewCheckDir(dataDir), path.basename(file)) : null;
  if (event.kind !== 'view_changed' || !full || !fs.existsSync(full)) throw new AppError('NOT_FOUND', 'Imagem não encontrada.');
  await db.transaction((tx) =>
    recordAudit(tx, who.actor, {
      action: 'event.image_viewed',
      targetType: 'camera',
      targetId: event.cameraId,
      data: { eventId: id, which },
    }),
  );
  return fs.readFileSync(full);
}
