import { type ApplicationSummary, applicantKindLabels } from '@vigia/contracts';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { StatusTag } from './StatusTag';

interface Props {
  caption: string;
  applications: ApplicationSummary[];
  /** Router path of one application's page. */
  linkTo: (id: string) => string;
  showPartner?: boolean;
}

export function ApplicationsTable({ caption, applications, linkTo, showPartner = true }: Props) {
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>
          {caption} ({applications.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Número</th>
            {showPartner && <th scope="col">Ente proponente</th>}
            {showPartner && <th scope="col">Tipo</th>}
            <th scope="col">Situação</th>
            <th scope="col">Enviado em</th>
            <th scope="col">Atualizado em</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={linkTo(a.id)}>Pedido nº {a.number}</Link>
              </th>
              {showPartner && <td>{a.partnerName}</td>}
              {showPartner && <td>{applicantKindLabels[a.partnerKind]}</td>}
              <td>
                <StatusTag status={a.status} />
              </td>
              <td>{a.submittedAt ? formatDateTime(a.submittedAt) : '—'}</td>
              <td>{formatDateTime(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
