import {
  footageAvailabilityLabels,
  isEligibleRequesterKind,
  type ReleaseCameraOption,
  type ReleaseDecisionCreate,
  type ReleaseNoteCreate,
  type ReleaseRequest,
  type ReleaseRequestCreate,
  type ReleaseRequestSummary,
  releaseDecisionCreateSchema,
  releaseDecisionLabels,
  releaseNoteCreateSchema,
  releaseRequestCreateSchema,
  requesterKindLabels,
} from '@vigia/contracts';
import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { cameras } from '../../db/tables/cameras.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { partners } from '../../db/tables/partners.js';
import { releaseDeliveries, releaseRequestCameras, releaseRequestNotes, releaseRequests } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { viewScope } from '../cameras/cameras.scope.js';
import { type DocumentsDeps, issueDocument } from '../documents/issue-document.js';
import { queueReleaseExport, retryDeliveryExport } from '../exports/export-jobs.js';
import { SESP_SEES_EVERY_PARTNER } from '../partners/partner-scope.js';
import { findMunicipality } from '../reference/index.js';
import { createLocks, locksOfRequest, releaseLocks } from './evidence-locks.js';

export type { Acting } from '../../http/context.js';
export interface ReleaseDeps extends DocumentsDeps {
  db: Db;
}

type RequestRow = typeof releaseRequests.$inferSelect;

/** How long the requester's download link lives after the decision. */
export const DELIVERY_VALID_DAYS = 15;
/** Footage cannot be asked for beyond now (a little slack for clocks). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** Who sees every release request: SESP's partner-wide roles, plus the release authority that decides them. */
const SEES_ALL: ReadonlySet<string> = new Set([...SESP_SEES_EVERY_PARTNER, 'release_authority']);

export const requestNumber = (r: Pick<RequestRow, 'seq' | 'createdAt'>) =>
  `CI-${r.createdAt.getUTCFullYear()}-${String(r.seq).padStart(6, '0')}`;

/** Requests the caller may see: SESP all; a requester or a filing operator only those they are party to. */
export function requestScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => SEES_ALL.has(r))) return sql`true`;
  return or(eq(releaseRequests.requesterUserId, auth.user.id), eq(releaseRequests.filedByUserId, auth.user.id))!;
}

/** Loads a request inside the caller's scope; outside it the request does not exist (404, no IDOR oracle). */
export async function loadRequest(db: Queryable, auth: AuthContext, id: string, forUpdate = false): Promise<RequestRow> {
  const q = db
    .select()
    .from(releaseRequests)
    .where(and(eq(releaseRequests.id, id), requestScope(auth)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Pedido de cessão não encontrado.');
  return row;
}

const isParty = (auth: AuthContext) => auth.roles.some((r) => r === 'operator' || r === 'regional_operator');

/**
 * Cameras a requester may name. Operators pick from their own camera scope (cameras.scope.ts); the
 * external requester, who sees no camera registry, picks from the program's cameras by name and
 * municipality only (no address, port or credential).
 */
function cameraPickScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'external_requester' || SEES_ALL.has(r))) return ne(cameras.status, 'disabled');
  return viewScope(auth);
}

export async function cameraOptions(db: Queryable, auth: AuthContext): Promise<ReleaseCameraOption[]> {
  const rows = await db
    .select({ id: cameras.id, name: cameras.name, municipalityIbge: cameras.municipalityIbge, partnerName: partners.name })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .where(cameraPickScope(auth))
    .orderBy(asc(cameras.municipalityIbge), asc(cameras.name))
    .limit(5000);
  return rows;
}

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

