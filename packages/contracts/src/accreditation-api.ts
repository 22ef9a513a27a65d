import { z } from 'zod';
import { altchaPayloadSchema } from './account-security.js';
import {
  type ApplicantKind,
  applicantKindSchema,
  applicationStatusSchema,
  cameraMountingSchema,
  managementModalitySchema,
  propertyOwnershipSchema,
} from './accreditation/index.js';
import { emailSchema, passwordSchema } from './auth.js';
import { cepMatoGrossoSchema, cnpjSchema, cpfSchema, ibgeMunicipalityCodeSchema, phoneSchema } from './brazil.js';
import { calendarDateSchema } from './calendar-date.js';

/**
 * HTTP contracts of the accreditation flow (Decree 1.522/2022 Art. 3–16): partner sign-up and
 * profile, applications, executive project (camera points), committee analysis, RISP opinion,
 * deficiency notices, decision, homologation, cooperation terms, generated documents and their
 * public verification. Shared by the server (validation + OpenAPI) and the web app.
 */

const text = (min: number, max: number, message: string) => z.string().trim().min(min, { message }).max(max);
const localDateSchema = calendarDateSchema;

// ---------------------------------------------------------------- partner (ente proponente)

export const legalRepresentativeSchema = z.object({
  name: text(3, 200, 'Informe o nome completo do representante legal.'),
  cpf: cpfSchema,
  position: text(2, 120, 'Informe o cargo ou a função do representante legal.'),
  email: emailSchema,
  phone: phoneSchema,
});
export type LegalRepresentative = z.output<typeof legalRepresentativeSchema>;

export const partnerContactSchema = z.object({
  name: text(3, 200, 'Informe o nome do contato.'),
  role: z.string().trim().max(120).optional(),
  email: emailSchema,
  phone: phoneSchema,
});
export type PartnerContact = z.output<typeof partnerContactSchema>;

/** Address of the partner (Art. 3 sole §: only inside Mato Grosso). */
export const partnerAddressSchema = z.object({
  cep: cepMatoGrossoSchema,
  street: text(3, 200, 'Informe o logradouro.'),
  number: text(1, 20, 'Informe o número (ou "s/n").'),
  complement: z.string().trim().max(120).optional(),
  district: text(2, 120, 'Informe o bairro.'),
  municipalityIbge: ibgeMunicipalityCodeSchema,
});
export type PartnerAddress = z.output<typeof partnerAddressSchema>;

/** The CPF/CNPJ schema a kind uses: individuals a CPF, everyone else a CNPJ. */
const documentSchemaFor = (kind: ApplicantKind) => (kind === 'individual' ? cpfSchema : cnpjSchema);

/**
 * CPF or CNPJ, checked at field level (its shape picks which) so a wrong check digit is reported
 * in the same response as every other field error — object-level checks do not run while another
 * field fails. Whether the kind takes a CPF or a CNPJ is checked at object level.
 */
const cpfOrCnpjSchema = z.string({ error: 'Informe o CPF ou o CNPJ.' }).superRefine((value, ctx) => {
  const compact = value.trim().replace(/[\s.\-/()]/g, '');
  const schema = /^\d{11}$/.test(compact) ? cpfSchema : /^[0-9A-Za-z]{12}\d{2}$/.test(compact) ? cnpjSchema : null;
  if (!schema) {
    ctx.addIssue({
      code: 'custom',
      message: 'CPF/CNPJ inválido: informe o CPF (11 dígitos) de pessoa física ou o CNPJ (14 caracteres) dos demais proponentes.',
    });
    return;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
});

const partnerProfileShape = z.object({
  kind: applicantKindSchema,
  name: text(3, 200, 'Informe o nome ou a razão social.'),
  tradeName: z.string().trim().max(200).optional(),
  /** CPF for individuals, CNPJ for everyone else (Art. 10, I, c; II, b). */
  document: cpfOrCnpjSchema,
  email: emailSchema,
  phone: phoneSchema,
  address: partnerAddressSchema,
  legalRepresentative: legalRepresentativeSchema,
  contacts: z.array(partnerContactSchema).max(10).default([]),
});

/** Individuals give a CPF, everyone else a CNPJ (only when the field itself is a valid CPF/CNPJ). */
function checkDocumentByKind(value: { kind: ApplicantKind; document: string }, ctx: z.RefinementCtx): void {
  if (!cpfOrCnpjSchema.safeParse(value.document).success) return;
  const parsed = documentSchemaFor(value.kind).safeParse(value.document);
  if (!parsed.success)
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['document'], message: issue.message });
}
const documentCheckable = {
  when: (payload: { value: unknown }) => {
    const v = payload.value as { kind?: unknown; document?: unknown } | null;
    return typeof v === 'object' && v !== null && applicantKindSchema.safeParse(v.kind).success && typeof v.document === 'string';
  },
};
/** Canonicalises the (already checked) CPF/CNPJ. */
const canonicalDocument = <T extends { kind: ApplicantKind; document: string }>(value: T): T => ({
  ...value,
  document: documentSchemaFor(value.kind).parse(value.document),
});

