import type { ApplicationDetail } from '@vigia/contracts';
import { uploadLimitHint } from '../../api/files-api';
import { DocumentUploadRow } from './DocumentUploadRow';

interface Props {
  app: ApplicationDetail;
  onChanged: (detail: ApplicationDetail) => void;
}

/** Required documents for the partner's kind and property situation (list from the API). */
export function DocumentsStep({ app, onChanged }: Props) {
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title" className="h4">
        Documentos exigidos
      </h2>
      <p>
        A lista depende do tipo de ente e da situação do imóvel (Decreto nº 1.522/2022, arts. 9 a 11). Cada arquivo é anexado assim que
        escolhido. Tipos aceitos e limite: {uploadLimitHint}
      </p>
      <ul className="list-unstyled" aria-label="Documentos do pedido">
        {app.documents.map((doc, i) => (
          <DocumentUploadRow key={doc.key} applicationId={app.id} doc={doc} index={i} onAttached={onChanged} />
        ))}
      </ul>
    </section>
  );
}
