import { z } from 'zod';
import {
  type ApplicantKind,
  applicantKindGroup,
  applicantKindSchema,
  type ManagementModality,
  managementModalitySchema,
} from './applicant-kind.js';

/**
 * Documents an application must carry, per applicant kind — Decree 1.522/2022 Art. 8–11 (the
 * decree is law and wins) plus what the guide (OCB/MT, "Documentação necessária") asks beyond it,
 * marked `source: 'guide'` and `mandatory: false`: the committee may ask for them under the
 * edital, but the platform must not refuse an application for lacking them.
 *
 * Guide vs decree (the decree wins):
 * - Proof of address: the guide asks for the cooperative's HEAD-OFFICE address; Art. 10, I, "d"
 *   asks for the address WHERE THE IMAGES ARE CAPTURED. We require the latter.
 * - Legal representative of a legal entity: the guide asks for the representative's CPF, criminal
 *   certificates and proof of address; Art. 10, I asks only for the representative's photo ID
 *   (the certificates are required of individuals, Art. 10, II, "e"). Kept as guide-only.
 * - Founding act: the guide adds the minutes electing the current board (registered at JUCEMAT);
 *   Art. 10, I, "b" says only "ato constitutivo". Kept as guide-only.
 * - Distribution table (Anexo 4): the guide asks every applicant for it; Art. 9 §2 requires it of
 *   municipalities and consortia in direct management. Guide-only for the others (the platform
 *   generates it from the executive project rows anyway).
 * - Art. 11 (owners' co-signature) applies to associations and councils whenever the property is
 *   not registered in their name — that includes a LEASED property, not only a third party's.
 * - Other private applicants must own or lease the property (Art. 10, I, "e"; II, "d"): the decree
 *   gives no third-party route for them, so `third_party` is refused (see propertyOwnershipIssue).
 */

export const documentTypeValues = [
  'application_request',
  'compliance_declaration',
  'public_interest_declaration',
  'executive_project',
  'distribution_table',
  'identity_document',
  'cpf',
  'representative_appointment',
  'founding_act',
  'board_election_minutes',
  'cnpj_card',
  'proof_of_address',
  'property_deed',
  'lease_contract',
  'criminal_record_federal',
  'criminal_record_state_first_degree',
  'criminal_record_state_second_degree',
  'consortium_intention_protocol',
  'consortium_ratifying_law',
  'consortium_constitution_contract',
  'consortium_apportionment_contract',
  'owners_co_signature',
  'owner_qualification_documents',
] as const;
export const documentTypeSchema = z.enum(documentTypeValues);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentTypeLabels: Readonly<Record<DocumentType, string>> = {
  application_request: 'Pedido de habilitação assinado pelo representante legal (Anexo 1)',
  compliance_declaration: 'Declaração de conformidade e cumprimento dos requisitos normativos',
  public_interest_declaration: 'Declaração de interesse de segurança pública (Anexo 5), para avaliação da RISP',
  executive_project: 'Projeto executivo de implantação dos pontos de videomonitoramento (Anexo 3)',
  distribution_table: 'Quadro de distribuição dos dispositivos por município e locais de instalação (Anexo 4)',
  identity_document: 'Documento de identidade com foto',
  cpf: 'Comprovante de inscrição no CPF',
  representative_appointment: 'Ato de nomeação, posse ou diplomação do dirigente que representa o ente',
  founding_act: 'Ato constitutivo (estatuto ou contrato social vigente, registrado)',
  board_election_minutes: 'Ata de eleição da diretoria ou dos conselhos atuais, registrada',
  cnpj_card: 'Comprovante de inscrição no CNPJ (cartão CNPJ)',
  proof_of_address: 'Comprovante de endereço do imóvel onde serão captadas as imagens',
  property_deed: 'Comprovante de propriedade do imóvel (certidão de matrícula ou escritura)',
  lease_contract: 'Contrato de locação do imóvel com no mínimo 2 anos de vigência restante',
  criminal_record_federal: 'Certidão negativa criminal da Justiça Federal, 1º e 2º grau (TRF1, Seção Judiciária de MT)',
  criminal_record_state_first_degree: 'Certidão negativa criminal da Justiça Estadual, 1º grau (TJMT)',
  criminal_record_state_second_degree: 'Certidão negativa criminal da Justiça Estadual, 2º grau (TJMT)',
  consortium_intention_protocol: 'Protocolo de intenções do consórcio público',
  consortium_ratifying_law: 'Lei municipal de ratificação do protocolo de intenções (de cada município consorciado)',
  consortium_constitution_contract: 'Contrato de constituição do consórcio público',
  consortium_apportionment_contract: 'Contrato de rateio do consórcio público',
  owners_co_signature: 'Pedido de habilitação assinado em conjunto com o(s) proprietário(s) do imóvel',
  owner_qualification_documents:
    'Documentos de qualificação do(s) proprietário(s) (pessoa física: identidade e CPF; pessoa jurídica: ato constitutivo, cartão CNPJ e identidade do representante)',
};

