import { z } from 'zod';

/**
 * Citizen services (SPEC §3.10, seed 004 "Portal da Segurança"): the citizen's gov.br identity,
 * the catalogue of services with the reliability level each needs, and the criminal-record
 * certificate. Browser-safe.
 */

/** gov.br reliability levels (Login Único "selos de confiabilidade"): 1 bronze, 2 prata, 3 ouro. */
export const govbrLevels = ['bronze', 'prata', 'ouro'] as const;
export type GovbrLevel = (typeof govbrLevels)[number];
export const govbrLevelLabels: Record<GovbrLevel, string> = { bronze: 'Bronze', prata: 'Prata', ouro: 'Ouro' };
export const levelRank = (l: GovbrLevel): number => govbrLevels.indexOf(l) + 1;
export const meetsLevel = (have: GovbrLevel, need: GovbrLevel | null): boolean => need === null || levelRank(have) >= levelRank(need);

/** A service of the portal and what it needs: `null` = no sign-in. */
export interface CitizenService {
  id: string;
  title: string;
  requiredLevel: GovbrLevel | null;
  path: string;
}

export const citizenServices = [
  {
    id: 'criminal_record_certificate',
    title: 'Certidão de antecedentes criminais',
    requiredLevel: 'prata',
    path: '/cidadao/antecedentes',
  },
  {
    id: 'identity_card',
    title: 'Carteira de identidade (RG / CIN): pré-solicitação',
    requiredLevel: 'bronze',
    path: '/cidadao/identidade',
  },
  {
    id: 'identity_card_status',
    title: 'Consultar andamento da carteira de identidade (protocolo)',
    requiredLevel: null,
    path: '/cidadao/identidade/consulta',
  },
  {
    id: 'certificate_verification',
    title: 'Autenticar certidão de antecedentes criminais',
    requiredLevel: null,
    path: '/cidadao/certidao/verificar',
  },
  {
    // prata: the certificate names other people by CPF and is used before insurers and courts; a
    // driver reaches prata by the facial check against the CNH in the gov.br app.
    id: 'accident_certificate',
    title: 'Certidão de acidente de trânsito sem vítimas: declarar e acompanhar',
    requiredLevel: 'prata',
    path: '/cidadao/acidente',
  },
  {
    // prata: a report of a crime carries the liability of a false communication (CP art. 340), so
    // the author's identity must have been validated by gov.br (policeReportLevel per kind).
    id: 'police_report',
    title: 'Delegacia Virtual: registrar boletim de ocorrência',
    requiredLevel: 'prata',
    path: '/cidadao/ocorrencias',
  },
  {
    // Never blocked by the level: Lei 13.812/2019, the report is received at once.
    id: 'police_report_missing_person',
    title: 'Delegacia Virtual: comunicar desaparecimento de pessoa (imediato, sem prazo de espera)',
    requiredLevel: 'bronze',
    path: '/cidadao/ocorrencias/nova?tipo=missing_person',
  },
  {
    // Completed in person at the chosen station, with an identity document.
    id: 'police_report_pre_registration',
    title: 'Pré-registro de boletim de ocorrência (concluído na delegacia)',
    requiredLevel: 'bronze',
    path: '/cidadao/ocorrencias/nova?tipo=pre_registration',
  },
  {
    id: 'security_units',
    title: 'Unidades de segurança: endereços, telefones, horários e mapa',
    requiredLevel: null,
    path: '/unidades',
  },
  {
    id: 'accident_certificate_verification',
    title: 'Autenticar certidão de acidente de trânsito',
    requiredLevel: null,
    path: '/cidadao/acidente/verificar',
  },
  {
    // Anonymous without sign-in; identified or confidential with any gov.br level (Lei 13.460/2017).
    id: 'ombudsman',
    title: 'Ouvidoria: elogio, sugestão, reclamação, denúncia ou crítica',
    requiredLevel: null,
    path: '/ouvidoria',
  },
  {
    id: 'service_performance',
    title: 'Desempenho e avaliações dos serviços (dados abertos)',
    requiredLevel: null,
    path: '/desempenho-dos-servicos',
  },
  {
    id: 'police_report_verification',
    title: 'Autenticar boletim de ocorrência',
    requiredLevel: null,
    path: '/cidadao/ocorrencias/verificar',
  },
  {
    id: 'warrant_lookup',
    title: 'Consultar mandado de prisão',
    requiredLevel: null,
    path: '/consultas/mandado-de-prisao',
  },
  {
    id: 'vehicle_status',
    title: 'Consultar situação de veículo (furto ou roubo)',
    requiredLevel: null,
    path: '/consultas/veiculo',
  },
] as const satisfies readonly CitizenService[];
export type CitizenServiceId = (typeof citizenServices)[number]['id'];

