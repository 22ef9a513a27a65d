import { referencePlaceKindLabels } from '@vigia/contracts';
import { useState } from 'react';
import type { ApiError } from '../../shared/api/api-error';
import { toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { useSession } from '../session/session-context';
import { SpreadsheetFileImport, TemplateLinks } from '../spreadsheets/SpreadsheetImport';
import { importReferencePlaces, listReferencePlaces, referenceTemplateUrl } from './protection-api';

/**
 * The reference list of hospitals, police and fire units that protection plans list along each
 * leg and venue. Administrators replace it from the template (all rows or none); protection staff
 * and auditors read it. The platform ships it empty: no sourced list is bundled.
 */
export function ReferencePlacesPage() {
  useDocumentTitle('Apoio na rota');
  const { data, error, loading, reload } = useApiData(listReferencePlaces);
  const { activeRole } = useSession();
  const [result, setResult] = useState<{ imported: number } | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);

  const send = async (file: File) => {
    setResult(null);
    setImportError(null);
    try {
      setResult(await importReferencePlaces(file));
      reload();
    } catch (e) {
      setImportError(toApiError(e));
    }
  };

  return (
    <>
      <Breadcrumb items={[{ label: 'Apoio na rota' }]} />
      <h1>Apoio na rota: hospitais, polícia e bombeiros</h1>
      <p>
        Unidades listadas em cada trecho e local dos planos de ação de proteção, dentro da distância definida no plano. Cada unidade informa
        a fonte do dado; linhas marcadas como <strong>ilustrativas</strong> são dados de demonstração, não unidades reais.
      </p>
      <p>
        Modelo para preenchimento: <TemplateLinks url={referenceTemplateUrl} />
      </p>
      {activeRole === 'admin' && (
        <section aria-labelledby="import-title" className="mb-4">
          <h2 id="import-title">Importar lista</h2>
          <p className="text-down-01">A importação substitui a lista inteira. Se alguma linha tiver problema, nada é importado.</p>
          <SpreadsheetFileImport id="reference-file" buttonLabel="Importar" onImport={send} />
          {result && (
            <div className="br-message success mt-2" role="status">
              <div className="content">{result.imported} unidade(s) importada(s).</div>
            </div>
          )}
          <ApiErrorMessage error={importError} />
        </section>
      )}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando lista…" />}
      {data && data.length === 0 && <p>A lista de referência está vazia.</p>}
      {data && data.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Unidades ({data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Tipo</th>
                <th scope="col">Nome</th>
                <th scope="col">Endereço</th>
                <th scope="col">Telefone</th>
                <th scope="col">Fonte</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id}>
                  <td>{referencePlaceKindLabels[p.kind]}</td>
                  <th scope="row">
                    {p.name} {p.illustrative && <span className="br-tag text warning">ilustrativo</span>}
                  </th>
                  <td>
                    {p.address} — {p.municipality}
                  </td>
                  <td>{p.phone ?? '—'}</td>
                  <td>{p.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
