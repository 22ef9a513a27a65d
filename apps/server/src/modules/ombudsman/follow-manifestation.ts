import type { ManifestationFollowUp } from '@vigia/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ombudsmanManifestations, ombudsmanMessages } from '../../db/tables/ombudsman.js';
import type { AuditActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';
import {
  FOLLOW_UPS_PER_MINUTE,
  hashAccessCode,
  loadManifestation,
  type ManifestationRow,
  type OmbudsmanDeps,
  toFollowUp,
} from './ombudsman-deps.js';

async function limitFollowUps(db: Db, ip: string) {
  const { allowed } = await hitRateLimit(db, 'ombudsman-follow-up', ip, { max: FOLLOW_UPS_PER_MINUTE, windowMs: 60_000 });
  if (!allowed)
    throw new AppError('RATE_LIMITED', 'Muitas consultas a partir deste endereço de rede. Aguarde um minuto e tente novamente.');
}

/** Protocol + access code: a wrong pair answers the same "not found" as an unknown protocol. */
async function byProtocolAndCode(db: Db, protocol: string, code: string): Promise<ManifestationRow> {
  const [row] = await db
    .select()
    .from(ombudsmanManifestations)
    .where(
      and(
        eq(ombudsmanManifestations.protocol, protocol.trim().toUpperCase()),
        eq(ombudsmanManifestations.accessCodeHash, hashAccessCode(code)),
      ),
    );
  if (!row) throw new AppError('MANIFESTATION_NOT_FOUND');
  return row;
}

/** The citizen's follow-up without sign-in (the only way for an anonymous manifestation). */
export async function followByProtocol(deps: OmbudsmanDeps, ip: string, protocol: string, code: string): Promise<ManifestationFollowUp> {
  await limitFollowUps(deps.db, ip);
  return toFollowUp(deps.db, await byProtocolAndCode(deps.db, protocol, code));
}

export async function citizenManifestations(deps: OmbudsmanDeps, citizenId: string): Promise<ManifestationFollowUp[]> {
  const rows = await deps.db
    .select()
    .from(ombudsmanManifestations)
    .where(eq(ombudsmanManifestations.citizenId, citizenId))
    .orderBy(desc(ombudsmanManifestations.createdAt))
    .limit(200);
  return Promise.all(rows.map((r) => toFollowUp(deps.db, r)));
}

async function ownManifestation(deps: OmbudsmanDeps, citizenId: string, id: string): Promise<ManifestationRow> {
  const row = await loadManifestation(deps.db, id);
  if (row.citizenId !== citizenId) throw new AppError('MANIFESTATION_NOT_FOUND');
  return row;
}

/** The citizen writes to the ombudsman on their manifestation (signed in, or by protocol + code). */
export async function citizenReply(
  deps: OmbudsmanDeps,
  actor: AuditActor,
  who: { citizenId: string; id: string } | { ip: string; protocol: string; code: string },
  text: string,
): Promise<ManifestationFollowUp> {
  let row: ManifestationRow;
  if ('citizenId' in who) row = await ownManifestation(deps, who.citizenId, who.id);
  else {
    await limitFollowUps(deps.db, who.ip);
    row = await byProtocolAndCode(deps.db, who.protocol, who.code);
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(ombudsmanMessages).values({ manifestationId: row.id, author: 'citizen', text, createdAt: now });
    await recordAudit(
      tx,
      { ...actor, label: row.identity === 'identified' ? actor.label : 'manifestante' },
      { action: 'ombudsman.citizen_replied', targetType: 'ombudsman_manifestation', targetId: row.id, data: { protocol: row.protocol } },
    );
    await mailAll(
      tx,
      await staffEmails(tx, ['ombudsman_staff']),
      `nova mensagem na manifestação ${row.protocol}`,
      'O manifestante enviou uma mensagem. Veja na fila da Ouvidoria.',
    );
  });
  return toFollowUp(deps.db, await loadManifestation(deps.db, row.id));
}

export const ownFollowUp = async (deps: OmbudsmanDeps, citizenId: string, id: string) =>
  toFollowUp(deps.db, await ownManifestation(deps, citizenId, id));
