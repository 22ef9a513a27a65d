import {
  maskCpf,
  type OmbudsmanManifestation,
  type OmbudsmanQueueItem,
  type OmbudsmanUnit,
  ombudsmanUnitRoles,
  ombudsmanUnits,
  type Role,
  type UnitManifestation,
} from '@vigia/contracts';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import { ombudsmanManifestations, ombudsmanMessages } from '../../db/tables/ombudsman.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { clockOf, loadManifestation, type ManifestationRow, messagesOf, type OmbudsmanDeps, today, toQueueItem } from './ombudsman-deps.js';

async function lastAuthors(deps: OmbudsmanDeps, ids: string[]): Promise<Map<string, 'citizen' | 'ombudsman'>> {
  const out = new Map<string, 'citizen' | 'ombudsman'>();
  if (!ids.length) return out;
  const rows = await deps.db
    .selectDistinctOn([ombudsmanMessages.manifestationId], {
      id: ombudsmanMessages.manifestationId,
      author: ombudsmanMessages.author,
    })
    .from(ombudsmanMessages)
    .where(inArray(ombudsmanMessages.manifestationId, ids))
    .orderBy(ombudsmanMessages.manifestationId, desc(ombudsmanMessages.createdAt), desc(ombudsmanMessages.seq));
  for (const r of rows) out.set(r.id, r.author);
  return out;
}

/** The ombudsman's queue: open manifestations by deadline, then the answered ones (newest first). */
export async function ombudsmanQueue(deps: OmbudsmanDeps): Promise<OmbudsmanQueueItem[]> {
  const rows = await deps.db
    .select()
    .from(ombudsmanManifestations)
    .orderBy(
      sql`${ombudsmanManifestations.answeredAt} IS NOT NULL`,
      asc(ombudsmanManifestations.dueOn),
      desc(ombudsmanManifestations.createdAt),
    )
    .limit(500);
  const last = await lastAuthors(
    deps,
    rows.map((r) => r.id),
  );
  const on = today(deps.clock);
  return rows.map((r) => toQueueItem(r, on, last.get(r.id) ?? null));
}

/**
 * The ombudsman's full view, with the requester's identity (Lei 13.460 art. 10 §7: the ombudsman
 * keeps it; the unit never gets it). Each opening is audited, saying whether an identity was shown.
 */
export async function ombudsmanView(deps: OmbudsmanDeps, who: Acting, id: string): Promise<OmbudsmanManifestation> {
  return deps.db.transaction(async (tx) => {
    const r = await loadManifestation(tx, id);
    let requester: OmbudsmanManifestation['requester'] = null;
    if (r.citizenId) {
      const [c] = await tx.select().from(citizens).where(eq(citizens.id, r.citizenId));
      if (c) requester = { name: c.name, cpf: maskCpf(c.cpf), email: c.email };
    }
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.manifestation_viewed',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      data: { protocol: r.protocol, identity: r.identity, identityShown: requester !== null },
    });
    const messages = await messagesOf(tx, id);
    const lastFrom = messages.at(-1)?.from ?? null;
    return {
      ...toQueueItem(r, today(deps.clock), lastFrom),
      description: r.description,
      requester,
      routingNote: r.routingNote,
      unitAnswer: r.unitAnswer,
      answer: r.answer,
      messages,
    };
  });
}

/** The units a staff member answers for: one per role listed in `ombudsmanUnitRoles`. */
export const unitsOf = (roles: readonly Role[]): OmbudsmanUnit[] => ombudsmanUnits.filter((u) => roles.includes(ombudsmanUnitRoles[u]));

/**
 * What the unit sees: the text and its own clock; the requester's name only when the manifestation
 * is identified — never for a confidential one, and no CPF, e-mail or messages in any case.
 */
async function toUnitView(deps: OmbudsmanDeps, r: ManifestationRow): Promise<UnitManifestation> {
  let requesterName: string | null = null;
  if (r.identity === 'identified' && r.citizenId) {
    const [c] = await deps.db.select({ name: citizens.name }).from(citizens).where(eq(citizens.id, r.citizenId));
    requesterName = c?.name ?? null;
  }
  return {
    id: r.id,
    protocol: r.protocol,
    kind: r.kind,
    identity: r.identity,
    status: r.status,
    subject: r.subject,
    description: r.description,
    requesterName,
    unit: r.unit!,
    routingNote: r.routingNote,
    unitClock: clockOf(r.unitDueOn, today(deps.clock), r.unitExtensionReason !== null, r.unitExtensionReason)!,
    unitAnswer: r.unitAnswer,
  };
}

export async function unitInbox(deps: OmbudsmanDeps, who: Acting): Promise<UnitManifestation[]> {
  const units = unitsOf(who.auth.roles);
  if (!units.length) return [];
  const rows = await deps.db
    .select()
    .from(ombudsmanManifestations)
    .where(and(inArray(ombudsmanManifestations.unit, units), isNotNull(ombudsmanManifestations.routedOn)))
    .orderBy(asc(ombudsmanManifestations.unitDueOn))
    .limit(500);
  return Promise.all(rows.map((r) => toUnitView(deps, r)));
}

/** One manifestation routed to one of the caller's units (any other: not found). */
export async function unitManifestation(db: Queryable, who: Acting, id: string, forUpdate = false): Promise<ManifestationRow> {
  const r = await loadManifestation(db, id, forUpdate);
  if (!r.unit || !unitsOf(who.auth.roles).includes(r.unit)) throw new AppError('MANIFESTATION_NOT_FOUND');
  return r;
}

export const unitView = async (deps: OmbudsmanDeps, who: Acting, id: string) => toUnitView(deps, await unitManifestation(deps.db, who, id));
