import { type AccountabilityReport, reportKindLabels, reportStatusLabels } from '@vigia/contracts';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { Tag } from '../shared/Tag';
import { reportTone } from './ReportFacts';

export function ReportsTable({ reports, base }: { reports: AccountabilityReport[]; base: string }) {
  if (reports.length === 0) return <p>Nenhuma prestação de contas.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table aria-label="Prestações de contas">
        <thead>
          <tr>
            <th scope="col">Parceiro / termo</th>
            <th scope="col">Tipo</th>
            <th scope="col">Prazo</th>
            <th scope="col">Situação</th>
            <th scope="col">Ações</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.partnerName} — {r.termNumber}
              </th>
              <td>{reportKindLabels[r.kind]}</td>
              <td>
                {formatDate(r.dueOn)}
                {r.overdue && ' (em atraso)'}
              </td>
              <td>
                <Tag tone={reportTone[r.status]}>{reportStatusLabels[r.status]}</Tag>
              </td>
              <td>
                <Link
                  className="br-button small secondary"
                  to={`${base}/${r.id}`}
                  aria-label={`Abrir prestação de contas ${reportKindLabels[r.kind]} de ${r.termNumber}`}
                >
                  Abrir
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
