import type { ObligationDocument } from '@vigia/contracts';
import { formatDateTime } from '../../../shared/format';

interface Props {
  documents: ObligationDocument[];
  /** Download URL of one document; without it only the verification link is shown. */
  urlOf?: (doc: ObligationDocument) => string;
  title?: string;
}

/** Acts issued by the platform (PDF/DOCX) with download and public verification (/verificar/<code>). */
export function DocumentsTable({ documents, urlOf, title = 'Documentos emitidos' }: Props) {
  return (
    <section className="mt-4" aria-label={title}>
      <h2 className="h4">{title}</h2>
      {documents.length === 0 ? (
        <p>Nenhum documento emitido ainda.</p>
      ) : (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption className="sr-only">{title}</caption>
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
              {documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td className="vigia-hash">
                    <a
                      href={`/verificar/${d.code}`}
                      target="_blank"
                      rel="noreferrer"
                      aria-label={`Verificar ${d.title} (${d.format.toUpperCase()})`}
                    >
                      {d.code}
                    </a>
                  </td>
                  <td>{formatDateTime(d.issuedAt)}</td>
                  <td>{d.superseded ? <span className="br-tag text warning">Substituído</span> : 'Vigente'}</td>
                  <td>
                    {urlOf ? (
                      <a className="br-button secondary small" href={urlOf(d)} download>
                        <i className={`fas ${d.format === 'pdf' ? 'fa-file-pdf' : 'fa-file-word'} mr-1`} aria-hidden="true" />
                        Baixar {d.format.toUpperCase()}
                        <span className="sr-only"> de {d.title}</span>
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
      )}
    </section>
  );
}
