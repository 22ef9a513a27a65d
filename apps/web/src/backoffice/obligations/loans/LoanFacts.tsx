import { assetStatusLabels, installationStatusLabels, type Loan, loanStatusLabels } from '@vigia/contracts';
import { formatDate, formatDateTime } from '../../../shared/format';
import { loanDocumentUrl } from '../obligations-api';
import { DocumentsTable } from '../shared/DocumentsTable';
import { Tag } from '../shared/Tag';
import { assetTone, loanTone, returnConditionLabels } from './loan-labels';

/** Facts, items and acts of one loan (shared by SESP, partner and manager views). */
export function LoanFacts({ loan }: { loan: Loan }) {
  return (
    <>
      <dl className="vigia-facts" aria-label="Dados da cessão">
        <dt>Situação</dt>
        <dd>
          <Tag tone={loanTone[loan.status]}>{loanStatusLabels[loan.status]}</Tag>
        </dd>
        <dt>Parceiro</dt>
        <dd>{loan.partnerName}</dd>
        <dt>Termo de cooperação</dt>
        <dd>{loan.termNumber}</dd>
        <dt>Local de retirada</dt>
        <dd>{loan.pickupPlace}</dd>
        <dt>Retirada agendada</dt>
        <dd>{loan.pickupOn ? `${formatDate(loan.pickupOn)} — ${loan.pickupPersonName ?? ''}` : 'Não agendada'}</dd>
        <dt>Retirada em</dt>
        <dd>{loan.pickedUpOn ? formatDate(loan.pickedUpOn) : '—'}</dd>
        <dt>Vigência da cessão (art. 18, § 4º)</dt>
        <dd>
          {loan.currentPeriodEndsOn ? `Período atual até ${formatDate(loan.currentPeriodEndsOn)}` : '—'}
          {loan.renewals > 0 && ` (${loan.renewals} renovação(ões) automática(s))`}
          {loan.returnDue && (
            <>
              {' '}
              <Tag tone="danger">Devolução devida</Tag>
            </>
          )}
        </dd>
        <dt>Instalação (90 dias, guia §04)</dt>
        <dd>
          {installationStatusLabels[loan.installationStatus]}
          {loan.installationDueOn && ` — prazo ${formatDate(loan.installationDueOn)}`}
          {loan.installationMetAt && ` — concluída em ${formatDateTime(loan.installationMetAt)}`}
        </dd>
        {loan.returnedOn && (
          <>
            <dt>Devolvida em</dt>
            <dd>{formatDate(loan.returnedOn)}</dd>
          </>
        )}
      </dl>
      <div className="br-table vigia-table-wrap mt-3">
        <table aria-label="Equipamentos da cessão">
          <thead>
            <tr>
              <th scope="col">Número de série</th>
              <th scope="col">Modelo</th>
              <th scope="col">Patrimônio</th>
              <th scope="col">Situação</th>
              <th scope="col">Primeiro vídeo</th>
              <th scope="col">Observação</th>
            </tr>
          </thead>
          <tbody>
            {loan.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.serial}</th>
                <td>{i.model}</td>
                <td>{i.assetTag}</td>
                <td>
                  <Tag tone={assetTone[i.assetStatus]}>{assetStatusLabels[i.assetStatus]}</Tag>
                  {!i.active && ' (substituído/devolvido)'}
                </td>
                <td>{i.firstVideoAt ? formatDateTime(i.firstVideoAt) : 'Sem vídeo ainda'}</td>
                <td>
                  {i.replacesItemId && 'Substituição em garantia. '}
                  {i.returnCondition &&
                    (returnConditionLabels[i.returnCondition as keyof typeof returnConditionLabels] ?? i.returnCondition)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DocumentsTable documents={loan.documents} urlOf={(d) => loanDocumentUrl(loan.id, d.id)} title="Termos e atos da cessão" />
    </>
  );
}
