import { and, eq } from 'drizzle-orm';
import { protectionActs } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ActContent } from '../documents/act-content.js';
import { issueDocument } from '../documents/issue-document.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { missionDetail } from './mission-view.js';

/**
 * A reader gets a controlled copy of an act: the same content, with their name as a watermark on
 * every page and its own authenticity code (the copy is itself an issued, verifiable document).
 */
export async function readerCopy(
  deps: ProtectionDeps,
  who: Acting,
  missionId: string,
  actId: string,
): Promise<FileDownload & { code: string }> {
  const detail = await missionDetail(deps, who, missionId);
  if (!detail.acts.some((a) => a.id === actId)) throw new AppError('NOT_FOUND', 'Ato não encontrado.');
  const [act] = await deps.db
    .select()
    .from(protectionActs)
    .where(and(eq(protectionActs.id, actId), eq(protectionActs.missionId, missionId)))
    .limit(1);
  const at = deps.clock.now().toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' });
  const reader = `${who.auth.user.name} <${who.auth.user.email}>`;
  const base = act!.content as ActContent;
  const content: ActContent = {
    ...base,
    watermark: `${who.auth.user.name} — ${at}`,
    blocks: [
      ...base.blocks,
      { kind: 'paragraph', bold: true, text: `Cópia controlada emitida para ${reader} em ${at}. Reprodução e repasse proibidos.` },
    ],
  };
  const doc = await deps.db.transaction(async (tx) => {
    const [d] = await issueDocument(tx, deps, who.actor, {
      kind: 'protection_copy',
      subjectType: 'protection_mission',
      subjectId: missionId,
      content,
      formats: ['pdf'],
    });
    await recordAudit(tx, who.actor, {
      action: 'protection.act.read',
      targetType: 'protection_mission',
      targetId: missionId,
      data: { actId, kind: act!.kind, copyCode: d!.code },
    });
    return d!;
  });
  return {
    data: await deps.storage.read(doc.storageKey),
    mediaType: 'application/pdf',
    code: doc.code,
    filename: `missao-${detail.number.replace('/', '-')}-${act!.kind}.pdf`,
  };
}
