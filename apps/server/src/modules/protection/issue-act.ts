import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { protectionActs, protectionAssignments } from '../../db/tables/protection.js';
import type { ActBlock, ActContent } from '../documents/act-content.js';
import { issueDocument } from '../documents/issue-document.js';
import type { Acting, ProtectionDeps } from './deps.js';
import type { MissionRow } from './scope.js';

/**
 * The public verification page shows a document's kind and title: both say only that it is a
 * classified protection act, never which act, mission or person (SPEC §3.9, secrecy).
 */
export const CLASSIFIED_TITLE = 'DOCUMENTO SIGILOSO — OPERAÇÃO DE PROTEÇÃO';
export const ACT_KIND = 'protection_act';

/** The people an act is distributed to: the requester and everyone placed in the mission, by name. */
async function distributionList(tx: Tx, mission: MissionRow): Promise<string[]> {
  const placed = await tx.select().from(protectionAssignments).where(eq(protectionAssignments.missionId, mission.id));
  const ids = [
    ...new Set([mission.requesterId, ...placed.map((a) => a.userId), ...placed.flatMap((a) => (a.superiorId ? [a.superiorId] : []))]),
  ];
  const names = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return ['Delegado-Geral da PJC/MT', 'Coordenação da CORE', ...names.map((n) => n.name).sort()];
}

/** Each step of a mission is an act: PDF with authenticity code, audit row, and its content kept for reader copies. */
export async function issueAct(
  tx: Tx,
  deps: ProtectionDeps,
  who: Acting,
  mission: MissionRow,
  kind: string,
  heading: string,
  blocks: ActBlock[],
): Promise<string> {
  const content: ActContent = {
    title: CLASSIFIED_TITLE,
    subtitle: `Missão nº ${mission.number} — codinome ${mission.codeName} — Resolução nº 121/2025/CSPJC-MT`,
    blocks: [
      { kind: 'heading', text: heading },
      ...blocks,
      { kind: 'heading', text: 'Lista de distribuição' },
      { kind: 'list', items: await distributionList(tx, mission) },
      { kind: 'signature', lines: [who.auth.user.name, who.actor.label ?? ''] },
    ],
  };
  // pdfmake annotates the blocks it renders: keep a clean copy for the readers' copies.
  const kept = structuredClone(content);
  const [doc] = await issueDocument(tx, deps, who.actor, {
    kind: ACT_KIND,
    subjectType: 'protection_mission',
    subjectId: mission.id,
    content,
    formats: ['pdf'],
  });
  const [act] = await tx
    .insert(protectionActs)
    .values({ missionId: mission.id, kind, documentId: doc!.id, content: kept, issuedAt: doc!.issuedAt })
    .returning();
  return act!.id;
}
