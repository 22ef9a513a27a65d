import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { CodeForm } from './CodeForm';
import { CopyCheck } from './CopyCheck';
import { maskAuthenticityCode } from './code-format';
import { DocumentFacts } from './DocumentFacts';
import { lookupDocument } from './verification-api';

/** /verificar/:code — the QR code on every issued act points here. */
export function VerificationPage() {
  const code = maskAuthenticityCode(useParams().code ?? '');
  useDocumentTitle(`Verificar documento ${code}`);
  const load = useCallback((signal: AbortSignal) => lookupDocument(code, signal), [code]);
  const { data: doc, error, loading } = useApiData(load);

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Verificar documento', to: '/verificar' }, { label: code }]} />
      <h1>Verificação do documento {code}</h1>
      {loading && <Loading label="Consultando o documento…" />}
      {error && (
        <>
          <ApiErrorMessage error={error} />
          <h2 className="h4">Consultar outro código</h2>
          <CodeForm initial={code} />
        </>
      )}
      {doc && (
        <>
          <DocumentFacts doc={doc} />
          <CopyCheck code={doc.code} format={doc.format} />
        </>
      )}
    </div>
  );
}