/** Whose document it is. */
export const documentSubjectValues = ['applicant', 'legal_representative', 'property_owner'] as const;
export type DocumentSubject = (typeof documentSubjectValues)[number];
const SUBJECT_SUFFIX: Readonly<Record<DocumentSubject, string>> = {
  applicant: '',
  legal_representative: ' — do representante legal',
  property_owner: ' — do(s) proprietário(s) do imóvel',
};

export const propertyOwnershipValues = ['own', 'leased', 'third_party'] as const;
export const propertyOwnershipSchema = z.enum(propertyOwnershipValues);
export type PropertyOwnership = z.infer<typeof propertyOwnershipSchema>;
export const propertyOwnershipLabels: Readonly<Record<PropertyOwnership, string>> = {
  own: 'Imóvel próprio',
  leased: 'Imóvel locado',
  third_party: 'Imóvel de terceiro (com assinatura do proprietário)',
};

export interface RequiredDocument {
  /** Unique within a list: `<subject>.<type>`. */
  key: string;
  type: DocumentType;
  subject: DocumentSubject;
  /** pt-BR */
  label: string;
  /** e.g. "Art. 10, I, a" (articles of Decree 1.522/2022) or "Guia OCB/MT" */
  legalBasis: string;
  source: 'decree' | 'guide';
  mandatory: boolean;
}

export interface RequiredDocumentsInput {
  kind: ApplicantKind;
  /** Ignored for public applicants (Art. 10 sole §). */
  propertyOwnership: PropertyOwnership;
  /** Art. 9 §2 — relevant for municipalities and consortia. Default: direct. */
  modality?: ManagementModality;
  /** Include the guide's extra (non-mandatory) documents. Default: true. */
  includeGuideExtras?: boolean;
}

/** Why a property situation is not admitted for a kind, in pt-BR; null when it is. */
export function propertyOwnershipIssue(kind: ApplicantKind, ownership: PropertyOwnership): string | null {
  if (ownership !== 'third_party' || applicantKindGroup[kind] === 'public' || kind === 'association_or_council') return null;
  return 'O imóvel deve ser próprio ou locado por no mínimo 2 anos (Decreto 1.522/2022, art. 10). A assinatura conjunta com o proprietário é prevista apenas para associações e conselhos (art. 11).';
}

function doc(
  type: DocumentType,
  legalBasis: string,
  subject: DocumentSubject = 'applicant',
  source: 'decree' | 'guide' = 'decree',
  label?: string,
): RequiredDocument {
  return {
    key: `${subject}.${type}`,
    type,
    subject,
    label: label ?? documentTypeLabels[type] + SUBJECT_SUFFIX[subject],
    legalBasis,
    source,
    mandatory: source === 'decree',
  };
}

const GUIDE = 'Guia OCB/MT — Documentação necessária';

function criminalRecords(basis: string, subject: DocumentSubject, source: 'decree' | 'guide'): RequiredDocument[] {
  return [
    doc('criminal_record_federal', basis, subject, source),
    doc('criminal_record_state_first_degree', basis, subject, source),
    doc('criminal_record_state_second_degree', basis, subject, source),
  ];
}

