import type { CooperationTerm } from '@vigia/contracts';
import { formatDate } from '../../../shared/format';
import { SignTermForm } from './SignTermForm';

const kindLabels = { direct: 'Gestão direta', indirect_delegation: 'Delegação (gestão indireta)', adhesion: 'Adesão' } as const;
const statusLabels = { pending_signature: 'Aguardando assinatura', active: 'Vigente', ended: 'Encerrado' } as const;

interface Props {
  terms: CooperationTerm[];
  /** When given, terms awaiting signature get the signature form (admin). */
  onSigned?: (t: CooperationTerm) => void;
}

export function TermsTable({ terms, onSigned }: Props) {
  if (terms.length === 0) return <p>Nenhum termo de cooperação.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>Termos de cooperação técnica ({terms.length})</caption>
        <thead>
          <tr>
            <th scope="col">Número</th>
            <th scope="col">Parceiro</th>
            <th scope="col">Tipo</th>
            <th scope="col">Situação</th>
            <th scope="col">Assinado em</th>
            <th scope="col">Período atual até</th>
            <th scope="col">Pontos autorizados</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.number}</th>
              <td>{t.partnerName}</td>
              <td>{kindLabels[t.kind]}</td>
              <td>
                {statusLabels[t.status]}
                {onSigned && t.status === 'pending_signature' && <SignTermForm term={t} onSigned={onSigned} />}
              </td>
              <td>{t.signedOn ? formatDate(t.signedOn) : '—'}</td>
              <td>{t.currentPeriodEndsOn ? formatDate(t.currentPeriodEndsOn) : '—'}</td>
              <td>{t.authorisations.reduce((n, a) => n + a.cameraPoints, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
