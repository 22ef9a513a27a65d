import { type SecurityUnit, type SecurityUnitInput, securityUnitKindLabels } from '@vigia/contracts';
import { useState } from 'react';
import type { ApiError } from '../../shared/api/api-error';
import { toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { SpreadsheetFileImport, TemplateLinks } from '../spreadsheets/SpreadsheetImport';
import { createUnit, deleteUnit, importUnits, listUnits, unitsTemplateUrl, updateUnit } from './security-units-admin-api';
import { UnitForm } from './UnitForm';

/**
 * Administrators keep the public directory of security units (issue 16): add, edit and remove one
 * unit at a time (each change audited with before and after), or replace the whole list from the
 * template (all rows or none; every problem by row and column).
 */
export function SecurityUnitsAdminPage() {
  useDocumentTitle('Unidades de segurança');
  const units = useApiData(listUnits);
  const [editing, setEditing] = useState<SecurityUnit | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const save = async (body: SecurityUnitInput) => {
    const saved = editing === 'new' || editing === null ? await createUnit(body) : await updateUnit(editing.id, body);
    setNotice(`Unidade "${saved.name}" salva.`);
    setEditing(null);
    units.reload();
  };
  const remove = async (u: SecurityUnit) => {
    if (!window.confirm(`Remover a unidade "${u.name}" do diretório público?`)) return;
    setActionError(null);
    try {
      await deleteUnit(u.id);
      setNotice(`Unidade "${u.name}" removida.`);
      units.reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };
  const sendImport = async (file: File) => {
    setNotice(null);
    setActionError(null);
    try {
      const r = await importUnits(file);
      setNotice(`${r.imported} unidade(s) importada(s); a lista anterior foi substituída.`);
      units.reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };

  return (
    <>
      <Breadcrumb items={[{ label: 'Unidades de segurança' }]} />
      <h1>Unidades de segurança (diretório público)</h1>
      <p>
        Diretório publicado no portal (<a href="/unidades">/unidades</a>) e como dados abertos (
        <a href="/api/public/security-units.geojson">GeoJSON</a>, <a href="/api/public/security-units.csv">CSV</a>). Cada alteração fica
        registrada na trilha de auditoria com o antes e o depois. Linhas marcadas como <strong>ilustrativas</strong> são dados de
        demonstração.
      </p>
      {notice && (
        <div className="br-message success" role="status">
          <div className="content">{notice}</div>
        </div>
      )}
      <ApiErrorMessage error={actionError} />
      <section aria-labelledby="units-import-title" className="mb-4">
        <h2 id="units-import-title">Substituir a lista por planilha</h2>
        <p className="text-down-01">
          A importação substitui o diretório inteiro. Se alguma linha tiver problema, nada é importado e cada problema é indicado por linha
          e coluna. <TemplateLinks url={unitsTemplateUrl} />
        </p>
        <SpreadsheetFileImport id="units-file" buttonLabel="Importar e substituir" onImport={sendImport} />
      </section>
      {editing ? (
        <UnitForm
          key={editing === 'new' ? 'new' : editing.id}
          unit={editing === 'new' ? null : editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button type="button" className="br-button primary" onClick={() => setEditing('new')}>
            <i className="fas fa-plus mr-1" aria-hidden="true" /> Nova unidade
          </button>
        </p>
      )}
      <ApiErrorMessage error={units.error} />
      {units.loading && <Loading label="Carregando unidades…" />}
      {units.data && units.data.length === 0 && <p>O diretório está vazio.</p>}
      {units.data && units.data.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Unidades ({units.data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Tipo</th>
                <th scope="col">Nome</th>
                <th scope="col">Endereço</th>
                <th scope="col">Telefones</th>
                <th scope="col">Fonte</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {units.data.map((u) => (
                <tr key={u.id}>
                  <td>{securityUnitKindLabels[u.kind]}</td>
                  <th scope="row">
                    {u.name} {u.illustrative && <span className="br-tag text warning">ilustrativo</span>}
                  </th>
                  <td>
                    {u.address} — {u.municipality}
                  </td>
                  <td>{u.phones.join(', ') || '—'}</td>
                  <td>{u.source}</td>
                  <td>
                    <button type="button" className="br-button secondary small mr-1" onClick={() => setEditing(u)}>
                      Editar
                    </button>
                    <button type="button" className="br-button secondary small" onClick={() => void remove(u)}>
                      Remover
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
