import { type CameraSharingConsent, type ConsentRequest, consentMeansLabels } from '@vigia/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraSharingConsentCameras, cameraSharingConsents, integratorCameras } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import { newToken, sessionIdOf } from '../../http/session-token.js';
import { queueMail } from '../../mail/mailer.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { ISSUER } from '../documents/act-content.js';
import { issueDocument } from '../documents/issue-document.js';
import { consentsOf } from './consent-view.js';
import { type IntegratorDeps, integratorCompanyId, loadClient } from './portfolio.js';

/** The page of the public portal where the client confirms or revokes (token in the query). */
export const consentLinkUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/autorizacao-cameras?token=${token}`;

/**
 * The integrator asks its client to consent to sharing named cameras (issue 18; seed 002: "obter a
 * autorização dos seus contratantes"). One pending or granted consent per camera at a time. The
 * client always receives the link by e-mail (it confirms there for `email_link`, and revokes there
 * in both cases); `signed_term` also issues the term to print and sign, with its authenticity code.
 */
export async function requestConsent(
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  clientPartnerId: string,
  input: ConsentRequest,
): Promise<CameraSharingConsent> {
  const id = await deps.db.transaction((tx) => requestConsentIn(tx, deps, auth, actor, clientPartnerId, input));
  return (await consentsOf(deps.db, eq(cameraSharingConsents.id, id)))[0]!;
}

/** The request in the caller's transaction (the integrator's spreadsheet import asks each client the same way); its id. */
export async function requestConsentIn(
  tx: Tx,
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  clientPartnerId: string,
  input: ConsentRequest,
): Promise<string> {
  const now = deps.clock.now();
  const client = await loadClient(tx, auth, clientPartnerId);
  const company = integratorCompanyId(auth);
  if (!client.email)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'email', message: 'Cadastre o e-mail do cliente antes de pedir a autorização.' },
    ]);
  const ids = [...new Set(input.cameraIds)];
  const cams = await tx
    .select({ id: cameras.id, name: cameras.name, lat: cameras.latitude, lon: cameras.longitude, ibge: cameras.municipalityIbge })
    .from(cameras)
    .innerJoin(integratorCameras, and(eq(integratorCameras.cameraId, cameras.id), eq(integratorCameras.integratorPartnerId, company)))
    .where(and(inArray(cameras.id, ids), eq(cameras.partnerId, clientPartnerId)))
    .for('update');
  if (cams.length !== ids.length) throw new AppError('NOT_FOUND', 'Câmera não encontrada entre as deste cliente.');
  const busy = await tx
    .select({ id: cameraSharingConsentCameras.cameraId })
    .from(cameraSharingConsentCameras)
    .innerJoin(cameraSharingConsents, eq(cameraSharingConsents.id, cameraSharingConsentCameras.consentId))
    .where(and(inArray(cameraSharingConsentCameras.cameraId, ids), inArray(cameraSharingConsents.status, ['pending', 'granted'])))
    .limit(1);
  if (busy.length) throw new AppError('CONSENT_CAMERA_TAKEN');
  const [companyRow] = await tx.select({ name: partners.name }).from(partners).where(eq(partners.id, company));
  const token = newToken();
  const [row] = await tx
    .insert(cameraSharingConsents)
    .values({
      integratorPartnerId: company,
      clientPartnerId,
      means: input.means,
      clientEmail: client.email,
      tokenHash: sessionIdOf(token),
      requestedBy: auth.user.id,
      requestedAt: now,
    })
    .returning({ id: cameraSharingConsents.id });
  const consentId = row!.id;
  await tx.insert(cameraSharingConsentCameras).values(ids.map((cameraId) => ({ consentId, cameraId })));
  if (input.means === 'signed_term') {
    const [pdf] = await issueDocument(tx, deps, actor, {
      kind: 'camera_sharing_consent_term',
      subjectType: 'camera_sharing_consent',
      subjectId: consentId,
      formats: ['pdf'],
      content: {
        title: 'TERMO DE AUTORIZAÇÃO DE COMPARTILHAMENTO DE IMAGENS',
        subtitle: 'Decreto nº 1.522/2022, art. 15 — câmeras de clientes de empresa de segurança eletrônica credenciada',
        blocks: [
          { kind: 'paragraph', text: ISSUER.join(' — ') },
          {
            kind: 'paragraph',
            text: `${client.name} (CPF/CNPJ ${client.document}) autoriza a empresa ${companyRow!.name} a compartilhar com o Programa Vigia Mais MT as imagens das câmeras abaixo, voltadas para vias e espaços públicos, para exibição em tempo real ao Centro Integrado de Operações de Segurança Pública (CIOSP) e gravação sob sigilo.`,
          },
          {
            kind: 'table',
            headers: ['Câmera', 'Município (IBGE)', 'Latitude', 'Longitude'],
            rows: cams.map((c) => [c.name, c.ibge, c.lat.toFixed(6), c.lon.toFixed(6)]),
          },
          {
            kind: 'paragraph',
            text: 'A autorização pode ser revogada a qualquer tempo pelo link enviado ao e-mail do cliente ou pelo portal; a revogação interrompe imediatamente a transmissão, a gravação e o monitoramento.',
          },
          { kind: 'signature', lines: [client.name, 'Cliente (titular das câmeras)'] },
        ],
      },
    });
    await tx.update(cameraSharingConsents).set({ termDocumentId: pdf!.id }).where(eq(cameraSharingConsents.id, consentId));
  }
  await queueMail(tx, {
    to: client.email,
    subject: 'Vigia Mais MT — autorização para compartilhar câmeras',
    text: [
      `Olá, ${client.name}.`,
      '',
      `A empresa ${companyRow!.name} pediu sua autorização para compartilhar com o Programa Vigia Mais MT as imagens das câmeras: ${cams.map((c) => c.name).join('; ')}.`,
      `Forma da autorização: ${consentMeansLabels[input.means]}.`,
      '',
      input.means === 'email_link'
        ? 'Para autorizar (ou para revogar depois, a qualquer momento), abra:'
        : 'Depois de assinar o termo, você pode revogar a autorização a qualquer momento em:',
      consentLinkUrl(deps.publicUrl, token),
      '',
      'Se você não reconhece este pedido, ignore esta mensagem: nenhuma câmera é compartilhada sem a sua autorização.',
    ].join('\n'),
  });
  await recordAudit(tx, actor, {
    action: 'camera_sharing_consent.requested',
    targetType: 'partner',
    targetId: clientPartnerId,
    data: { consentId, integratorPartnerId: company, means: input.means, cameraIds: ids },
  });
  return consentId;
}
