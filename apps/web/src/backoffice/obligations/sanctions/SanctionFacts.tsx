import { type Sanction, type SanctionStatus, sanctionDecisionLabels, sanctionStatusLabels } from '@vigia/contracts';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../shared/format';
import { sanctionDocumentUrl } from '../obligations-api';
import { DocumentsTable } from '../shared/DocumentsTable';
import { Tag, type Tone } from '../shared/Tag';

export const sanctionTone: Record<SanctionStatus, Tone> = { notified: 'warning', defence_filed: 'info', decided: 'success' };

/** Facts of a sanction process: defence deadline (10 business days, Art. 30 §1) and limitation (§2–3). */
export function SanctionFacts({ s }: { s: Sanction }) {
  return (
    <>
      <dl className="vigia-facts" aria-label="Dados do processo">
        <dt>Situação</dt>
        <dd>
          <Tag tone={sanctionTone[s.status]}>{sanctionStatusLabels[s.status]}</Tag>
        </dd>
        <dt>Parceiro / termo</dt>
        <dd>
          {s.partnerName} — {s.termNumber}
        </dd>
        <dt>Fatos</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{s.facts}</dd>
        <dt>Notificado em</dt>
        <dd>{formatDateTime(s.notifiedAt)}</dd>
        <dt>Recebimento da notificação</dt>
        <dd>{formatDate(s.receivedOn)}</dd>
        <dt>Prazo de defesa (10 dias úteis, art. 30, § 1º)</dt>
        <dd data-testid="defence-due">
          até {formatDate(s.defenceDueOn)} {s.defenceOpen ? <Tag tone="info">Prazo em curso</Tag> : <Tag>Prazo encerrado</Tag>}
        </dd>
        <dt>Defesa</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>
          {s.defenceText ? `${s.defenceText}\n(apresentada em ${formatDateTime(s.defenceFiledAt ?? '')})` : 'Não apresentada'}
        </dd>
        <dt>Prescrição (5 anos, art. 30, §§ 2º–3º)</dt>
        <dd data-testid="limitation">
          {s.limitation.timeBarred ? <Tag tone="danger">Prescrita</Tag> : <Tag tone="success">Não prescrita</Tag>}{' '}
          {s.limitation.explanation}
          {s.limitation.endsOn && ` Prescreve em ${formatDate(s.limitation.endsOn)}.`}
        </dd>
        {s.decision && (
          <>
            <dt>Decisão</dt>
            <dd>
              {sanctionDecisionLabels[s.decision]}
              {s.suspensionEndsOn && ` — suspensão e impedimento até ${formatDate(s.suspensionEndsOn)}`}. {s.decisionReasons}
            </dd>
          </>
        )}
      </dl>
      <DocumentsTable documents={s.documents} urlOf={(d) => sanctionDocumentUrl(s.id, d.id)} title="Notificação e decisão" />
    </>
  );
}

export function SanctionsTable({ sanctions, base }: { sanctions: Sanction[]; base: string }) {
  if (sanctions.length === 0) return <p>Nenhum processo de sanção.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table aria-label="Processos de sanção">
        <thead>
          <tr>
            <th scope="col">Processo</th>
            <th scope="col">Parceiro / termo</th>
            <th scope="col">Situação</th>
            <th scope="col">Prazo de defesa</th>
            <th scope="col">Decisão</th>
          </tr>
        </thead>
        <tbody>
          {sanctions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`${base}/${s.id}`} aria-label={`Abrir processo ${s.number}`}>
                  {s.number}
                </Link>
              </th>
              <td>
                {s.partnerName} — {s.termNumber}
              </td>
              <td>
                <Tag tone={sanctionTone[s.status]}>{sanctionStatusLabels[s.status]}</Tag>
              </td>
              <td>
                {formatDate(s.defenceDueOn)}
                {s.defenceOpen && ' (em curso)'}
              </td>
              <td>{s.decision ? sanctionDecisionLabels[s.decision] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
