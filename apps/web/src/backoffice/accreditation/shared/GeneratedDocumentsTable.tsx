import type { ApplicationDetail } from '@vigia/contracts';
import { formatDateTime } from '../../../shared/format';
import { generatedDocumentUrl } from '../../api/accreditation-api';

/** Acts issued for the application (annexes, notices, decisions, terms) with download and check links. */
export function GeneratedDocumentsTable({ app }: { app: ApplicationDetail }) {
  return (
    <section aria-labelledby="generated-docs-title">
      <h2 id="generated-docs-title" className="h4">
        Documentos emitidos
      </h2>
      {app.generatedDocuments.length === 0 ? (
        <p>Nenhum documento emitido ainda.</p>
      ) : (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption className="sr-only">Documentos emitidos</caption>
            <thead>
              <tr>
                <th scope="col">Documento</th>
                <th scope="col">Código de autenticação</th>
                <th scope="col">Emitido em</th>
                <th scope="col">Situação</th>
                <th scope="col">Arquivo</th>
              </tr>
            </thead>
            <tbody>
              {app.generatedDocuments.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td className="vigia-hash">
                    <a href={`/verificar/${d.code}`} target="_blank" rel="noreferrer">
                      {d.code}
                    </a>
                  </td>
                  <td>{formatDateTime(d.issuedAt)}</td>
                  <td>{d.superseded ? <span className="br-tag text warning">Substituído</span> : 'Vigente'}</td>
                  <td>
                    <a className="br-button secondary small" href={generatedDocumentUrl(app.id, d.id)} download>
                      <i className={`fas ${d.format === 'pdf' ? 'fa-file-pdf' : 'fa-file-word'} mr-1`} aria-hidden="true" />
                      Baixar {d.format.toUpperCase()}
                      <span className="sr-only"> de {d.title}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
