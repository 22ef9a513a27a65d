import { type Incident, type IncidentKind, incidentKindLabels, incidentKinds } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listIncidents, listLoans, reportIncident } from '../obligations-api';
import { Card } from '../shared/Card';
import { todayInCuiaba } from '../shared/dates';
import { useWrite } from '../shared/use-write';
import { IncidentsTable } from './IncidentsTable';

const needsPoliceReport = (k: string) => k === 'theft' || k === 'third_party_damage';

/** Partner: report theft / damage / defect of a lent camera (POST /api/loans/:id/incidents), list own incidents. */
export function PartnerIncidentsPage() {
  useDocumentTitle('Ocorrências com equipamentos');
  const [params] = useSearchParams();
  const { data: incidents, error, loading, setData } = useApiData(listIncidents);
  const { data: loans } = useApiData(listLoans);
  const active = (loans ?? []).filter((l) => l.status === 'active');
  const [loanId, setLoanId] = useState(params.get('cessao') ?? '');
  const [assetId, setAssetId] = useState('');
  const [kind, setKind] = useState<IncidentKind | ''>('');
  const [occurredOn, setOccurredOn] = useState(todayInCuiaba());
  const [description, setDescription] = useState('');
  const [police, setPolice] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWrite<Incident>((i) => {
    setData((all) => [i, ...(all ?? [])]);
    setNotice(
      needsPoliceReport(i.kind)
        ? 'Ocorrência registrada e comunicada à SESP/CIOSP e ao gestor indireto (art. 18, § 1º).'
        : 'Ocorrência registrada e comunicada à SESP.',
    );
    setDescription('');
    setPolice('');
  });
  const items = active.find((l) => l.id === loanId)?.items.filter((i) => i.active) ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!kind) return;
    void write.run(() =>
      reportIncident(loanId, {
        assetId,
        kind,
        occurredOn,
        description: description.trim(),
        policeReportNumber: needsPoliceReport(kind) ? police.trim() : null,
      }),
    );
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Ocorrências com equipamentos' }]} />
      <h1>Ocorrências com equipamentos</h1>
      <p>Comunique imediatamente roubo, furto, dano ou defeito das câmeras cedidas pelo Estado (Decreto nº 1.522/2022, art. 18).</p>
      {notice && <Message kind="success">{notice}</Message>}
      <Card id="report-incident-title" title="Comunicar ocorrência">
        <ApiErrorMessage error={write.error} />
        {loans && active.length === 0 && <p>Nenhuma cessão ativa: as ocorrências são comunicadas depois da retirada dos equipamentos.</p>}
        <form onSubmit={submit} noValidate aria-label="Comunicar ocorrência" className="vigia-form-grid">
          <SelectField
            id="incident-loan"
            label="Cessão"
            value={loanId}
            onChange={(v) => {
              setLoanId(v);
              setAssetId('');
            }}
            placeholder="Selecione a cessão"
            options={active.map((l) => ({ value: l.id, label: `Cessão nº ${l.number}` }))}
          />
          <SelectField
            id="incident-asset"
            label="Equipamento (número de série)"
            value={assetId}
            onChange={setAssetId}
            placeholder="Selecione o equipamento"
            options={items.map((i) => ({ value: i.assetId, label: `${i.serial} — ${i.model}` }))}
            error={write.error?.fieldMessage('assetId')}
          />
          <SelectField
            id="incident-kind"
            label="Tipo de ocorrência"
            value={kind}
            onChange={(v) => setKind(v as IncidentKind)}
            placeholder="Selecione o tipo"
            options={incidentKinds.map((k) => ({ value: k, label: incidentKindLabels[k] }))}
            error={write.error?.fieldMessage('kind')}
          />
          <TextField
            id="incident-date"
            type="date"
            label="Data do fato"
            value={occurredOn}
            onChange={setOccurredOn}
            error={write.error?.fieldMessage('occurredOn')}
          />
          {needsPoliceReport(kind) && (
            <TextField
              id="incident-police"
              label="Número do boletim de ocorrência"
              hint="Obrigatório para roubo, furto ou dano por terceiros (notícia-crime, art. 18, § 1º)."
              value={police}
              onChange={setPolice}
              error={write.error?.fieldMessage('policeReportNumber')}
              required
            />
          )}
          <TextAreaField
            id="incident-description"
            label="Descrição do fato"
            hint="Mínimo de 10 caracteres."
            value={description}
            onChange={setDescription}
            error={write.error?.fieldMessage('description')}
          />
          <div>
            <button className="br-button primary" type="submit" disabled={write.busy || !loanId || !assetId || !kind}>
              {write.busy ? 'Enviando…' : 'Comunicar ocorrência'}
            </button>
          </div>
        </form>
      </Card>
      <h2 className="h4">Ocorrências comunicadas</h2>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando ocorrências…" />}
      {incidents && <IncidentsTable incidents={incidents} />}
    </>
  );
}
