import {
  isEligibleRequesterKind,
  type ReleaseRequest,
  type ReleaseRequestCreate,
  releaseRequestCreateSchema,
  requesterKindLabels,
} from '@vigia/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { cameras } from '../../db/tables/cameras.js';
import { releaseRequestCameras, releaseRequests } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { createLocks } from './evidence-locks.js';

import { cameraPickScope, isParty, type ReleaseDeps, requestNumber } from './release-scope.js';
import { viewRequest } from './view-request.js';

/** Footage cannot be asked for beyond now (a little slack for clocks). */
const FUTURE_SLACK_MS = 5 * 60_000;

async function requesterAccount(tx: Tx, auth: AuthContext, email: string | undefined): Promise<string> {
  const isRequester = auth.roles.includes('external_requester');
  if (isRequester && (!email || email.toLowerCase() === auth.user.email.toLowerCase())) return auth.user.id;
  if (!email)
    throw new AppError('RELEASE_REQUESTER_ACCOUNT_REQUIRED', undefined, [
      { path: 'requesterEmail', message: 'Informe o e-mail da conta do solicitante.' },
    ]);
  if (isRequester && !isParty(auth))
    throw new AppError('RELEASE_REQUESTER_ACCOUNT_REQUIRED', 'O solicitante externo só registra pedidos em nome próprio.');
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'external_requester')))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(users.status, 'active')))
    .limit(1);
  if (!row)
    throw new AppError('RELEASE_REQUESTER_ACCOUNT_REQUIRED', undefined, [
      { path: 'requesterEmail', message: 'Não há conta ativa de solicitante externo com este e-mail.' },
    ]);
  return row.id;
}

/**
 * Files a request (art. 2º, VI). Citizens, the press and companies are refused with the BH reason
 * (and the refusal is audited, without the requester's data). From submission on, the footage of
 * every named camera in the range is locked against deletion.
 */
export async function createRequest(deps: ReleaseDeps, who: Acting, raw: ReleaseRequestCreate): Promise<ReleaseRequest> {
  const input = releaseRequestCreateSchema.parse(raw);
  if (!isEligibleRequesterKind(input.requesterKind)) {
    await deps.db.transaction((tx) =>
      recordAudit(tx, who.actor, {
        action: 'release_request.refused',
        targetType: 'release_request',
        reason: 'requerente não legitimado (art. 2º, VI; regra de sigilo)',
        data: { requesterKind: input.requesterKind },
      }),
    );
    throw new AppError('RELEASE_REQUESTER_NOT_ELIGIBLE', undefined, [
      { path: 'requesterKind', message: `${requesterKindLabels[input.requesterKind]}: não pode requerer imagens.` },
    ]);
  }
  const requesterKind = input.requesterKind;
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to.getTime() > Date.now() + FUTURE_SLACK_MS)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'to', message: 'O período pedido não pode terminar no futuro.' }]);
  const cameraIds = [...new Set(input.cameraIds)];
  const id = await deps.db.transaction(async (tx) => {
    const found = await tx
      .select({ id: cameras.id })
      .from(cameras)
      .where(and(inArray(cameras.id, cameraIds), cameraPickScope(who.auth)));
    if (found.length !== cameraIds.length) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
    const requesterUserId = await requesterAccount(tx, who.auth, input.requesterEmail);
    const [row] = await tx
      .insert(releaseRequests)
      .values({
        requesterKind,
        requesterUserId,
        filedByUserId: who.auth.user.id,
        requesterName: input.requesterName,
        requesterRole: input.requesterRole,
        requesterOrganisation: input.requesterOrganisation,
        legalGrounds: input.legalGrounds,
        caseNumber: input.caseNumber,
        urgency: input.urgency,
        fromAt: from,
        toAt: to,
      })
      .returning();
    await tx.insert(releaseRequestCameras).values(cameraIds.map((cameraId) => ({ requestId: row!.id, cameraId })));
    const number = requestNumber(row!);
    await recordAudit(tx, who.actor, {
      action: 'release_request.submitted',
      targetType: 'release_request',
      targetId: row!.id,
      data: {
        number,
        requesterKind,
        cameraIds,
        from: input.from,
        to: input.to,
        urgency: input.urgency,
        onBehalf: requesterUserId !== who.auth.user.id,
      },
    });
    await createLocks(tx, who.actor, { cameraIds, from, to, reason: `Pedido de cessão de imagens ${number}`, releaseRequestId: row!.id });
    return row!.id;
  });
  return viewRequest(deps.db, who.auth, id);
}