function propertyDocuments(kind: ApplicantKind, ownership: PropertyOwnership, item: 'I, e' | 'II, d'): RequiredDocument[] {
  const list: RequiredDocument[] = [];
  if (ownership === 'own') list.push(doc('property_deed', `Art. 10, ${item}`));
  if (ownership === 'leased') list.push(doc('lease_contract', `Art. 10, ${item}`));
  if (kind === 'association_or_council' && ownership !== 'own') {
    // Art. 11: property not registered in the association's name → owners co-sign and qualify.
    list.push(
      doc('owners_co_signature', 'Art. 11', 'property_owner', 'decree', documentTypeLabels.owners_co_signature),
      doc('owner_qualification_documents', 'Art. 11', 'property_owner', 'decree', documentTypeLabels.owner_qualification_documents),
      doc('property_deed', 'Art. 11', 'property_owner'),
    );
  }
  return list;
}

/**
 * The documents an application needs. Throws RangeError for a property situation the decree does
 * not admit (check `propertyOwnershipIssue` first, or parse with requiredDocumentsInputSchema).
 */
export function requiredDocuments(input: RequiredDocumentsInput): RequiredDocument[] {
  const { kind, propertyOwnership, modality = 'direct', includeGuideExtras = true } = input;
  const issue = propertyOwnershipIssue(kind, propertyOwnership);
  if (issue) throw new RangeError(issue);
  const group = applicantKindGroup[kind];

  const list: RequiredDocument[] = [
    doc('application_request', 'Art. 8, caput'),
    doc('compliance_declaration', 'Art. 9, II'),
    doc('public_interest_declaration', 'Art. 9, III; Art. 12'),
    doc('executive_project', 'Art. 9, IV; Art. 14'),
  ];

  if (group === 'public') {
    // Art. 10 sole §: public applicants qualify through their leaders "na forma da lei"; the decree
    // lists no documents, so we ask only for proof of who represents the body.
    list.push(
      doc('identity_document', 'Art. 8, caput; Art. 10, parágrafo único', 'legal_representative'),
      doc('representative_appointment', 'Art. 8, caput; Art. 10, parágrafo único', 'legal_representative'),
    );
    if (kind === 'intermunicipal_consortium') {
      list.push(
        doc('consortium_intention_protocol', 'Art. 9, § 1º, I'),
        doc('consortium_ratifying_law', 'Art. 9, § 1º, I'),
        doc('consortium_constitution_contract', 'Art. 9, § 1º, II'),
        doc('consortium_apportionment_contract', 'Art. 9, § 1º, II'),
      );
    }
    if (kind !== 'public_body' && modality === 'direct') list.push(doc('distribution_table', 'Art. 9, § 2º'));
    return list;
  }

  if (group === 'private_legal_entity') {
    list.push(
      doc('identity_document', 'Art. 10, I, a', 'legal_representative'),
      doc('founding_act', 'Art. 10, I, b'),
      doc('cnpj_card', 'Art. 10, I, c'),
      doc('proof_of_address', 'Art. 10, I, d'),
      ...propertyDocuments(kind, propertyOwnership, 'I, e'),
    );
    if (includeGuideExtras) {
      list.push(
        doc('board_election_minutes', GUIDE, 'applicant', 'guide'),
        doc('cpf', GUIDE, 'legal_representative', 'guide'),
        ...criminalRecords(GUIDE, 'legal_representative', 'guide'),
        doc('proof_of_address', GUIDE, 'legal_representative', 'guide', 'Comprovante de endereço do representante legal'),
        doc('distribution_table', `${GUIDE} (Anexo 4)`, 'applicant', 'guide'),
      );
    }
    return list;
  }

  list.push(
    doc('identity_document', 'Art. 10, II, a'),
    doc('cpf', 'Art. 10, II, b'),
    doc('proof_of_address', 'Art. 10, II, c'),
    ...propertyDocuments(kind, propertyOwnership, 'II, d'),
    ...criminalRecords('Art. 10, II, e', 'applicant', 'decree'),
  );
  if (includeGuideExtras) list.push(doc('distribution_table', `${GUIDE} (Anexo 4)`, 'applicant', 'guide'));
  return list;
}

/** Input schema for the documents checklist, with the property rule as a pt-BR issue. */
export const requiredDocumentsInputSchema = z
  .object({
    kind: applicantKindSchema,
    propertyOwnership: propertyOwnershipSchema,
    modality: managementModalitySchema.optional(),
    includeGuideExtras: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const issue = propertyOwnershipIssue(value.kind, value.propertyOwnership);
    if (issue) ctx.addIssue({ code: 'custom', path: ['propertyOwnership'], message: issue });
  });
