import {
  type AnonymousManifestationBody,
  type CitizenManifestationBody,
  type ManifestationCreated,
  type ManifestationIdentity,
  manifestationKindLabels,
} from '@vigia/contracts';
import type { citizens } from '../../db/tables/citizen.js';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import type { AuditActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { passPublicGate } from '../accounts/public-request-gate.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import { fmtDate } from '../calendar/local-date.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';
import { ANONYMOUS_PER_HOUR, answerDueOn, CITIZEN_PER_DAY, newAccessCode, type OmbudsmanDeps, today } from './ombudsman-deps.js';

type Citizen = typeof citizens.$inferSelect;

/** A manifestation filed by a signed-in citizen, identified or confidential (Lei 13.460 art. 10). */
export async function fileCitizenManifestation(
  deps: OmbudsmanDeps,
  actor: AuditActor,
  citizen: Citizen,
  input: CitizenManifestationBody,
): Promise<ManifestationCreated> {
  const limit = await hitRateLimit(deps.db, 'ombudsman-citizen', citizen.id, { max: CITIZEN_PER_DAY, windowMs: 86_400_000 });
  if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Limite diário de manifestações atingido. Tente novamente amanhã.');
  return record(deps, actor, { ...input, citizen });
}

/**
 * An anonymous manifestation: no sign-in, so the per-address limit and a proof-of-work solution
 * come first (nothing is written when either fails). Followed only by protocol + access code.
 */
export async function fileAnonymousManifestation(
  deps: OmbudsmanDeps,
  actor: AuditActor,
  ip: string,
  input: AnonymousManifestationBody,
): Promise<ManifestationCreated> {
  await passPublicGate(deps, 'ombudsman-anonymous', ip, input.altcha, { max: ANONYMOUS_PER_HOUR, windowMs: 3_600_000 });
  const { altcha: _altcha, ...rest } = input;
  return record(deps, { ...actor, label: 'manifestante anônimo' }, { ...rest, identity: 'anonymous', citizen: null });
}

async function record(
  deps: OmbudsmanDeps,
  actor: AuditActor,
  input: Omit<CitizenManifestationBody, 'identity'> & { identity: ManifestationIdentity; citizen: Citizen | null },
): Promise<ManifestationCreated> {
  const now = deps.clock.now();
  const receivedOn = today(deps.clock);
  const dueOn = answerDueOn(receivedOn, false);
  const access = newAccessCode();
  const protocol = newCitizenProtocol('OUV', now);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ombudsmanManifestations)
      .values({
        protocol,
        accessCodeHash: access.hash,
        kind: input.kind,
        identity: input.identity,
        citizenId: input.citizen?.id ?? null,
        subject: input.subject,
        description: input.description,
        status: 'received',
        receivedOn,
        dueOn,
        createdAt: now,
      })
      .returning({ id: ombudsmanManifestations.id });
    // The audit names neither the requester nor the text: the row is the record (art. 10 §7).
    await recordAudit(
      tx,
      { ...actor, origin: `portal público | ${actor.origin}` },
      {
        action: 'ombudsman.manifestation_filed',
        targetType: 'ombudsman_manifestation',
        targetId: row!.id,
        data: { protocol, kind: input.kind, identity: input.identity, dueOn },
      },
    );
    const kind = manifestationKindLabels[input.kind];
    await mailAll(
      tx,
      await staffEmails(tx, ['ombudsman_staff']),
      `nova manifestação ${protocol}`,
      `${kind} recebida pelo portal (${input.identity === 'anonymous' ? 'anônima' : input.identity === 'confidential' ? 'sigilosa' : 'identificada'}). Prazo de resposta: ${fmtDate(dueOn)} (Lei nº 13.460/2017, art. 16).`,
    );
    if (input.citizen?.email)
      await mailAll(
        tx,
        [input.citizen.email],
        `manifestação ${protocol} recebida`,
        `Recebemos a sua manifestação (${kind}), protocolo ${protocol}. A Ouvidoria responde até ${fmtDate(dueOn)}; acompanhe em ${deps.config.publicUrl}/ouvidoria/acompanhar.`,
      );
    return {
      id: row!.id,
      protocol,
      accessCode: access.code,
      dueOn,
      message: 'Manifestação registrada. Guarde o protocolo e o código de acesso para acompanhar e responder.',
    };
  });
}