export const requiredLevelOf = (id: CitizenServiceId): GovbrLevel | null => citizenServices.find((s) => s.id === id)?.requiredLevel ?? null;

/** CPF shown outside its owner's pages: "***.456.789-**" (the middle six digits, as gov.br's own masks). */
export const maskCpf = (cpf: string): string => {
  const d = cpf.replace(/\D/g, '');
  return d.length === 11 ? `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**` : '***';
};

export const citizenSessionSchema = z.object({
  signInAvailable: z.boolean(),
  /** Why sign-in is unavailable (shown on the portal), when it is. */
  unavailableReason: z.string().nullable(),
  citizen: z.object({ name: z.string(), cpf: z.string(), email: z.string().nullable(), level: z.enum(govbrLevels) }).nullable(),
  csrfToken: z.string().nullable(),
});
export type CitizenSession = z.infer<typeof citizenSessionSchema>;

export const certificateRequestStatuses = ['issued', 'in_analysis', 'answered'] as const;
export const certificateRequestStatusLabels: Record<(typeof certificateRequestStatuses)[number], string> = {
  issued: 'Emitida',
  in_analysis: 'Em análise (homônimo ou registro a conferir)',
  answered: 'Respondida com fundamentação',
};

export const certificateRequestSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  status: z.enum(certificateRequestStatuses),
  /** Lei 9.051/1995: the certificate is due within 15 days of the request. */
  deadlineAt: z.string().nullable(),
  code: z.string().nullable(),
  issuedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  result: z.enum(['nada_consta', 'consta']).nullable(),
  answer: z.string().nullable(),
  requestedAt: z.string(),
  /**
   * Whether the PDF of an issued certificate is ready to download: it is rendered right after the
   * issue (code, content and validity are fixed at once and verifiable by code meanwhile).
   */
  pdfReady: z.boolean(),
});
export type CertificateRequest = z.infer<typeof certificateRequestSchema>;

