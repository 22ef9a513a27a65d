import {
  footageAvailabilityLabels,
  type ReleaseDecisionCreate,
  type ReleaseRequest,
  releaseDecisionCreateSchema,
  releaseDecisionLabels,
  requesterKindLabels,
} from '@vigia/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { users } from '../../db/tables/accounts.js';
import { cameras } from '../../db/tables/cameras.js';
import { releaseDeliveries, releaseRequestCameras, releaseRequestNotes, releaseRequests } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import { queueReleaseExport } from '../exports/export-jobs.js';
import { findMunicipality } from '../reference/index.js';
import { releaseLocks } from './evidence-locks.js';

import { DELIVERY_VALID_DAYS, loadRequest, type ReleaseDeps, requestNumber } from './release-scope.js';
import { viewRequest } from './view-request.js';

const fmt = (d: Date) => d.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' });

/**
 * Reasoned decision by the release authority (art. 2º, VI), after the instruction. Issues the
 * decision act (PDF with authenticity code and QR). Denial closes the case and releases every
 * lock; a partial grant releases the locks of the cameras not granted; a grant (or partial grant)
 * creates the delivery bound to the requester's account, its package pending until export exists.
 */
export async function decideRequest(deps: ReleaseDeps, who: Acting, id: string, raw: ReleaseDecisionCreate): Promise<ReleaseRequest> {
  const input = releaseDecisionCreateSchema.parse(raw);
  await deps.db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    if (r.status !== 'instructed')
      throw new AppError('RELEASE_INVALID_STATE', 'A decisão só pode ser tomada depois de concluída a instrução.');
    const cams = await tx
      .select({ cameraId: releaseRequestCameras.cameraId, name: cameras.name, municipalityIbge: cameras.municipalityIbge })
      .from(releaseRequestCameras)
      .innerJoin(cameras, eq(cameras.id, releaseRequestCameras.cameraId))
      .where(eq(releaseRequestCameras.requestId, id));
    const all = cams.map((c) => c.cameraId);
    let granted: string[] = [];
    let grantedFrom: Date | null = null;
    let grantedTo: Date | null = null;
    if (input.decision === 'granted') {
      granted = all;
      grantedFrom = r.fromAt;
      grantedTo = r.toAt;
    } else if (input.decision === 'partially_granted') {
      granted = [...new Set(input.grantedCameraIds ?? all)];
      if (!granted.length || granted.some((c) => !all.includes(c)))
        throw new AppError('VALIDATION_FAILED', undefined, [
          { path: 'grantedCameraIds', message: 'Escolha, entre as câmeras do pedido, ao menos uma a ceder.' },
        ]);
      grantedFrom = input.grantedFrom ? new Date(input.grantedFrom) : r.fromAt;
      grantedTo = input.grantedTo ? new Date(input.grantedTo) : r.toAt;
      if (grantedFrom < r.fromAt || grantedTo > r.toAt || grantedTo <= grantedFrom) {
        throw new AppError('VALIDATION_FAILED', undefined, [
          { path: 'grantedTo', message: 'O período cedido deve estar dentro do período pedido.' },
        ]);
      }
      if (granted.length === all.length && grantedFrom.getTime() === r.fromAt.getTime() && grantedTo.getTime() === r.toAt.getTime()) {
        throw new AppError('VALIDATION_FAILED', undefined, [
          { path: 'grantedCameraIds', message: 'Deferimento parcial: reduza as câmeras ou o período (ou escolha "Deferir").' },
        ]);
      }
    }
    const now = new Date();
    const status = input.decision;
    await tx
      .update(releaseRequests)
      .set({
        status,
        decision: input.decision,
        decisionReasons: input.reasons,
        decidedBy: who.auth.user.id,
        decidedAt: now,
        grantedFrom,
        grantedTo,
        closedAt: input.decision === 'denied' ? now : null,
        closedBy: input.decision === 'denied' ? who.auth.user.id : null,
      })
      .where(eq(releaseRequests.id, id));
    for (const c of all) {
      await tx
        .update(releaseRequestCameras)
        .set({ granted: granted.includes(c) })
        .where(and(eq(releaseRequestCameras.requestId, id), eq(releaseRequestCameras.cameraId, c)));
    }
    const number = requestNumber(r);
    await recordAudit(tx, who.actor, {
      action: 'release_request.decided',
      targetType: 'release_request',
      targetId: id,
      reason: input.reasons,
      data: { number, decision: input.decision, grantedCameraIds: granted },
    });
    const notes = await tx
      .select()
      .from(releaseRequestNotes)
      .where(eq(releaseRequestNotes.requestId, id))
      .orderBy(asc(releaseRequestNotes.createdAt));
    await issueDocument(tx, deps, who.actor, {
      kind: 'release_decision',
      subjectType: 'release_request',
      subjectId: id,
      formats: ['pdf'],
      content: {
        title: 'DECISÃO SOBRE PEDIDO DE CESSÃO DE IMAGENS',
        subtitle: `Pedido nº ${number} — Decreto nº 1.522/2022, art. 2º, VI`,
        blocks: [
          { kind: 'heading', text: 'Requerimento' },
          {
            kind: 'table',
            headers: ['Campo', 'Informação'],
            rows: [
              ['Requerente', `${r.requesterName} — ${r.requesterRole}`],
              ['Órgão', r.requesterOrganisation],
              ['Qualidade', requesterKindLabels[r.requesterKind]],
              ['Processo / inquérito', r.caseNumber],
              ['Período pedido', `${fmt(r.fromAt)} a ${fmt(r.toAt)} (horário de Cuiabá)`],
              ['Protocolo', fmt(r.createdAt)],
            ],
          },
          { kind: 'paragraph', text: `Fundamentação do pedido: ${r.legalGrounds}` },
          { kind: 'heading', text: 'Câmeras' },
          {
            kind: 'table',
            headers: ['Câmera', 'Município', 'Cessão'],
            rows: cams.map((c) => [
              c.name,
              findMunicipality(c.municipalityIbge)?.name ?? c.municipalityIbge,
              granted.includes(c.cameraId) ? 'Cedida' : 'Não cedida',
            ]),
          },
          { kind: 'heading', text: 'Instrução' },
          notes.length
            ? { kind: 'list', items: notes.map((n) => `${fmt(n.createdAt)} — ${footageAvailabilityLabels[n.availability]}: ${n.text}`) }
            : { kind: 'paragraph', text: 'Sem notas de instrução.' },
          { kind: 'heading', text: 'Decisão' },
          {
            kind: 'paragraph',
            bold: true,
            text: `${releaseDecisionLabels[input.decision].toUpperCase()} o pedido${grantedFrom && grantedTo ? `, cedendo as imagens de ${fmt(grantedFrom)} a ${fmt(grantedTo)}` : ''}.`,
          },
          { kind: 'paragraph', text: input.reasons },
          {
            kind: 'paragraph',
            text:
              input.decision === 'denied'
                ? 'Com o indeferimento, o pedido é encerrado e as imagens deixam de estar preservadas por este pedido.'
                : `As imagens cedidas serão entregues exclusivamente à conta do requerente na plataforma, por link pessoal válido por ${DELIVERY_VALID_DAYS} dias; cada acesso é registrado na trilha de auditoria. O requerente guardará absoluto sigilo sobre as imagens, sob pena de responsabilidade administrativa, civil e criminal.`,
          },
          { kind: 'signature', lines: ['Autoridade competente para a cessão de imagens', 'SESP/MT'] },
        ],
      },
    });
    if (input.decision === 'denied') {
      await releaseLocks(tx, who.actor, id, `Pedido ${number} indeferido e encerrado`);
    } else {
      await releaseLocks(
        tx,
        who.actor,
        id,
        `Câmera não cedida no pedido ${number}`,
        all.filter((c) => !granted.includes(c)),
      );
      const [delivery] = await tx
        .insert(releaseDeliveries)
        .values({
          requestId: id,
          recipientUserId: r.requesterUserId,
          expiresAt: new Date(now.getTime() + DELIVERY_VALID_DAYS * 86_400_000),
        })
        .returning();
      await recordAudit(tx, who.actor, {
        action: 'release_delivery.created',
        targetType: 'release_request',
        targetId: id,
        data: { deliveryId: delivery!.id, recipientUserId: r.requesterUserId, packageStatus: 'pending' },
      });
      // The package: an export of the granted cameras and period, built by the export-build job,
      // which marks this delivery ready (modules/exports).
      const exportId = await queueReleaseExport(tx, who.actor, {
        deliveryId: delivery!.id,
        cameraIds: granted,
        from: grantedFrom!,
        to: grantedTo!,
        reason: `Cessão de imagens — pedido ${number}`,
        caseNumber: r.caseNumber,
      });
      await recordAudit(tx, who.actor, {
        action: 'export.requested',
        targetType: 'export',
        targetId: exportId,
        reason: `Cessão de imagens — pedido ${number}`,
        data: { exportId, releaseRequestId: id, deliveryId: delivery!.id, cameraIds: granted },
      });
    }
    const [recipient] = await tx.select({ email: users.email }).from(users).where(eq(users.id, r.requesterUserId));
    if (recipient) {
      await queueMail(tx, {
        to: recipient.email,
        subject: `Vigia Mais MT — decisão do pedido de cessão de imagens ${number}`,
        text: `O pedido ${number} (processo ${r.caseNumber}) foi decidido: ${releaseDecisionLabels[input.decision].toLowerCase()}. Consulte a decisão e, se deferido, a entrega na plataforma (área "Pedidos de cessão de imagens").`,
      });
    }
  });
  return viewRequest(deps.db, who.auth, id);
}
