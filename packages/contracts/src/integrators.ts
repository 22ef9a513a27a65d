import { z } from 'zod';
import { emailSchema } from './auth.js';
import { cnpjSchema, cpfSchema } from './brazil.js';

/**
 * Integrator portfolio (issue 18; Art. 15; seed 002 "BH + Segura"): an accredited electronic-security
 * company manages clients (persons or companies) and shares the street-facing cameras of those that
 * consented. Schemas shared by the server (validation, OpenAPI) and the web app.
 */
const name = z.string().trim().min(3, { message: 'Informe o nome do cliente.' }).max(200);
const municipalityIbge = z.string().regex(/^51\d{5}$/, 'Município de Mato Grosso inválido (código IBGE).');

export const integratorClientInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('individual'), name, document: cpfSchema, email: emailSchema, municipalityIbge }),
  z.object({ kind: z.literal('company'), name, document: cnpjSchema, email: emailSchema, municipalityIbge }),
]);
export type IntegratorClientInput = z.output<typeof integratorClientInputSchema>;

export const consentMeansSchema = z.enum(['email_link', 'signed_term'], { error: 'Escolha como o cliente vai autorizar.' });
export type ConsentMeans = z.infer<typeof consentMeansSchema>;
export const consentMeansLabels: Readonly<Record<ConsentMeans, string>> = {
  email_link: 'Confirmação por link enviado ao e-mail do cliente',
  signed_term: 'Termo de autorização gerado pela plataforma, assinado pelo cliente',
};

export const consentStatusSchema = z.enum(['pending', 'granted', 'revoked']);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;
export const consentStatusLabels: Readonly<Record<ConsentStatus, string>> = {
  pending: 'Aguardando o cliente',
  granted: 'Autorizado',
  revoked: 'Revogado',
};

export const cameraSharingConsentSchema = z.object({
  id: z.string().uuid(),
  clientPartnerId: z.string().uuid(),
  clientName: z.string(),
  integratorPartnerId: z.string().uuid(),
  integratorName: z.string(),
  means: consentMeansSchema,
  status: consentStatusSchema,
  clientEmail: z.string(),
  cameras: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  requestedAt: z.string(),
  consentedBy: z.string().nullable(),
  consentedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedVia: z.string().nullable(),
  /** The generated term to print and sign (signed_term), with its authenticity code. */
  termDocument: z.object({ id: z.string().uuid(), code: z.string() }).nullable(),
});
export type CameraSharingConsent = z.infer<typeof cameraSharingConsentSchema>;

export const consentRequestSchema = z.object({
  cameraIds: z.array(z.string().uuid()).min(1, { message: 'Escolha ao menos uma câmera.' }).max(100),
  means: consentMeansSchema,
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

/** The integrator records the term the client signed (a scan uploaded through /api/files). */
export const signedTermSchema = z.object({
  signedFileId: z.string().uuid(),
  signerName: z.string().trim().min(3, { message: 'Informe o nome de quem assinou.' }).max(200),
});

export const clientCameraSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  streamEligible: z.boolean(),
  consent: consentStatusSchema.nullable(),
  /** Uptime this month in percent while monitored (Art. 25 §3); null when not measured. */
  uptimePercent: z.number().nullable(),
});

export const integratorClientSchema = z.object({
  id: z.string().uuid(),
  partnerId: z.string().uuid(),
  kind: z.string(),
  name: z.string(),
  document: z.string(),
  email: z.string().nullable(),
  municipalityIbge: z.string(),
  cameras: z.array(clientCameraSchema),
  consents: z.array(cameraSharingConsentSchema),
});
export type IntegratorClient = z.infer<typeof integratorClientSchema>;

/** What the client sees on the link page (no technical details of the cameras). */
export const consentLinkViewSchema = z.object({
  clientName: z.string(),
  integratorName: z.string(),
  status: consentStatusSchema,
  cameras: z.array(z.object({ name: z.string() })),
});
export type ConsentLinkView = z.infer<typeof consentLinkViewSchema>;

export const consentTokenSchema = z.object({ token: z.string().min(20).max(200) });
export const consentConfirmSchema = consentTokenSchema.extend({
  name: z.string().trim().min(3, { message: 'Informe o seu nome completo.' }).max(200),
});

/** Batch self-test over the company's client cameras (all, or one client's). */
export const selfTestBatchRequestSchema = z.object({ clientPartnerId: z.string().uuid().optional() });

export const selfTestBatchSchema = z.object({
  id: z.string().uuid(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  /** One line per camera: its result in this batch (null while not tested yet). */
  cameras: z.array(
    z.object({
      cameraId: z.string().uuid(),
      cameraName: z.string(),
      clientName: z.string(),
      ok: z.boolean().nullable(),
      /** The first failing step, with its code and the installer's hint (pt-BR). */
      failedStep: z.object({ key: z.string(), label: z.string(), code: z.string().nullable(), hint: z.string().nullable() }).nullable(),
      selfTestId: z.string().nullable(),
    }),
  ),
});
export type SelfTestBatch = z.infer<typeof selfTestBatchSchema>;

/** Signage plate of a site (one per camera that may stream). */
export const signagePlateStatusSchema = z.enum(['awaiting_photo', 'submitted', 'approved', 'new_photo_requested']);
export const signagePlateStatusLabels: Readonly<Record<z.infer<typeof signagePlateStatusSchema>, string>> = {
  awaiting_photo: 'Aguardando foto da instalação',
  submitted: 'Foto enviada — aguardando a comissão',
  approved: 'Placa instalada (aprovada)',
  new_photo_requested: 'Nova foto pedida pela comissão',
};
export const signagePlateSchema = z.object({
  cameraId: z.string().uuid(),
  cameraName: z.string(),
  siteCode: z.string(),
  status: signagePlateStatusSchema,
  dueOn: z.string(),
  photoFileId: z.string().uuid().nullable(),
  photoLatitude: z.number().nullable(),
  photoLongitude: z.number().nullable(),
  photoGpsSource: z.string().nullable(),
  decisionReason: z.string().nullable(),
  caseId: z.string().uuid().nullable(),
});
export type SignagePlate = z.infer<typeof signagePlateSchema>;

/** The installation photo (uploaded through /api/files); the browser's position when the photo has no EXIF GPS. */
export const signagePlatePhotoSchema = z.object({
  fileId: z.string().uuid(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export const signagePlateDecisionSchema = z
  .object({ approve: z.boolean(), reason: z.string().trim().max(2000).default('') })
  .refine((d) => d.approve || d.reason.length >= 5, { path: ['reason'], message: 'Diga por que é preciso uma nova foto.' });
