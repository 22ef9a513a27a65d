import { type Incident, incidentKindLabels, incidentStatusLabels } from '@vigia/contracts';
import { formatDate } from '../../../shared/format';
import { Tag } from '../shared/Tag';
import { incidentTone } from './loan-labels';

/** Incidents with the police report number (Art. 18 §1) and the warranty replacement (§3). */
export function IncidentsTable({ incidents, onOpen }: { incidents: Incident[]; onOpen?: (i: Incident) => void }) {
  if (incidents.length === 0) return <p>Nenhuma ocorrência registrada.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table aria-label="Ocorrências com equipamentos">
        <thead>
          <tr>
            <th scope="col">Equipamento</th>
            <th scope="col">Parceiro / cessão</th>
            <th scope="col">Tipo</th>
            <th scope="col">Data</th>
            <th scope="col">Boletim de ocorrência</th>
            <th scope="col">Situação</th>
            <th scope="col">Substituto</th>
            {onOpen && <th scope="col">Ações</th>}
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.serial}</th>
              <td>
                {i.partnerName} — nº {i.loanNumber}
              </td>
              <td>{incidentKindLabels[i.kind]}</td>
              <td>{formatDate(i.occurredOn)}</td>
              <td>{i.policeReportNumber ?? '—'}</td>
              <td>
                <Tag tone={incidentTone[i.status]}>{incidentStatusLabels[i.status]}</Tag>
              </td>
              <td>{i.replacementSerial ?? '—'}</td>
              {onOpen && (
                <td>
                  <button
                    type="button"
                    className="br-button small secondary"
                    onClick={() => onOpen(i)}
                    aria-label={`Tratar ocorrência de ${i.serial}`}
                  >
                    Tratar
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
