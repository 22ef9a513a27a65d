import { type Incident, incidentKindLabels } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { closeIncident, listAssets, listIncidents, replaceUnderWarranty } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { useWrite } from '../shared/use-write';
import { IncidentsTable } from './IncidentsTable';

const outcomes = [
  { value: 'unchanged', label: 'Manter a situação do equipamento' },
  { value: 'back_in_service', label: 'Equipamento reparado — volta ao serviço' },
  { value: 'written_off', label: 'Dar baixa no equipamento' },
];

/** SESP incidents: warranty replacement with a new serial (Art. 18 §3) and closing (repair done, §2). */
export function CommitteeIncidentsPage() {
  useDocumentTitle('Ocorrências com equipamentos');
  const { data: incidents, error, loading, setData } = useApiData(listIncidents);
  const loadStock = useCallback((signal: AbortSignal) => listAssets(signal, 'in_stock'), []);
  const { data: stock, reload: reloadStock } = useApiData(loadStock);
  const [open, setOpen] = useState<Incident | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [newAssetId, setNewAssetId] = useState('');
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [outcome, setOutcome] = useState('unchanged');
  const update = (i: Incident, message: string) => {
    setData((all) => (all ?? []).map((x) => (x.id === i.id ? i : x)));
    setOpen(i);
    setNotice(message);
    reloadStock();
  };
  const replace = useWrite<Incident>((i) =>
    update(i, `Equipamento substituído em garantia pelo número de série ${i.replacementSerial ?? ''}; termo de substituição emitido.`),
  );
  const close = useWrite<Incident>((i) => update(i, 'Ocorrência encerrada.'));

  function submitReplace(e: FormEvent) {
    e.preventDefault();
    if (open) void replace.run(() => replaceUnderWarranty(open.id, newAssetId, note.trim() || undefined));
  }
  function submitClose(e: FormEvent) {
    e.preventDefault();
    if (open) void close.run(() => closeIncident(open.id, resolution.trim(), outcome as 'unchanged'));
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Cessões de equipamentos', to: paths.committeeLoans }, { label: 'Ocorrências' }]} />
      <h1>Ocorrências com equipamentos</h1>
      <p>
        Roubo, furto e danos por terceiros exigem boletim de ocorrência e são comunicados à SESP/CIOSP e ao gestor indireto (art. 18, § 1º);
        danos do parceiro ficam com reparo pendente (§ 2º); defeitos na garantia são substituídos com novo número de série (§ 3º).
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando ocorrências…" />}
      {incidents && (
        <IncidentsTable
          incidents={incidents}
          onOpen={(i) => {
            setOpen(i);
            setNotice(null);
          }}
        />
      )}
      {open && (
        <div className="row mt-4">
          <div className="col-12">
            <h2 className="h4">
              Ocorrência de {open.serial} — {incidentKindLabels[open.kind]}
            </h2>
            <p>{open.description}</p>
            {open.resolution && <p>Encerramento: {open.resolution}</p>}
          </div>
          {open.status !== 'closed' && !open.replacementAssetId && (
            <div className="col-md-6">
              <Card id="replace-title" title="Substituir em garantia (art. 18, § 3º)">
                <ApiErrorMessage error={replace.error} />
                <form onSubmit={submitReplace} noValidate aria-label="Substituir em garantia">
                  <SelectField
                    id="replacement-asset"
                    label="Novo equipamento (número de série)"
                    value={newAssetId}
                    onChange={setNewAssetId}
                    placeholder="Selecione um bem em estoque"
                    options={(stock ?? []).map((a) => ({ value: a.id, label: `${a.serial} — ${a.model}` }))}
                  />
                  <TextField id="replacement-note" label="Observação (opcional)" value={note} onChange={setNote} />
                  <button className="br-button primary mt-2" type="submit" disabled={replace.busy || !newAssetId}>
                    Registrar substituição
                  </button>
                </form>
              </Card>
            </div>
          )}
          {open.status !== 'closed' && (
            <div className="col-md-6">
              <Card id="close-incident-title" title="Encerrar ocorrência">
                <ApiErrorMessage error={close.error} />
                <form onSubmit={submitClose} noValidate aria-label="Encerrar ocorrência">
                  <TextAreaField
                    id="incident-resolution"
                    label="Resolução"
                    hint="Mínimo de 10 caracteres."
                    value={resolution}
                    onChange={setResolution}
                    error={close.error?.fieldMessage('resolution')}
                  />
                  <SelectField id="incident-outcome" label="Equipamento" value={outcome} onChange={setOutcome} options={outcomes} />
                  <button className="br-button secondary mt-2" type="submit" disabled={close.busy}>
                    Encerrar ocorrência
                  </button>
                </form>
              </Card>
            </div>
          )}
        </div>
      )}
    </>
  );
}
