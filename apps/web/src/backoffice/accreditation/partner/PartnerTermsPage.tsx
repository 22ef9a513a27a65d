import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listCooperationTerms } from '../../api/accreditation-api';
import { TermsTable } from '../homologation/TermsTable';

/** /termos — the partner's cooperation terms; the files are on each application's page. */
export function PartnerTermsPage() {
  useDocumentTitle('Termos e documentos');
  const { data, error, loading } = useApiData(listCooperationTerms);
  return (
    <>
      <Breadcrumb items={[{ label: 'Termos e documentos' }]} />
      <h1>Termos e documentos</h1>
      <p>Os arquivos (PDF e DOCX) dos termos e demais atos estão em “Documentos emitidos”, na página de cada pedido.</p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando termos…" />}
      {data && <TermsTable terms={data} />}
    </>
  );
}
