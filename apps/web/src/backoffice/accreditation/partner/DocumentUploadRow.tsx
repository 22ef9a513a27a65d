import type { ApplicationDetail } from '@vigia/contracts';
import { applicationFileUrl, attachDocument } from '../../api/accreditation-api';
import { UploadControl } from '../shared/UploadControl';
import { generatedRequirementKeys } from './generated-keys';

type RequiredDoc = ApplicationDetail['documents'][number];

interface Props {
  applicationId: string;
  doc: RequiredDoc;
  index: number;
  onAttached: (detail: ApplicationDetail) => void;
}

/** One required document: its legal basis, whether attached, and an upload that attaches at once. */
export function DocumentUploadRow({ applicationId, doc, index, onAttached }: Props) {
  const generated = generatedRequirementKeys.has(doc.key);
  return (
    <li className="br-card p-3 mb-2">
      <p className="mb-1">
        <strong>{doc.label}</strong>
      </p>
      <p className="text-down-01 mb-2">
        {doc.legalBasis} · {doc.mandatory ? 'Obrigatório' : 'Pedido pelo guia (não obrigatório)'} ·{' '}
        {doc.fileId ? (
          <a href={applicationFileUrl(applicationId, doc.fileId)} download>
            Arquivo anexado — baixar
          </a>
        ) : generated ? (
          'Gerado pela plataforma no envio do pedido'
        ) : (
          'Nenhum arquivo anexado'
        )}
      </p>
      {!generated && (
        <>
          {' '}
          <UploadControl
            id={`doc-${index}`}
            label={doc.fileId ? `Substituir: ${doc.label}` : `Enviar: ${doc.label}`}
            onUploaded={async (file) => onAttached(await attachDocument(applicationId, doc.key, file.id))}
          />
        </>
      )}
    </li>
  );
}
