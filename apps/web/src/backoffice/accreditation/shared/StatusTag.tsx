import { type ApplicationStatus, applicationStatusLabels } from '@vigia/contracts';

const tone: Record<ApplicationStatus, string> = {
  draft: '',
  submitted: 'info',
  in_analysis: 'info',
  deficiency_notice_issued: 'warning',
  remedied: 'info',
  approved: 'success',
  rejected: 'danger',
  archived: 'danger',
  homologated: 'success',
};

/** The application status as a DS tag, with its pt-BR label from the contracts. */
export function StatusTag({ status }: { status: ApplicationStatus }) {
  return <span className={`br-tag text ${tone[status]}`.trim()}>{applicationStatusLabels[status]}</span>;
}
