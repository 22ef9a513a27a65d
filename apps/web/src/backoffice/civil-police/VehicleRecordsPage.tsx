import { type FormEvent, useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { SpreadsheetFileImport, TemplateLinks } from '../spreadsheets/SpreadsheetImport';
import { createVehicle, importVehicles, listVehicles, vehiclesTemplateUrl } from './civil-police-api';

const empty = { plate: '', chassis: '', make: '', model: '', colour: '', year: '', municipalityIbge: '' };

/**
 * Civil police keep the vehicle store the public status lookup answers from (issue 16): add one
 * vehicle or import the template. No owner data: the store has no field for it. The theft flag
 * comes from validated police reports, not from this screen.
 */
export function VehicleRecordsPage() {
  useDocumentTitle('Cadastro de veículos');
  const [q, setQ] = useState('');
  const load = useCallback((signal: AbortSignal) => listVehicles(q, signal), [q]);
  const vehicles = useApiData(load);
  const [form, setForm] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const v = await createVehicle({
        ...form,
        plate: form.plate.trim() || null,
        chassis: form.chassis.trim() || null,
        year: Number(form.year),
      });
      setNotice(`Veículo ${v.plate ?? v.chassis} cadastrado.`);
      setForm(empty);
      vehicles.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  async function sendImport(file: File) {
    setNotice(null);
    setError(null);
    try {
      const r = await importVehicles(file);
      setNotice(`${r.imported} veículo(s) importado(s).`);
      vehicles.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Cadastro de veículos' }]} />
      <h1>Cadastro de veículos</h1>
      <p>
        Base da consulta pública de situação de veículo (<a href="/consultas/veiculo">/consultas/veiculo</a>). O cadastro guarda só a
        descrição do veículo, nunca o proprietário. A marcação de furto ou roubo vem dos boletins de ocorrência validados.
      </p>
      {notice && (
        <div className="br-message success" role="status">
          <div className="content">{notice}</div>
        </div>
      )}
      <ApiErrorMessage error={error} />
      <section className="mb-4" aria-labelledby="vehicles-import-title">
        <h2 id="vehicles-import-title">Importar planilha</h2>
        <p className="text-down-01">
          Veículo já cadastrado (mesma placa ou chassi) é substituído. Se alguma linha tiver problema, nada é importado.{' '}
          <TemplateLinks url={vehiclesTemplateUrl} />
        </p>
        <SpreadsheetFileImport id="vehicles-file" buttonLabel="Importar" onImport={sendImport} />
      </section>
      <form onSubmit={add} noValidate aria-label="Cadastrar veículo" className="mb-4">
        <h2>Cadastrar veículo</h2>
        <div className="row">
          <TextField id="v-plate" className="col-md-3 mb-2" label="Placa" value={form.plate} onChange={set('plate')} />
          <TextField id="v-chassis" className="col-md-5 mb-2" label="Chassi" value={form.chassis} onChange={set('chassis')} />
          <TextField id="v-year" className="col-md-2 mb-2" label="Ano" inputMode="numeric" value={form.year} onChange={set('year')} />
          <TextField id="v-make" className="col-md-3 mb-2" label="Marca" value={form.make} onChange={set('make')} />
          <TextField id="v-model" className="col-md-4 mb-2" label="Modelo" value={form.model} onChange={set('model')} />
          <TextField id="v-colour" className="col-md-2 mb-2" label="Cor" value={form.colour} onChange={set('colour')} />
          <TextField
            id="v-ibge"
            className="col-md-3 mb-2"
            label="Município (código IBGE)"
            value={form.municipalityIbge}
            onChange={set('municipalityIbge')}
          />
        </div>
        <button className="br-button primary" type="submit">
          Cadastrar
        </button>
      </form>
      <TextField id="v-search" className="mb-3" label="Buscar por placa ou chassi" value={q} onChange={setQ} />
      <ApiErrorMessage error={vehicles.error} />
      {vehicles.loading && <Loading label="Carregando veículos…" />}
      {vehicles.data && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Veículos ({vehicles.data.length})</caption>
            <thead>
              <tr>
                <th scope="col">Placa</th>
                <th scope="col">Chassi</th>
                <th scope="col">Veículo</th>
                <th scope="col">Município</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {vehicles.data.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {v.plate ?? '—'} {v.illustrative && <span className="br-tag text warning">ilustrativo</span>}
                  </th>
                  <td>{v.chassis ?? '—'}</td>
                  <td>
                    {v.make} {v.model}, {v.colour}, {v.year}
                  </td>
                  <td>{v.municipality ?? v.municipalityIbge}</td>
                  <td>{v.stolen ? <strong>Furto/roubo em aberto</strong> : 'Sem registro'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
