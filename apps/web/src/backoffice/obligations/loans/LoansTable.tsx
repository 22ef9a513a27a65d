import { type Loan, loanStatusLabels } from '@vigia/contracts';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { Tag } from '../shared/Tag';
import { loanTone } from './loan-labels';

/** Loans list; `base` is the area path where ":loanId" opens the detail (omit for read-only lists). */
export function LoansTable({ loans, base }: { loans: Loan[]; base?: string }) {
  if (loans.length === 0) return <p>Nenhuma cessão de equipamentos.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table aria-label="Cessões de equipamentos">
        <thead>
          <tr>
            <th scope="col">Cessão</th>
            <th scope="col">Parceiro</th>
            <th scope="col">Termo</th>
            <th scope="col">Equipamentos</th>
            <th scope="col">Situação</th>
            <th scope="col">Retirada</th>
            <th scope="col">Prazo de instalação</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                {base ? (
                  <Link to={`${base}/${l.id}`} aria-label={`Abrir cessão ${l.number}`}>
                    {l.number}
                  </Link>
                ) : (
                  l.number
                )}
              </th>
              <td>{l.partnerName}</td>
              <td>{l.termNumber}</td>
              <td>
                {l.items
                  .filter((i) => i.active)
                  .map((i) => i.serial)
                  .join(', ')}
              </td>
              <td>
                <Tag tone={loanTone[l.status]}>{loanStatusLabels[l.status]}</Tag>
              </td>
              <td>{l.pickedUpOn ? formatDate(l.pickedUpOn) : l.pickupOn ? `Agendada: ${formatDate(l.pickupOn)}` : '—'}</td>
              <td>{l.installationDueOn ? formatDate(l.installationDueOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
