import { type Warrant, type WarrantStatus, warrantStatuses, warrantStatusLabels } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { changeWarrantStatus, listWarrants, registerWarrant } from './civil-police-api';

const empty = { number: '', court: '', issuedOn: '', validUntil: '', personName: '', motherName: '', birthDate: '', cpf: '' };

/**
 * Civil police keep the arrest warrants the public lookup answers from (issue 16): register a
 * pending warrant; change its status (served, revoked, expired, pending) with a reason. Every act
 * and every read of this list is audited; a served or revoked warrant leaves the lookup at once.
 */
export function WarrantsPage() {
  useDocumentTitle('Mandados de prisão');
  const warrants = useApiData(listWarrants);
  const [form, setForm] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function register(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const w = await registerWarrant({ ...form, cpf: form.cpf.trim() || null });
      setNotice(`Mandado ${w.number} cadastrado como pendente.`);
      setForm(empty);
      warrants.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  async function change(w: Warrant, status: WarrantStatus) {
    const reason = window.prompt(`Motivo da mudança do mandado ${w.number} para "${warrantStatusLabels[status]}":`);
    if (!reason) return;
    setError(null);
    try {
      await changeWarrantStatus(w.id, { status, reason });
      setNotice(`Mandado ${w.number}: ${warrantStatusLabels[status]}.`);
      warrants.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Mandados de prisão' }]} />
      <h1>Mandados de prisão</h1>
      <p>
        Base consultada pelo portal (<a href="/consultas/mandado-de-prisao">/consultas/mandado-de-prisao</a>): a consulta pública mostra só
        mandados <strong>pendentes e dentro da validade</strong> (número, órgão expedidor e data). Ao registrar o cumprimento ou a
        revogação, o mandado deixa de aparecer na hora. Cada ação fica na trilha de auditoria.
      </p>
      {notice && (
        <div className="br-message success" role="status">
          <div className="content">{notice}</div>
        </div>
      )}
      <ApiErrorMessage error={error} />
      <form onSubmit={register} noValidate aria-label="Cadastrar mandado" className="mb-4">
        <h2>Cadastrar mandado pendente</h2>
        <div className="row">
          <TextField id="w-number" className="col-md-6 mb-2" label="Número do mandado" value={form.number} onChange={set('number')} />
          <TextField id="w-court" className="col-md-6 mb-2" label="Órgão expedidor" value={form.court} onChange={set('court')} />
          <TextField
            id="w-issued"
            className="col-md-3 mb-2"
            type="date"
            label="Expedido em"
            value={form.issuedOn}
            onChange={set('issuedOn')}
          />
          <TextField
            id="w-valid"
            className="col-md-3 mb-2"
            type="date"
            label="Válido até"
            value={form.validUntil}
            onChange={set('validUntil')}
          />
          <TextField
            id="w-person"
            className="col-md-6 mb-2"
            label="Nome completo da pessoa"
            value={form.personName}
            onChange={set('personName')}
          />
          <TextField
            id="w-mother"
            className="col-md-6 mb-2"
            label="Nome completo da mãe"
            value={form.motherName}
            onChange={set('motherName')}
          />
          <TextField
            id="w-birth"
            className="col-md-3 mb-2"
            type="date"
            label="Nascimento"
            value={form.birthDate}
            onChange={set('birthDate')}
          />
          <TextField id="w-cpf" className="col-md-3 mb-2" label="CPF (se conhecido)" value={form.cpf} onChange={set('cpf')} />
        </div>
        <button className="br-button primary" type="submit">
          Cadastrar
        </button>
      </form>
      <ApiErrorMessage error={warrants.error} />
      {warrants.loading && <Loading label="Carregando mandados…" />}
      {warrants.data && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Mandados ({warrants.data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Número</th>
                <th scope="col">Pessoa</th>
                <th scope="col">Órgão / data</th>
                <th scope="col">Validade</th>
                <th scope="col">Situação</th>
                <th scope="col">Mudar para</th>
              </tr>
            </thead>
            <tbody>
              {warrants.data.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    {w.number} {w.illustrative && <span className="br-tag text warning">ilustrativo</span>}
                  </th>
                  <td>
                    {w.personName} (mãe: {w.motherName}; nasc. {w.birthDate}; CPF {w.cpf ?? '—'})
                  </td>
                  <td>
                    {w.court}, {w.issuedOn}
                  </td>
                  <td>{w.validUntil}</td>
                  <td>{warrantStatusLabels[w.status]}</td>
                  <td>
                    {warrantStatuses
                      .filter((s) => s !== w.status)
                      .map((s) => (
                        <button key={s} type="button" className="br-button secondary small mr-1 mb-1" onClick={() => void change(w, s)}>
                          {warrantStatusLabels[s]}
                        </button>
                      ))}
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
