import { describe, expect, it } from 'vitest';
import { type ApplicantKind, applicantKindLabels, applicantKindValues, canManageIndirectly, isPublicApplicant } from './applicant-kind.js';
import {
  propertyOwnershipIssue,
  type RequiredDocumentsInput,
  requiredDocuments,
  requiredDocumentsInputSchema,
} from './required-documents.js';

const mandatoryKeys = (input: RequiredDocumentsInput) =>
  requiredDocuments(input)
    .filter((d) => d.mandatory)
    .map((d) => d.key)
    .sort();
const guideKeys = (input: RequiredDocumentsInput) =>
  requiredDocuments(input)
    .filter((d) => !d.mandatory)
    .map((d) => d.key)
    .sort();

const ART_9 = [
  'applicant.application_request',
  'applicant.compliance_declaration',
  'applicant.public_interest_declaration',
  'applicant.executive_project',
];
const PUBLIC_REP = ['legal_representative.identity_document', 'legal_representative.representative_appointment'];
const LEGAL_ENTITY = [
  'legal_representative.identity_document',
  'applicant.founding_act',
  'applicant.cnpj_card',
  'applicant.proof_of_address',
];
const CRIMINAL = ['criminal_record_federal', 'criminal_record_state_first_degree', 'criminal_record_state_second_degree'];
const ART_11 = ['property_owner.owners_co_signature', 'property_owner.owner_qualification_documents', 'property_owner.property_deed'];
const sorted = (...groups: string[][]) => groups.flat().sort();

describe('Art. 3 — applicant kinds', () => {
  it('covers public bodies, municipalities, consortia, private legal entities and individuals, labelled in pt-BR', () => {
    expect(applicantKindValues).toHaveLength(8);
    expect(applicantKindLabels.civil_society_organization).toBe('Organização da sociedade civil (OSC)');
    expect(applicantKindValues.filter(isPublicApplicant)).toEqual(['public_body', 'municipality', 'intermunicipal_consortium']);
  });
});

describe('Art. 4 II — only municipalities and consortia may manage indirectly', () => {
  it.each(applicantKindValues)('%s', (kind) => {
    expect(canManageIndirectly(kind)).toBe(kind === 'municipality' || kind === 'intermunicipal_consortium');
  });
});

