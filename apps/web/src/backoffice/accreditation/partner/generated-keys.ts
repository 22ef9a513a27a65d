/**
 * Requirement keys the platform GENERATES on submission (annexes 1, 3, 4 and 5), so the partner
 * never uploads them. Mirrors GENERATED_DOCUMENT_KEYS of the server (accreditation/requirements.ts);
 * the contracts do not export this list yet.
 */
export const generatedRequirementKeys: ReadonlySet<string> = new Set([
  'applicant.application_request',
  'applicant.executive_project',
  'applicant.distribution_table',
  'applicant.public_interest_declaration',
]);