export async function listRequests(db: Queryable, auth: AuthContext): Promise<ReleaseRequestSummary[]> {
  const rows = await db
    .select({
      r: releaseRequests,
      cameraCount: sql<number>`(SELECT count(*)::int FROM ${releaseRequestCameras} WHERE ${releaseRequestCameras.requestId} = ${releaseRequests.id})`,
    })
    .from(releaseRequests)
    .where(requestScope(auth))
    .orderBy(desc(releaseRequests.createdAt))
    .limit(500);
  return rows.map(({ r, cameraCount }) => ({
    id: r.id,
    number: requestNumber(r),
    status: r.status,
    requesterKind: r.requesterKind,
    requesterName: r.requesterName,
    requesterOrganisation: r.requesterOrganisation,
    caseNumber: r.caseNumber,
    urgency: r.urgency,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    decision: r.decision,
    cameraCount: Number(cameraCount),
  }));
}

export async function viewRequest(db: Queryable, auth: AuthContext, id: string): Promise<ReleaseRequest> {
  const r = await loadRequest(db, auth, id);
  const cams = await db
    .select({
      cameraId: releaseRequestCameras.cameraId,
      granted: releaseRequestCameras.granted,
      name: cameras.name,
      municipalityIbge: cameras.municipalityIbge,
    })
    .from(releaseRequestCameras)
    .innerJoin(cameras, eq(cameras.id, releaseRequestCameras.cameraId))
    .where(eq(releaseRequestCameras.requestId, id))
    .orderBy(asc(cameras.name));
  const notes = await db
    .select({ n: releaseRequestNotes, authorName: users.name })
    .from(releaseRequestNotes)
    .innerJoin(users, eq(users.id, releaseRequestNotes.authorId))
    .where(eq(releaseRequestNotes.requestId, id))
    .orderBy(asc(releaseRequestNotes.createdAt));
  const docs = await db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.subjectType, 'release_request'), eq(generatedDocuments.subjectId, id)))
    .orderBy(desc(generatedDocuments.issuedAt));
  const [delivery] = await db
    .select()
    .from(releaseDeliveries)
    .where(eq(releaseDeliveries.requestId, id))
    .orderBy(desc(releaseDeliveries.createdAt))
    .limit(1);
  const now = Date.now();
  const isRecipient = delivery?.recipientUserId === auth.user.id;
  return {
    id: r.id,
    number: requestNumber(r),
    status: r.status,
    requesterKind: r.requesterKind,
    requesterUserId: r.requesterUserId,
    filedByUserId: r.filedByUserId,
    filedOnBehalf: r.filedByUserId !== r.requesterUserId,
    requesterName: r.requesterName,
    requesterRole: r.requesterRole,
    requesterOrganisation: r.requesterOrganisation,
    legalGrounds: r.legalGrounds,
    caseNumber: r.caseNumber,
    urgency: r.urgency,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    cameras: cams.map((c) => ({ cameraId: c.cameraId, name: c.name, municipalityIbge: c.municipalityIbge, granted: c.granted })),
    createdAt: r.createdAt.toISOString(),
    decision: r.decision,
    decisionReasons: r.decisionReasons,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    grantedFrom: r.grantedFrom?.toISOString() ?? null,
    grantedTo: r.grantedTo?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    notes: notes.map(({ n, authorName }) => ({
      id: n.id,
      authorName,
      availability: n.availability,
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    })),
    locks: await locksOfRequest(db, id),
    documents: docs.map((d) => ({
      id: d.id,
      code: d.code,
      format: d.format,
      title: d.title,
      issuedAt: d.issuedAt.toISOString(),
      sha256: d.sha256,
    })),
    delivery: delivery
      ? {
          id: delivery.id,
          recipientUserId: delivery.recipientUserId,
          expiresAt: delivery.expiresAt.toISOString(),
          expired: delivery.expiresAt.getTime() <= now,
          packageStatus: delivery.packageStatus,
          failureReason: delivery.failureReason,
          retryUrl:
            delivery.packageStatus === 'failed' && auth.roles.includes('release_authority')
              ? `/api/releases/${r.id}/delivery/${delivery.id}/retry`
              : null,
          downloads: delivery.downloads,
          downloadUrl: isRecipient ? `/api/releases/${r.id}/delivery/${delivery.id}/download` : null,
        }
      : null,
  };
}

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