describe('Art. 9 — every application carries the request, declarations and executive project', () => {
  it.each(applicantKindValues)('%s', (kind) => {
    const ownership = isPublicApplicant(kind) ? 'own' : 'leased';
    const keys = requiredDocuments({ kind, propertyOwnership: ownership }).map((d) => d.key);
    for (const k of ART_9) expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('Art. 10 — documents per applicant kind', () => {
  it('public body: representation by its leader only (Art. 10 sole §)', () => {
    expect(mandatoryKeys({ kind: 'public_body', propertyOwnership: 'third_party' })).toEqual(sorted(ART_9, PUBLIC_REP));
  });

  it('municipality: plus the distribution table in direct management (Art. 9 §2)', () => {
    expect(mandatoryKeys({ kind: 'municipality', propertyOwnership: 'own' })).toEqual(
      sorted(ART_9, PUBLIC_REP, ['applicant.distribution_table']),
    );
    expect(mandatoryKeys({ kind: 'municipality', propertyOwnership: 'own', modality: 'indirect' })).toEqual(sorted(ART_9, PUBLIC_REP));
  });

  it('inter-municipal consortium: protocol, ratifying law, constitution and apportionment contracts (Art. 9 §1)', () => {
    const consortium = [
      'applicant.consortium_intention_protocol',
      'applicant.consortium_ratifying_law',
      'applicant.consortium_constitution_contract',
      'applicant.consortium_apportionment_contract',
    ];
    expect(mandatoryKeys({ kind: 'intermunicipal_consortium', propertyOwnership: 'own' })).toEqual(
      sorted(ART_9, PUBLIC_REP, consortium, ['applicant.distribution_table']),
    );
    expect(mandatoryKeys({ kind: 'intermunicipal_consortium', propertyOwnership: 'own', modality: 'indirect' })).toEqual(
      sorted(ART_9, PUBLIC_REP, consortium),
    );
  });

  it.each(['company', 'cooperative', 'association_or_council', 'civil_society_organization'] as ApplicantKind[])(
    'private legal entity (%s), own property: Art. 10, I, a–e with the deed',
    (kind) => {
      expect(mandatoryKeys({ kind, propertyOwnership: 'own' })).toEqual(sorted(ART_9, LEGAL_ENTITY, ['applicant.property_deed']));
    },
  );

  it.each(['company', 'cooperative', 'civil_society_organization'] as ApplicantKind[])(
    'private legal entity (%s), leased property: lease of ≥ 2 years',
    (kind) => {
      expect(mandatoryKeys({ kind, propertyOwnership: 'leased' })).toEqual(sorted(ART_9, LEGAL_ENTITY, ['applicant.lease_contract']));
    },
  );

  it('private legal entities: the guide extras are optional, never mandatory', () => {
    expect(guideKeys({ kind: 'cooperative', propertyOwnership: 'own' })).toEqual(
      sorted(
        [
          'applicant.board_election_minutes',
          'applicant.distribution_table',
          'legal_representative.cpf',
          'legal_representative.proof_of_address',
        ],
        CRIMINAL.map((c) => `legal_representative.${c}`),
      ),
    );
    expect(
      requiredDocuments({ kind: 'cooperative', propertyOwnership: 'own' })
        .filter((d) => d.source === 'guide')
        .every((d) => !d.mandatory),
    ).toBe(true);
    expect(guideKeys({ kind: 'company', propertyOwnership: 'own', includeGuideExtras: false })).toEqual([]);
  });

  it('individual: ID, CPF, address, deed or lease and the three criminal certificates (Art. 10, II, a–e)', () => {
    const base = ['applicant.identity_document', 'applicant.cpf', 'applicant.proof_of_address', ...CRIMINAL.map((c) => `applicant.${c}`)];
    expect(mandatoryKeys({ kind: 'individual', propertyOwnership: 'own' })).toEqual(sorted(ART_9, base, ['applicant.property_deed']));
    expect(mandatoryKeys({ kind: 'individual', propertyOwnership: 'leased' })).toEqual(sorted(ART_9, base, ['applicant.lease_contract']));
    const cert = requiredDocuments({ kind: 'individual', propertyOwnership: 'own' }).find(
      (d) => d.type === 'criminal_record_state_second_degree',
    );
    expect(cert).toMatchObject({ legalBasis: 'Art. 10, II, e', label: 'Certidão negativa criminal da Justiça Estadual, 2º grau (TJMT)' });
  });

  it('cites the article of each decree document', () => {
    const docs = requiredDocuments({ kind: 'company', propertyOwnership: 'own' });
    expect(docs.find((d) => d.key === 'applicant.cnpj_card')?.legalBasis).toBe('Art. 10, I, c');
    expect(docs.filter((d) => d.mandatory).every((d) => d.legalBasis.startsWith('Art.'))).toBe(true);
  });
});

describe('Art. 11 — associations filming from third-party property', () => {
  it('third-party property: owners co-sign and send their qualification and title', () => {
    expect(mandatoryKeys({ kind: 'association_or_council', propertyOwnership: 'third_party' })).toEqual(
      sorted(ART_9, LEGAL_ENTITY, ART_11),
    );
  });
  it("a leased property is not the association's registered title either: lease + Art. 11", () => {
    expect(mandatoryKeys({ kind: 'association_or_council', propertyOwnership: 'leased' })).toEqual(
      sorted(ART_9, LEGAL_ENTITY, ['applicant.lease_contract'], ART_11),
    );
  });
  it('no third-party route for other private applicants (Art. 10, I, e; II, d)', () => {
    for (const kind of ['company', 'cooperative', 'civil_society_organization', 'individual'] as ApplicantKind[]) {
      expect(propertyOwnershipIssue(kind, 'third_party')).toMatch(/próprio ou locado/);
      expect(() => requiredDocuments({ kind, propertyOwnership: 'third_party' })).toThrow(RangeError);
    }
    expect(propertyOwnershipIssue('association_or_council', 'third_party')).toBeNull();
    const parsed = requiredDocumentsInputSchema.safeParse({ kind: 'company', propertyOwnership: 'third_party' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['propertyOwnership']);
  });
});
