import { type ApplicantKind, type ApplicationDetail, isPrivateApplicant, leaseRemainingOk, propertyOwnershipIssue } from '@vigia/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { todayOn } from '../calendar/clock.js';
import { todayInCuiaba } from '../calendar/local-date.js';
import { findPartner, type PartnerRow } from '../partners/partner-profile.js';
import { assertNotSuspended } from '../sanctions/sanctions.service.js';
import { currentAttachments, loadDetail, type PointRow, pointsOf } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { issueAnnexes } from './issue-annexes.js';
import { documentsFor, uploadsRequired } from './requirements.js';
import { type ApplicationRow, loadInScope, partnerCondition } from './scope.js';
import { transition } from './transition.js';

/**
 * Art. 8 §1: the active indirect-management term (municipality or consortium) covering a
 * municipality, if any. Only active terms route: a term awaiting signature is not yet "vigente".
 */
export async function indirectManagerFor(db: Queryable, municipalityIbge: string) {
  const [term] = await db
    .select()
    .from(cooperationTerms)
    .where(
      and(
        eq(cooperationTerms.kind, 'indirect_delegation'),
        eq(cooperationTerms.status, 'active'),
        sql`${cooperationTerms.coveredMunicipalities} @> ${JSON.stringify([municipalityIbge])}::jsonb`,
      ),
    )
    .limit(1);
  return term;
}

/** Everything that must hold before an application leaves the draft; each failure in pt-BR. */
async function checkSubmittable(db: Queryable, app: ApplicationRow, partner: PartnerRow, points: PointRow[]): Promise<void> {
  const kind = partner.kind as ApplicantKind;
  if (!partner.address || !partner.legalRepresentative) {
    throw new AppError(
      'REQUIREMENTS_NOT_MET',
      'Complete o cadastro do ente proponente (endereço e representante legal) antes de enviar o pedido.',
    );
  }
  const ownershipIssue = propertyOwnershipIssue(kind, app.propertyOwnership);
  if (ownershipIssue) throw new AppError('PROPERTY_SITUATION_NOT_ADMITTED', ownershipIssue);
  if (app.propertyOwnership === 'leased' && !isPublicKind(kind)) {
    if (!app.leaseEndsOn)
      throw new AppError(
        'LEASE_TOO_SHORT',
        'Informe a data de término do contrato de locação (mínimo de 2 anos de vigência restante — art. 10, I, "e", e II, "d").',
      );
    if (!leaseRemainingOk(app.leaseEndsOn, todayInCuiaba())) throw new AppError('LEASE_TOO_SHORT');
  }
  if (kind === 'intermunicipal_consortium' && app.modality === 'indirect' && app.consortiumMunicipalities.length === 0) {
    throw new AppError('REQUIREMENTS_NOT_MET', 'Informe os municípios consorciados abrangidos pela gestão indireta.');
  }
  if (points.length === 0)
    throw new AppError('REQUIREMENTS_NOT_MET', 'Inclua ao menos um ponto de videomonitoramento no projeto executivo (art. 9º, IV).');
  const photoIssues = points.flatMap((p) => [
    ...(p.mountingPhotoFileId
      ? []
      : [{ path: `cameraPoints.${p.ordinal}.mountingPhotoFileId`, message: `Ponto ${p.ordinal}: falta a foto do local de fixação.` }]),
    ...(p.viewPhotoFileId
      ? []
      : [
          {
            path: `cameraPoints.${p.ordinal}.viewPhotoFileId`,
            message: `Ponto ${p.ordinal}: falta a foto do foco sobre o logradouro público.`,
          },
        ]),
  ]);
  if (photoIssues.length)
    throw new AppError(
      'REQUIREMENTS_NOT_MET',
      'Cada ponto do projeto executivo precisa da foto do local de fixação e da foto do foco (Anexo 3, item 7.1).',
      photoIssues,
    );
  const attached = await currentAttachments(db, app.id);
  const missing = uploadsRequired(documentsFor(kind, app)).filter((d) => !attached.has(d.key));
  if (missing.length) {
    throw new AppError(
      'REQUIRED_DOCUMENTS_MISSING',
      undefined,
      missing.map((d) => ({ path: d.key, message: `${d.label} (${d.legalBasis}).` })),
    );
  }
}

const isPublicKind = (kind: ApplicantKind) => !isPrivateApplicant(kind);

/**
 * Submits a draft: checks documents per kind (Art. 9–11), the lease (Art. 10), the points (Art. 3
 * sole §), routes it (Art. 8 §1/§2), generates annexes 1/3/4/5 and notifies — one transaction.
 */
export async function submitApplication(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: { directHandlingReason?: string | undefined },
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, partnerCondition(who.auth), id, true);
    if (current.status !== 'draft') throw new AppError('INVALID_STATE', 'Somente um rascunho pode ser enviado.');
    const partner = (await findPartner(tx, current.partnerId))!;
    await assertNotSuspended(tx, partner.id, todayOn(deps.clock)); // Art. 30 II: ban on new partnerships while suspended
    const points = await pointsOf(tx, id);
    await checkSubmittable(tx, current, partner, points);

    const kind = partner.kind as ApplicantKind;
    const manager = isPrivateApplicant(kind) ? await indirectManagerFor(tx, partner.municipalityIbge) : undefined;
    const routing = !manager
      ? {
          handledBy: 'sesp' as const,
          managerMunicipalityIbge: null,
          managerTermId: null,
          directHandlingStatus: null,
          directHandlingReason: null,
        }
      : input.directHandlingReason
        ? {
            handledBy: 'sesp' as const,
            managerMunicipalityIbge: partner.municipalityIbge,
            managerTermId: manager.id,
            directHandlingStatus: 'requested' as const,
            directHandlingReason: input.directHandlingReason,
          }
        : {
            handledBy: 'manager' as const,
            managerMunicipalityIbge: partner.municipalityIbge,
            managerTermId: manager.id,
            directHandlingStatus: null,
            directHandlingReason: null,
          };

    const submitted = await transition(tx, who.actor, current, 'submitted', {
      action: 'application.submitted',
      data: {
        handledBy: routing.handledBy,
        managerTermId: routing.managerTermId,
        directHandlingRequested: routing.directHandlingStatus === 'requested',
        cameraPoints: points.length,
      },
      set: { ...routing, submittedAt: new Date() },
    });
    await issueAnnexes(tx, deps, who.actor, submitted, partner, points);
    const to = partner.email ?? who.auth.user.email;
    await queueMail(tx, {
      to,
      subject: `Vigia Mais MT — pedido de habilitação nº ${submitted.number} recebido`,
      text:
        `O pedido de habilitação nº ${submitted.number} de ${partner.name} foi recebido.\n` +
        (routing.handledBy === 'manager'
          ? `Como há gestão indireta vigente no seu município, o pedido será analisado pelo município/consórcio gestor (Decreto 1.522/2022, art. 8º, § 1º).\n`
          : routing.directHandlingStatus === 'requested'
            ? `O pedido de processamento direto pela SESP (art. 8º, § 2º) será avaliado.\n`
            : `O pedido será analisado pela comissão técnica da SESP/MT.\n`) +
        `Acompanhe o andamento no portal Vigia Mais MT.`,
    });
    return submitted;
  });
  return loadDetail(deps.db, app);
}
