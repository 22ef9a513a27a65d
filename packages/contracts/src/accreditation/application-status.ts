import { z } from 'zod';

/**
 * Lifecycle of an application (habilitação), Decree 1.522/2022 Art. 7–16 and the guide's
 * flowchart (SPEC §3.1). What follows homologation (pre-qualification term, cooperation term,
 * equipment loan) has its own lifecycle.
 *
 * draft → submitted → in_analysis (committee documents/technical review, RISP opinion Art. 12,
 * optional technical visit) → one of:
 *   - deficiency_notice_issued (Art. 16 §2: faults listed, deadline to remedy)
 *       → remedied → in_analysis again
 *       → rejected when the deadline passes without remedy (Art. 16 §3)
 *   - rejected (Art. 16 caput, for causes other than missing documents or project faults, which
 *     must go through a deficiency notice first — Art. 16 §2) → archived (Art. 16 §3)
 *   - approved (Art. 16 caput) → homologated by CIOSP + Official Gazette publication (Art. 16 §1)
 * An archived application is final; the partner may always file a new one (Art. 16 §4).
 */
export const applicationStatusValues = [
  'draft',
  'submitted',
  'in_analysis',
  'deficiency_notice_issued',
  'remedied',
  'approved',
  'rejected',
  'archived',
  'homologated',
] as const;
export const applicationStatusSchema = z.enum(applicationStatusValues);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const applicationStatusLabels: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'Rascunho',
  submitted: 'Enviado',
  in_analysis: 'Em análise',
  deficiency_notice_issued: 'Com indicação de falhas (diligência)',
  remedied: 'Falhas sanadas',
  approved: 'Deferido',
  rejected: 'Indeferido',
  archived: 'Arquivado',
  homologated: 'Homologado',
};

export const applicationTransitions: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted'],
  submitted: ['in_analysis'],
  in_analysis: ['deficiency_notice_issued', 'approved', 'rejected'],
  deficiency_notice_issued: ['remedied', 'rejected'],
  remedied: ['in_analysis'],
  approved: ['homologated'],
  rejected: ['archived'],
  archived: [],
  homologated: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return applicationTransitions[from].includes(to);
}

export function isTerminalStatus(status: ApplicationStatus): boolean {
  return applicationTransitions[status].length === 0;
}

/** Where a camera point is mounted (guide, Anexo 3 item 7.1: "fachada, poste etc."). */
export const cameraMountingValues = ['facade', 'pole', 'other'] as const;
export const cameraMountingSchema = z.enum(cameraMountingValues, { error: 'Tipo de fixação inválido.' });
export type CameraMounting = z.infer<typeof cameraMountingSchema>;
export const cameraMountingLabels: Readonly<Record<CameraMounting, string>> = {
  facade: 'Fachada',
  pole: 'Poste',
  other: 'Outro',
};
