import type { PublicDocument } from '@vigia/contracts';
import { Message } from '../../shared/components/Message';
import { formatBytes, formatDateTime } from '../../shared/format';

/** Metadata of an issued document as the API returns it: what, when, SHA-256, superseded or not. */
export function DocumentFacts({ doc }: { doc: PublicDocument }) {
  return (
    <section aria-labelledby="doc-facts-title">
      <h2 id="doc-facts-title" className="h4">
        Documento encontrado
      </h2>
      {doc.superseded ? (
        <Message kind="warning" title="Documento substituído.">
          Este documento foi substituído por uma nova emissão
          {doc.supersededAt ? ` em ${formatDateTime(doc.supersededAt)}` : ''}. Ele continua autêntico, mas não é a versão vigente.
        </Message>
      ) : (
        <Message kind="info" title="Documento vigente.">
          Não há emissão posterior que o substitua.
        </Message>
      )}
      <dl className="vigia-facts">
        <dt className="col-sm-3">Título</dt>
        <dd className="col-sm-9">{doc.title}</dd>
        <dt className="col-sm-3">Código</dt>
        <dd className="col-sm-9 vigia-hash">{doc.code}</dd>
        <dt className="col-sm-3">Formato</dt>
        <dd className="col-sm-9">{doc.format.toUpperCase()}</dd>
        <dt className="col-sm-3">Emitido em</dt>
        <dd className="col-sm-9">{formatDateTime(doc.issuedAt)}</dd>
        <dt className="col-sm-3">Tamanho</dt>
        <dd className="col-sm-9">{formatBytes(doc.sizeBytes)}</dd>
        <dt className="col-sm-3">SHA-256</dt>
        <dd className="col-sm-9 vigia-hash" style={{ wordBreak: 'break-all' }}>
          {doc.sha256}
        </dd>
      </dl>
    </section>
  );
}