export const partnerProfileInputSchema = partnerProfileShape
  .superRefine(checkDocumentByKind, documentCheckable)
  .transform(canonicalDocument);
export type PartnerProfileInput = z.output<typeof partnerProfileInputSchema>;

/** The identity of a partner: frozen after its first application is submitted (issue 12, item 7). */
export const partnerIdentitySchema = partnerProfileShape
  .pick({ kind: true, name: true, document: true, legalRepresentative: true })
  .superRefine(checkDocumentByKind, documentCheckable)
  .transform(canonicalDocument);
export type PartnerIdentity = z.output<typeof partnerIdentitySchema>;

export const partnerSignUpRequestSchema = partnerProfileShape
  .extend({
    account: z.object({
      name: text(3, 200, 'Informe o nome completo de quem vai usar a conta.'),
      email: emailSchema,
      password: passwordSchema,
    }),
  })
  .extend({ altcha: altchaPayloadSchema })
  .superRefine(checkDocumentByKind, documentCheckable)
  .transform(canonicalDocument);
export type PartnerSignUpRequest = z.output<typeof partnerSignUpRequestSchema>;

export const partnerProfileSchema = z.object({
  id: z.string().uuid(),
  kind: applicantKindSchema,
  name: z.string(),
  tradeName: z.string().nullable(),
  document: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z
    .object({
      cep: z.string(),
      street: z.string(),
      number: z.string(),
      complement: z.string().optional(),
      district: z.string(),
      municipalityIbge: z.string(),
    })
    .nullable(),
  legalRepresentative: z
    .object({ name: z.string(), cpf: z.string(), position: z.string(), email: z.string(), phone: z.string() })
    .nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string().optional(), email: z.string(), phone: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartnerProfile = z.infer<typeof partnerProfileSchema>;

// ---------------------------------------------------------------- application (habilitação)

export const applicationCreateRequestSchema = z.object({
  /** Art. 4: municipalities and consortia may ask for indirect management; others are direct. */
  modality: managementModalitySchema.default('direct'),
  propertyOwnership: propertyOwnershipSchema,
  /** Required for a leased property (Art. 10, I, e; II, d). */
  leaseEndsOn: localDateSchema.optional(),
  /** Consortia: the member municipalities (IBGE), the territory of an indirect-management term. */
  consortiumMunicipalities: z.array(ibgeMunicipalityCodeSchema).max(142).optional(),
  /** Art. 14 §4: an extension of an existing cooperation term is a new application and authorisation. */
  extendsTermId: z.string().uuid().optional(),
  /** Integrators only (Art. 15): the partner that authorised them. Partner users act for their own partner. */
  partnerId: z.string().uuid().optional(),
});
export type ApplicationCreateRequest = z.output<typeof applicationCreateRequestSchema>;

export const applicationUpdateRequestSchema = z.object({
  modality: managementModalitySchema.optional(),
  propertyOwnership: propertyOwnershipSchema.optional(),
  leaseEndsOn: localDateSchema.nullable().optional(),
  consortiumMunicipalities: z.array(ibgeMunicipalityCodeSchema).max(142).optional(),
});
export type ApplicationUpdateRequest = z.output<typeof applicationUpdateRequestSchema>;

/** One row of the executive project (Anexo 3); Anexo 4 and Anexo 5 are generated from the same rows. */
export const cameraPointInputSchema = z.object({
  address: text(5, 300, 'Informe o endereço do ponto de instalação.'),
  municipalityIbge: ibgeMunicipalityCodeSchema,
  latitude: z.number({ error: 'Informe a latitude.' }).min(-90).max(90),
  longitude: z.number({ error: 'Informe a longitude.' }).min(-180).max(180),
  mounting: cameraMountingSchema,
  mountingDetail: z.string().trim().max(200).optional(),
  /** What the camera films (the public street it is focused on). */
  films: text(5, 500, 'Descreva o que a câmera vai filmar (o logradouro público focado).'),
  mountingPhotoFileId: z.string().uuid().optional(),
  viewPhotoFileId: z.string().uuid().optional(),
});
export type CameraPointInput = z.output<typeof cameraPointInputSchema>;

export const cameraPointsRequestSchema = z.object({
  points: z.array(cameraPointInputSchema).min(1, { message: 'Inclua ao menos um ponto de videomonitoramento.' }).max(500),
});

/** Response shape (no transforms: responses are serialised, not parsed). */
export const cameraPointSchema = z.object({
  address: z.string(),
  municipalityIbge: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  mounting: cameraMountingSchema,
  films: z.string(),
  id: z.string().uuid(),
  ordinal: z.number().int(),
  municipalityName: z.string(),
  mountingDetail: z.string().nullable(),
  mountingPhotoFileId: z.string().uuid().nullable(),
  viewPhotoFileId: z.string().uuid().nullable(),
  /** Set when the coordinates are far from the declared municipality's seat: a flag for the committee, not a refusal. */
  locationWarning: z.string().nullable(),
});
export type CameraPoint = z.infer<typeof cameraPointSchema>;

export const attachDocumentRequestSchema = z.object({
  /** A key from `requiredDocuments` (e.g. "applicant.cnpj_card"). */
  requirementKey: z.string().min(3).max(80),
  fileId: z.string().uuid(),
});

export const submitApplicationRequestSchema = z.object({
  /** Art. 8 §2: asks SESP to handle a private application directly, on technical grounds. */
  directHandlingReason: z
    .string()
    .trim()
    .min(20, { message: 'Descreva as razões de ordem técnica com pelo menos 20 caracteres.' })
    .max(4000)
    .optional(),
});

export const directHandlingDecisionRequestSchema = z.object({
  accept: z.boolean(),
  note: text(10, 4000, 'Fundamente a decisão com pelo menos 10 caracteres.'),
});

export const handlerValues = ['sesp', 'manager'] as const;
export const handlerSchema = z.enum(handlerValues);
export const directHandlingStatusSchema = z.enum(['requested', 'accepted', 'returned']);

export const reviewVerdictSchema = z.enum(['ok', 'fault']);
export const checklistRequestSchema = z.object({
  items: z
    .array(z.object({ itemKey: z.string().min(3).max(80), verdict: reviewVerdictSchema, note: z.string().trim().max(2000).optional() }))
    .min(1),
});

export const technicalVisitScheduleRequestSchema = z.object({
  scheduledFor: z.string().datetime({ offset: true, message: 'Data e hora inválidas.' }),
  place: text(3, 300, 'Informe o local da visita.'),
});
export const technicalVisitFindingsRequestSchema = z.object({
  findings: text(10, 8000, 'Registre as constatações com pelo menos 10 caracteres.'),
});

export const rispOpinionRequestSchema = z.object({
  favourable: z.boolean(),
  reasons: text(10, 8000, 'Fundamente o parecer com pelo menos 10 caracteres.'),
});

export const deficiencyNoticeRequestSchema = z.object({
  /** Art. 16 §2 "prazo razoável", counted in business days (Cuiabá calendar). */
  businessDays: z.number().int().min(1).max(60),
  items: z
    .array(
      z.object({
        itemKey: z.string().min(3).max(80).optional(),
        description: text(10, 4000, 'Descreva a falha com pelo menos 10 caracteres.'),
      }),
    )
    .min(1, { message: 'Indique ao menos uma falha (art. 16, § 2º).' })
    .max(100),
});

export const deficiencyResponseRequestSchema = z.object({
  answers: z
    .array(
      z.object({ itemId: z.string().uuid(), answer: text(5, 8000, 'Responda à falha indicada.'), fileId: z.string().uuid().optional() }),
    )
    .min(1),
});

export const decisionRequestSchema = z.object({
  reason: text(20, 8000, 'Fundamente a decisão com pelo menos 20 caracteres.'),
});

export const signTermRequestSchema = z.object({ signedOn: localDateSchema });
export const endTermRequestSchema = z.object({ reason: text(10, 4000, 'Informe o motivo com pelo menos 10 caracteres.') });

export const requiredDocumentStatusSchema = z.object({
  key: z.string(),
  label: z.string(),
  legalBasis: z.string(),
  mandatory: z.boolean(),
  fileId: z.string().uuid().nullable(),
});

export const reviewItemSchema = z.object({
  itemKey: z.string(),
  label: z.string(),
  legalBasis: z.string(),
  verdict: z.enum(['pending', 'ok', 'fault']),
  note: z.string().nullable(),
});

export const rispOpinionSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  securityRegionId: z.string().uuid(),
  securityRegionName: z.string(),
  municipalities: z.array(z.string()),
  status: z.enum(['pending', 'favourable', 'unfavourable']),
  reasons: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type RispOpinion = z.infer<typeof rispOpinionSchema>;

export const deficiencyNoticeSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['open', 'answered', 'expired']),
  issuedAt: z.string(),
  receivedOn: z.string(),
  businessDays: z.number().int(),
  dueOn: z.string(),
  items: z.array(
    z.object({
      id: z.string().uuid(),
      itemKey: z.string().nullable(),
      description: z.string(),
      answer: z.string().nullable(),
      fileId: z.string().uuid().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

export const technicalVisitSchema = z.object({
  id: z.string().uuid(),
  scheduledFor: z.string(),
  place: z.string(),
  findings: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const generatedDocumentSummarySchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  kind: z.string(),
  format: z.enum(['pdf', 'docx']),
  title: z.string(),
  sha256: z.string(),
  issuedAt: z.string(),
  superseded: z.boolean(),
});
export type GeneratedDocumentSummary = z.infer<typeof generatedDocumentSummarySchema>;

export const applicationSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  partnerId: z.string().uuid(),
  partnerName: z.string(),
  partnerKind: applicantKindSchema,
  municipalityIbge: z.string(),
  status: applicationStatusSchema,
  modality: managementModalitySchema,
  handledBy: handlerSchema,
  managerMunicipalityIbge: z.string().nullable(),
  directHandling: z.object({ status: directHandlingStatusSchema, reason: z.string(), note: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const applicationDetailSchema = applicationSummarySchema.extend({
  propertyOwnership: propertyOwnershipSchema,
  leaseEndsOn: z.string().nullable(),
  consortiumMunicipalities: z.array(z.string()),
  extendsTermId: z.string().uuid().nullable(),
  decisionReason: z.string().nullable(),
  cameraPoints: z.array(cameraPointSchema),
  documents: z.array(requiredDocumentStatusSchema),
  checklist: z.array(reviewItemSchema),
  rispOpinions: z.array(rispOpinionSchema),
  /** Municipalities of camera points with no known security region: the RISP opinion cannot be asked (Art. 12). */
  rispGaps: z.array(z.object({ municipalityIbge: z.string(), municipalityName: z.string(), message: z.string() })),
  technicalVisits: z.array(technicalVisitSchema),
  deficiencyNotices: z.array(deficiencyNoticeSchema),
  generatedDocuments: z.array(generatedDocumentSummarySchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const cooperationTermKindSchema = z.enum(['direct', 'indirect_delegation', 'adhesion']);
export const cooperationTermSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  partnerId: z.string().uuid(),
  partnerName: z.string(),
  applicationId: z.string().uuid(),
  kind: cooperationTermKindSchema,
  status: z.enum(['pending_signature', 'active', 'ended']),
  coveredMunicipalities: z.array(z.string()),
  signedOn: z.string().nullable(),
  /** Art. 5 §3: 5-year periods renewed automatically while the cooperation operates. */
  currentPeriodEndsOn: z.string().nullable(),
  renewals: z.number().int(),
  authorisations: z.array(
    z.object({ id: z.string().uuid(), applicationId: z.string().uuid(), cameraPoints: z.number().int(), authorisedAt: z.string() }),
  ),
  endedAt: z.string().nullable(),
});
export type CooperationTerm = z.infer<typeof cooperationTermSchema>;

export const homologationResultSchema = z.object({
  application: applicationSummarySchema,
  term: cooperationTermSchema,
  gazetteText: z.string(),
});

// ---------------------------------------------------------------- files and public verification

export const storedFileSchema = z.object({
  id: z.string().uuid(),
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export const authenticityCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, {
    message: 'Código de autenticação inválido: use o formato XXXX-XXXX-XXXX-XXXX.',
  });

export const publicDocumentSchema = z.object({
  code: z.string(),
  kind: z.string(),
  title: z.string(),
  format: z.enum(['pdf', 'docx']),
  issuedAt: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  superseded: z.boolean(),
  supersededAt: z.string().nullable(),
});
export type PublicDocument = z.infer<typeof publicDocumentSchema>;

export const documentVerificationSchema = z.object({
  code: z.string(),
  matches: z.boolean(),
  sha256: z.string(),
  expectedSha256: z.string(),
  superseded: z.boolean(),
  message: z.string(),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;

/**
 * Technical requirements the committee checks besides the documents (Art. 2 VIII, Art. 13, Art. 14).
 * `connectivity` applies to private applicants with camera points in the interior (Art. 14 §3).
 */
export const technicalRequirements = [
  { key: 'technical.public_space_focus', label: 'Captação focada em espaços e logradouros públicos', legalBasis: 'Art. 2, VIII' },
  {
    key: 'technical.location_quantity_focus',
    label: 'Quantidade, localização e foco dos dispositivos conforme o edital',
    legalBasis: 'Art. 13',
  },
  {
    key: 'technical.equipment_compatibility',
    label: 'Compatibilidade dos equipamentos e softwares com a plataforma e o VMS do CIOSP',
    legalBasis: 'Art. 14, caput e § 1º',
  },
  {
    key: 'technical.connectivity',
    label: 'Viabilidade de conexão e transmissão das imagens até a plataforma do CIOSP (interior)',
    legalBasis: 'Art. 14, § 3º',
  },
] as const;
export type TechnicalRequirementKey = (typeof technicalRequirements)[number]['key'];

// ---------------------------------------------------------------- RISP coordinator's view (Art. 12)

/** What a RISP coordinator gives an opinion on: the application, the points in its region, Anexo 5. */
export const rispCaseSchema = z.object({
  opinion: rispOpinionSchema,
  application: z.object({
    id: z.string().uuid(),
    number: z.string(),
    status: applicationStatusSchema,
    partnerName: z.string(),
    partnerKind: applicantKindSchema,
    submittedAt: z.string().nullable(),
  }),
  /** Only the camera points in the coordinator's region (photos downloadable through the opinion). */
  cameraPoints: z.array(cameraPointSchema),
  /** Total points of the application (the others are in other regions). */
  totalCameraPoints: z.number().int(),
  /** Anexo 5 (declaration of public interest), current version, PDF and DOCX. */
  annex5: z.array(generatedDocumentSummarySchema),
});
export type RispCase = z.infer<typeof rispCaseSchema>;

// ---------------------------------------------------------------- case history

export const applicationHistoryEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  /** pt-BR description of what happened. */
  description: z.string(),
  /** Status change, when the event moved the application. */
  fromStatus: applicationStatusSchema.nullable(),
  toStatus: applicationStatusSchema.nullable(),
  /** Who acted: the person's name, or "Sistema" for sweeps. */
  actorName: z.string(),
  reason: z.string().nullable(),
});
export type ApplicationHistoryEvent = z.infer<typeof applicationHistoryEventSchema>;
export const applicationHistorySchema = z.object({ events: z.array(applicationHistoryEventSchema) });

// ---------------------------------------------------------------- integrators (Art. 15)

/** A partner authorises an integrator company's user to prepare its applications, for a limited time. */
export const integratorAuthorisationRequestSchema = z.object({
  integratorEmail: emailSchema,
  /** Last day of the authorisation (inclusive, Cuiabá); at most 5 years ahead (a term's period, Art. 5 §3). */
  validUntil: localDateSchema,
});
export type IntegratorAuthorisationRequest = z.output<typeof integratorAuthorisationRequestSchema>;

export const integratorAuthorisationSchema = z.object({
  id: z.string().uuid(),
  partnerId: z.string().uuid(),
  partnerName: z.string(),
  integratorUserId: z.string().uuid(),
  integratorName: z.string(),
  integratorEmail: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export type IntegratorAuthorisation = z.infer<typeof integratorAuthorisationSchema>;
