import { type ReleaseNoteCreate, type ReleaseRequest, releaseNoteCreateSchema } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { releaseRequestNotes, releaseRequests } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';

import { loadRequest } from './release-scope.js';
import { viewRequest } from './view-request.js';

/** Instruction (committee as release analyst): availability of the footage and remarks; may conclude the instruction. */
export async function addNote(db: Db, who: Acting, id: string, raw: ReleaseNoteCreate): Promise<ReleaseRequest> {
  const input = releaseNoteCreateSchema.parse(raw);
  await db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    if (!['submitted', 'in_analysis', 'instructed'].includes(r.status))
      throw new AppError('RELEASE_INVALID_STATE', 'O pedido já foi decidido: a instrução está encerrada.');
    const [note] = await tx
      .insert(releaseRequestNotes)
      .values({ requestId: id, authorId: who.auth.user.id, availability: input.availability, text: input.text })
      .returning();
    const status = input.concludeInstruction ? 'instructed' : r.status === 'submitted' ? 'in_analysis' : r.status;
    await tx.update(releaseRequests).set({ status }).where(eq(releaseRequests.id, id));
    await recordAudit(tx, who.actor, {
      action: 'release_request.note_added',
      targetType: 'release_request',
      targetId: id,
      data: { noteId: note!.id, availability: input.availability },
    });
    if (input.concludeInstruction && r.status !== 'instructed')
      await recordAudit(tx, who.actor, { action: 'release_request.instructed', targetType: 'release_request', targetId: id });
  });
  return viewRequest(db, who.auth, id);
}
