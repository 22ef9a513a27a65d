import {
  type AccountabilityReport,
  type IncidentKind,
  incidentKindLabels,
  type ReportStatus,
  reportKindLabels,
  reportStatusLabels,
} from '@vigia/contracts';
import { formatDate, formatDateTime } from '../../../shared/format';
import { reportFileUrl } from '../obligations-api';
import { DocumentsTable } from '../shared/DocumentsTable';
import { Tag, type Tone } from '../shared/Tag';

export const reportTone: Record<ReportStatus, Tone> = {
  pending: 'warning',
  submitted: 'info',
  corrections_requested: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** The report header and the facts the platform prefilled (Art. 19): cameras, lent items, uptime, incidents, inspections. */
export function ReportFacts({ report }: { report: AccountabilityReport }) {
  const f = report.facts;
  return (
    <>
      <dl className="vigia-facts" aria-label="Dados da prestação de contas">
        <dt>Situação</dt>
        <dd>
          <Tag tone={reportTone[report.status]}>{reportStatusLabels[report.status]}</Tag>
          {report.overdue && (
            <>
              {' '}
              <Tag tone="danger">Em atraso</Tag>
            </>
          )}
        </dd>
        <dt>Tipo</dt>
        <dd>{reportKindLabels[report.kind]}</dd>
        <dt>Parceiro / termo</dt>
        <dd>
          {report.partnerName} — {report.termNumber}
        </dd>
        <dt>Prazo</dt>
        <dd>{formatDate(report.dueOn)}</dd>
        {report.requestReason && (
          <>
            <dt>Motivo da solicitação</dt>
            <dd>{report.requestReason}</dd>
          </>
        )}
        {report.submittedAt && (
          <>
            <dt>Enviada em</dt>
            <dd>{formatDateTime(report.submittedAt)}</dd>
          </>
        )}
        {report.reviewNote && (
          <>
            <dt>Análise da SESP</dt>
            <dd>{report.reviewNote}</dd>
          </>
        )}
      </dl>
      <section className="mt-3" aria-labelledby="facts-title">
        <h2 id="facts-title" className="h4">
          Dados da plataforma (preenchidos automaticamente em {formatDateTime(f.generatedAt)})
        </h2>
        <dl className="vigia-facts">
          <dt>Câmeras</dt>
          <dd>
            {f.cameras.total} cadastrada(s): {f.cameras.online} em funcionamento, {f.cameras.offline} fora do ar, {f.cameras.pending}{' '}
            pendente(s), {f.cameras.disabled} desativada(s)
          </dd>
          <dt>Disponibilidade ({f.uptime.month})</dt>
          <dd>
            {f.uptime.measured && f.uptime.percent !== null
              ? `${f.uptime.percent.toLocaleString('pt-BR', { maximumFractionDigits: 2 })}%`
              : f.uptime.label}
          </dd>
          <dt>Equipamentos cedidos</dt>
          <dd>
            {f.lentItems.length === 0
              ? 'Nenhum'
              : f.lentItems.map((i) => `${i.serial} (${i.model}${i.firstVideoAt ? ', com vídeo' : ', sem vídeo'})`).join('; ')}
          </dd>
          <dt>Ocorrências</dt>
          <dd>
            {f.incidents.length === 0
              ? 'Nenhuma'
              : f.incidents
                  .map((i) => `${incidentKindLabels[i.kind as IncidentKind] ?? i.kind} — ${i.serial} em ${formatDate(i.occurredOn)}`)
                  .join('; ')}
          </dd>
          <dt>Vistorias</dt>
          <dd>
            {f.inspections.length === 0
              ? 'Nenhuma'
              : f.inspections.map((i) => `${i.recordedAt ? formatDateTime(i.recordedAt) : 'agendada'}: ${i.faults} falha(s)`).join('; ')}
          </dd>
        </dl>
      </section>
      {report.photoFileIds.length > 0 && (
        <section className="mt-3" aria-label="Fotos anexadas">
          <h2 className="h4">Fotos anexadas</h2>
          <ul>
            {report.photoFileIds.map((id, n) => (
              <li key={id}>
                <a href={reportFileUrl(report.id, id)} download>
                  Foto {n + 1}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DocumentsTable documents={report.documents} urlOf={(d) => reportFileUrl(report.id, d.id)} />
    </>
  );
}
