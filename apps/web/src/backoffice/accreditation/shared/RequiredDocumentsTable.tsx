import type { ApplicationDetail } from '@vigia/contracts';
import { applicationFileUrl } from '../../api/accreditation-api';

/** The documents the application needs (per applicant kind) and what was attached. Read-only. */
export function RequiredDocumentsTable({ app }: { app: ApplicationDetail }) {
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>Documentos exigidos</caption>
        <thead>
          <tr>
            <th scope="col">Documento</th>
            <th scope="col">Base legal</th>
            <th scope="col">Obrigatório</th>
            <th scope="col">Arquivo</th>
          </tr>
        </thead>
        <tbody>
          {app.documents.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{d.legalBasis}</td>
              <td>{d.mandatory ? 'Sim' : 'Não (guia)'}</td>
              <td>
                {d.fileId ? (
                  <a href={applicationFileUrl(app.id, d.fileId)} download>
                    Baixar<span className="sr-only"> {d.label}</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