/** The release authority closes a granted case: the remaining locks are released. */
export async function closeRequest(db: Db, who: Acting, id: string, reason: string): Promise<ReleaseRequest> {
  await db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    if (r.status !== 'granted' && r.status !== 'partially_granted')
      throw new AppError('RELEASE_INVALID_STATE', 'Só um pedido deferido (total ou parcialmente) e ainda aberto pode ser encerrado.');
    await tx
      .update(releaseRequests)
      .set({ status: 'closed', closedAt: new Date(), closedBy: who.auth.user.id })
      .where(eq(releaseRequests.id, id));
    await recordAudit(tx, who.actor, { action: 'release_request.closed', targetType: 'release_request', targetId: id, reason });
    await releaseLocks(tx, who.actor, id, `Pedido ${requestNumber(r)} encerrado: ${reason}`);
  });
  return viewRequest(db, who.auth, id);
}

/**
 * "Tentar novamente" (release authority): a delivery whose package failed after its last attempt
 * is queued again (same export job, fresh attempts), audited `release_delivery.retried`.
 */
export async function retryDelivery(db: Db, who: Acting, id: string, deliveryId: string): Promise<ReleaseRequest> {
  await db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    const [d] = await tx
      .select()
      .from(releaseDeliveries)
      .where(and(eq(releaseDeliveries.id, deliveryId), eq(releaseDeliveries.requestId, r.id)))
      .limit(1)
      .for('update');
    if (!d) throw new AppError('NOT_FOUND', 'Entrega não encontrada.');
    if (d.packageStatus !== 'failed' || r.status === 'closed')
      throw new AppError('RELEASE_INVALID_STATE', 'Só é possível tentar novamente uma entrega cuja montagem falhou.');
    await retryDeliveryExport(tx, who.actor, d);
  });
  return viewRequest(db, who.auth, id);
}

/**
 * The requester downloads the delivery: bound to the requester's account (another account → 404),
 * expiring (410), every attempt audited. While the export job builds the package it is pending
 * ("pacote em preparação", 409); once ready the caller streams the export ZIP (`exportId`).
 */
export async function downloadDelivery(db: Db, who: Acting, id: string, deliveryId: string): Promise<{ exportId: string }> {
  const r = await loadRequest(db, who.auth, id);
  const [d] = await db
    .select()
    .from(releaseDeliveries)
    .where(
      and(
        eq(releaseDeliveries.id, deliveryId),
        eq(releaseDeliveries.requestId, r.id),
        eq(releaseDeliveries.recipientUserId, who.auth.user.id),
      ),
    )
    .limit(1);
  if (!d || r.status === 'denied') throw new AppError('NOT_FOUND', 'Entrega não encontrada.');
  const expired = d.expiresAt.getTime() <= Date.now() || r.status === 'closed';
  const exportId = d.packageStorageKey?.startsWith('exports/') ? d.packageStorageKey.slice('exports/'.length) : null;
  const outcome = expired
    ? 'expired'
    : d.packageStatus === 'failed'
      ? 'package_failed'
      : d.packageStatus === 'pending' || !exportId
        ? 'package_pending'
        : 'ready';
  await db.transaction(async (tx) => {
    if (outcome === 'ready')
      await tx
        .update(releaseDeliveries)
        .set({ downloads: sql`${releaseDeliveries.downloads} + 1` })
        .where(eq(releaseDeliveries.id, d.id));
    await recordAudit(tx, who.actor, {
      action: outcome === 'ready' ? 'release_delivery.downloaded' : 'release_delivery.download_refused',
      targetType: 'release_request',
      targetId: r.id,
      data: { deliveryId: d.id, outcome, ...(exportId ? { exportId } : {}) },
    });
  });
  if (outcome === 'expired') throw new AppError('RELEASE_DELIVERY_EXPIRED');
  if (outcome === 'package_pending') throw new AppError('RELEASE_PACKAGE_PENDING');
  if (outcome === 'package_failed') throw new AppError('RELEASE_PACKAGE_FAILED');
  return { exportId: exportId! };
}
