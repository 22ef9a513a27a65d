import { z } from 'zod';

/**
 * Who may apply to Vigia Mais MT (Decree 1.522/2022 Art. 3; documents per kind in Art. 10).
 * Public applicants (Art. 3, I): public bodies and entities of any sphere, municipalities and
 * inter-municipal public consortia. Private applicants (Art. 3, II): private legal entities —
 * companies, cooperatives, associations and councils (commercial or community), civil-society
 * organisations — and private individuals.
 */
export const applicantKindValues = [
  'public_body',
  'municipality',
  'intermunicipal_consortium',
  'company',
  'cooperative',
  'association_or_council',
  'civil_society_organization',
  'individual',
] as const;

export const applicantKindSchema = z.enum(applicantKindValues, { error: 'Tipo de ente proponente inválido.' });
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

export const applicantKindLabels: Readonly<Record<ApplicantKind, string>> = {
  public_body: 'Órgão ou entidade pública',
  municipality: 'Município',
  intermunicipal_consortium: 'Consórcio público intermunicipal',
  company: 'Empresa (pessoa jurídica de direito privado)',
  cooperative: 'Cooperativa',
  association_or_council: 'Associação ou conselho (comercial ou comunitário)',
  civil_society_organization: 'Organização da sociedade civil (OSC)',
  individual: 'Pessoa física',
};

export type ApplicantGroup = 'public' | 'private_legal_entity' | 'private_individual';

/** Art. 3, I (public) and II (private); Art. 10, I (legal entities) and II (individuals). */
export const applicantKindGroup: Readonly<Record<ApplicantKind, ApplicantGroup>> = {
  public_body: 'public',
  municipality: 'public',
  intermunicipal_consortium: 'public',
  company: 'private_legal_entity',
  cooperative: 'private_legal_entity',
  association_or_council: 'private_legal_entity',
  civil_society_organization: 'private_legal_entity',
  individual: 'private_individual',
};

export const applicantKindLegalBasis: Readonly<Record<ApplicantKind, string>> = {
  public_body: 'Art. 3, I',
  municipality: 'Art. 3, I',
  intermunicipal_consortium: 'Art. 3, I',
  company: 'Art. 3, II',
  cooperative: 'Art. 3, II',
  association_or_council: 'Art. 3, II; Art. 11',
  civil_society_organization: 'Art. 3, II',
  individual: 'Art. 3, II',
};

export const isPublicApplicant = (kind: ApplicantKind): boolean => applicantKindGroup[kind] === 'public';
export const isPrivateApplicant = (kind: ApplicantKind): boolean => !isPublicApplicant(kind);

/**
 * Art. 4, II and Art. 2 sole §, II: only municipalities and municipal public consortia may take on
 * indirect management (running the applications of private partners in their territory).
 */
export const indirectManagerKinds = ['municipality', 'intermunicipal_consortium'] as const satisfies readonly ApplicantKind[];

export function canManageIndirectly(kind: ApplicantKind): boolean {
  return (indirectManagerKinds as readonly ApplicantKind[]).includes(kind);
}

/** Art. 4: direct management by SESP, or indirect management by a municipality/consortium. */
export const managementModalityValues = ['direct', 'indirect'] as const;
export const managementModalitySchema = z.enum(managementModalityValues);
export type ManagementModality = z.infer<typeof managementModalitySchema>;
export const managementModalityLabels: Readonly<Record<ManagementModality, string>> = {
  direct: 'Gestão direta (SESP/MT)',
  indirect: 'Gestão indireta (município ou consórcio)',
};