/** What the public verification page shows: nothing beyond these fields. */
export const certificateVerificationSchema = z.object({
  code: z.string(),
  name: z.string(),
  cpfMasked: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
  result: z.enum(['nada_consta', 'consta']),
  resultText: z.string(),
  /** Present when a copy was uploaded: whether its bytes are the ones issued. */
  copyMatches: z.boolean().optional(),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

export const consentLinkSchema = z.object({ id: z.string().uuid(), url: z.string(), token: z.string(), expiresAt: z.string() });

export const certificateConsentLinkStatuses = ['active', 'expired', 'revoked'] as const;
export const certificateConsentLinkStatusLabels: Record<(typeof certificateConsentLinkStatuses)[number], string> = {
  active: 'Ativo',
  expired: 'Expirado',
  revoked: 'Revogado',
};

/** A consent link as its citizen sees it in "Meus serviços" (never the token). */
export const certificateConsentLinkSchema = z.object({
  id: z.string().uuid(),
  certificateId: z.string().uuid(),
  protocol: z.string(),
  grantee: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(certificateConsentLinkStatuses),
});
export type CertificateConsentLink = z.infer<typeof certificateConsentLinkSchema>;

/** What an employer reads through a consent link: the current answer, no PDF to trust. */
export const consentAnswerSchema = z.object({
  name: z.string(),
  cpfMasked: z.string(),
  certificateValid: z.boolean(),
  noRecordAsOfNow: z.boolean(),
  checkedAt: z.string(),
  linkExpiresAt: z.string(),
});
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;

export const lookupEntrySchema = z.object({ at: z.string(), by: z.string(), purpose: z.string() });
export type LookupEntry = z.infer<typeof lookupEntrySchema>;

export const identityCardStages = [
  'awaiting_payment',
  'awaiting_exemption',
  'scheduled',
  'biometrics',
  'production',
  'shipped',
  'available',
  'delivered',
  'cancelled',
] as const;
export type IdentityCardStage = (typeof identityCardStages)[number];
export const identityCardStageLabels: Record<IdentityCardStage, string> = {
  awaiting_payment: 'Aguardando pagamento da taxa',
  awaiting_exemption: 'Pedido de isenção em análise',
  scheduled: 'Agendado: compareça ao posto para a coleta biométrica',
  biometrics: 'Biometria coletada',
  production: 'Em produção',
  shipped: 'Enviado ao posto',
  available: 'Disponível no posto',
  delivered: 'Entregue',
  cancelled: 'Cancelado',
};

/** The stages Politec staff move a request through, in order (one at a time). */
export const identityCardStaffStages: readonly IdentityCardStage[] = identityCardStages.slice(
  identityCardStages.indexOf('scheduled'),
  identityCardStages.indexOf('delivered') + 1,
);

export const identityCardNextStage = (stage: IdentityCardStage): IdentityCardStage | null => {
  const i = identityCardStaffStages.indexOf(stage);
  return i >= 0 && i < identityCardStaffStages.length - 1 ? identityCardStaffStages[i + 1]! : null;
};

export const identityCardRequestBodySchema = z.object({
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data no formato AAAA-MM-DD.'),
  motherName: z.string().trim().min(3).max(200),
  /** Documents presented (e.g. "Certidão de nascimento, matrícula ..."); shown again at the post. */
  documents: z.array(z.string().trim().min(3).max(200)).min(1).max(5),
  postId: z.string().uuid(),
  appointmentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data no formato AAAA-MM-DD.'),
  /** Fee exemption request (second copy) with the proof presented (e.g. CadÚnico NIS). */
  exemptionProof: z.string().trim().min(3).max(300).optional(),
});

export const securityFeeSchema = z.object({
  id: z.string().uuid(),
  service: z.string(),
  status: z.enum(['pending', 'paid', 'expired', 'cancelled']),
  amountCents: z.number().int(),
  upfUnits: z.string(),
  upfValueCents: z.number().int(),
  upfReference: z.string(),
  txid: z.string(),
  /** Pix "copia e cola" (EMV BR Code). */
  brCode: z.string(),
  dueDate: z.string(),
  paidAt: z.string().nullable(),
});
export type SecurityFee = z.infer<typeof securityFeeSchema>;

export const identityCardRequestSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  copy: z.enum(['first', 'second']),
  stage: z.enum(identityCardStages),
  stageLabel: z.string(),
  post: z.string(),
  appointmentDate: z.string(),
  exemption: z.enum(['none', 'requested', 'granted', 'refused']),
  validUntil: z.string().nullable(),
  fee: securityFeeSchema.nullable(),
  requestedAt: z.string(),
});
export type IdentityCardRequest = z.infer<typeof identityCardRequestSchema>;

/** Politec's work list: the request with the citizen's name and the exemption proof (no CPF). */
export const identityCardWorkItemSchema = identityCardRequestSchema.extend({ name: z.string(), exemptionProof: z.string().nullable() });
export type IdentityCardWorkItem = z.infer<typeof identityCardWorkItemSchema>;

/** Politec's analysis queue: the request with the name, the CPF masked and why it is in analysis. */
export const certificateQueueItemSchema = certificateRequestSchema.extend({
  name: z.string(),
  cpfMasked: z.string(),
  analysisReason: z.string(),
});
export type CertificateQueueItem = z.infer<typeof certificateQueueItemSchema>;

/** Entries of the platform's criminal-records base (the shipped system of record, kept by Politec). */
export const criminalRecordKinds = ['inquiry', 'conviction'] as const;
export const criminalRecordKindLabels: Record<(typeof criminalRecordKinds)[number], string> = {
  inquiry: 'Inquérito policial',
  conviction: 'Condenação criminal',
};
export const criminalRecordStatuses = ['open', 'final', 'served', 'extinguished'] as const;
export type CriminalRecordStatus = (typeof criminalRecordStatuses)[number];
export const criminalRecordStatusLabels: Record<CriminalRecordStatus, string> = {
  open: 'Em andamento',
  final: 'Transitada em julgado (em vigor)',
  served: 'Pena cumprida',
  extinguished: 'Punibilidade extinta',
};
export const criminalRecordEntrySchema = z.object({
  id: z.string().uuid(),
  cpf: z.string().nullable(),
  name: z.string(),
  motherName: z.string().nullable(),
  kind: z.enum(criminalRecordKinds),
  status: z.enum(criminalRecordStatuses),
  description: z.string(),
  court: z.string().nullable(),
  createdAt: z.string(),
});
export type CriminalRecordEntry = z.infer<typeof criminalRecordEntrySchema>;

/** The public status by protocol: stage and post, nothing else. */
export const identityCardStatusSchema = z.object({
  protocol: z.string(),
  stage: z.enum(identityCardStages),
  stageLabel: z.string(),
  post: z.string(),
});
