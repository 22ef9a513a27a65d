import { type Asset, assetStatusLabels } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { formatDate } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { createAsset, listAssets, setAssetStatus } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { Tag } from '../shared/Tag';
import { useWrite } from '../shared/use-write';
import { assetTone } from './loan-labels';

const manualStatuses = [
  { value: 'in_stock', label: 'Voltar ao estoque (após devolução ou reparo)' },
  { value: 'under_repair', label: 'Enviar para reparo' },
  { value: 'written_off', label: 'Dar baixa no patrimônio' },
];

/** Asset registry: list, register, manual status change (GET/POST /api/loans/assets, POST /:id/status). */
export function AssetsPage() {
  useDocumentTitle('Bens (patrimônio)');
  const load = useCallback((signal: AbortSignal) => listAssets(signal), []);
  const { data: assets, error, loading, setData } = useApiData(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [assetTag, setAssetTag] = useState('');
  const [warranty, setWarranty] = useState('');
  const [target, setTarget] = useState('');
  const [status, setStatus] = useState('under_repair');
  const [note, setNote] = useState('');

  const create = useWrite<Asset>((a) => {
    setData((all) => [a, ...(all ?? [])]);
    setNotice(`Equipamento ${a.serial} cadastrado em estoque.`);
    setModel('');
    setSerial('');
    setAssetTag('');
  });
  const move = useWrite<Asset>((a) => {
    setData((all) => (all ?? []).map((x) => (x.id === a.id ? a : x)));
    setNotice(`Situação de ${a.serial}: ${assetStatusLabels[a.status]}.`);
    setNote('');
  });

  function submitCreate(e: FormEvent) {
    e.preventDefault();
    void create.run(() =>
      createAsset({ model: model.trim(), serial: serial.trim(), assetTag: assetTag.trim(), warrantyEndsOn: warranty || null }),
    );
  }
  function submitMove(e: FormEvent) {
    e.preventDefault();
    void move.run(() => setAssetStatus(target, status as 'in_stock' | 'under_repair' | 'written_off', note.trim()));
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Cessões de equipamentos', to: paths.committeeLoans }, { label: 'Bens' }]} />
      <h1>Bens (patrimônio)</h1>
      <p>Câmeras do Estado disponíveis para cessão, com número de série, patrimônio e fim da garantia (art. 18, § 3º).</p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando bens…" />}
      {assets && assets.length === 0 && <p>Nenhum bem cadastrado.</p>}
      {assets && assets.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table aria-label="Bens cadastrados">
            <thead>
              <tr>
                <th scope="col">Número de série</th>
                <th scope="col">Modelo</th>
                <th scope="col">Patrimônio</th>
                <th scope="col">Garantia até</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {assets.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.serial}</th>
                  <td>{a.model}</td>
                  <td>{a.assetTag}</td>
                  <td>{a.warrantyEndsOn ? formatDate(a.warrantyEndsOn) : 'Sem garantia'}</td>
                  <td>
                    <Tag tone={assetTone[a.status]}>{assetStatusLabels[a.status]}</Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row mt-4">
        <div className="col-md-6">
          <Card id="new-asset-title" title="Cadastrar bem">
            <ApiErrorMessage error={create.error} />
            <form onSubmit={submitCreate} noValidate aria-label="Cadastrar bem" className="vigia-form-grid">
              <TextField
                id="asset-model"
                label="Modelo"
                value={model}
                onChange={setModel}
                error={create.error?.fieldMessage('model')}
                required
              />
              <TextField
                id="asset-serial"
                label="Número de série"
                value={serial}
                onChange={setSerial}
                error={create.error?.fieldMessage('serial')}
                required
              />
              <TextField
                id="asset-tag"
                label="Número de patrimônio"
                value={assetTag}
                onChange={setAssetTag}
                error={create.error?.fieldMessage('assetTag')}
                required
              />
              <TextField
                id="asset-warranty"
                type="date"
                label="Fim da garantia"
                value={warranty}
                onChange={setWarranty}
                error={create.error?.fieldMessage('warrantyEndsOn')}
              />
              <div>
                <button className="br-button primary" type="submit" disabled={create.busy}>
                  Cadastrar bem
                </button>
              </div>
            </form>
          </Card>
        </div>
        <div className="col-md-6">
          <Card id="move-asset-title" title="Alterar situação de um bem">
            <ApiErrorMessage error={move.error} />
            <form onSubmit={submitMove} noValidate aria-label="Alterar situação de um bem">
              <SelectField
                id="move-asset"
                label="Bem"
                value={target}
                onChange={setTarget}
                placeholder="Selecione"
                options={(assets ?? []).map((a) => ({ value: a.id, label: `${a.serial} — ${assetStatusLabels[a.status]}` }))}
              />
              <SelectField id="move-status" label="Nova situação" value={status} onChange={setStatus} options={manualStatuses} />
              <TextAreaField
                id="move-note"
                label="Motivo"
                hint="Mínimo de 10 caracteres."
                value={note}
                onChange={setNote}
                error={move.error?.fieldMessage('note')}
              />
              <button className="br-button secondary mt-2" type="submit" disabled={move.busy || !target}>
                Alterar situação
              </button>
            </form>
          </Card>
        </div>
      </div>
    </>
  );
}
