import {
  type CriminalRecordEntry,
  type CriminalRecordStatus,
  criminalRecordKindLabels,
  criminalRecordKinds,
  criminalRecordStatuses,
  criminalRecordStatusLabels,
} from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { addCriminalRecord, changeCriminalRecordStatus, listCriminalRecords } from './politec-api';

const TITLE = 'Base de antecedentes';

const kindOptions = criminalRecordKinds.map((k) => ({ value: k, label: criminalRecordKindLabels[k] }));
const statusOptions = criminalRecordStatuses.map((s) => ({ value: s, label: criminalRecordStatusLabels[s] }));

/**
 * /politec/antecedentes — the platform's own criminal-records base (the shipped system of record
 * behind the criminal-records adapter). Politec looks up a CPF (with the purpose, which the citizen
 * sees in "who looked me up"), registers entries and updates their status; the certificate content
 * rules (no inquiry, no served or extinguished sentence) follow the status.
 */
export function CriminalRecordsPage() {
  useDocumentTitle(TITLE);
  const [notice, setNotice] = useState<string | null>(null);
  const [cpf, setCpf] = useState('');
  const [purpose, setPurpose] = useState('');
  const [records, setRecords] = useState<CriminalRecordEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const search = (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    listCriminalRecords(cpf, purpose).then(setRecords, (err: unknown) => {
      setRecords(null);
      setError(toApiError(err));
    });
  };
  const done = (text: string) => {
    setNotice(text);
    if (records !== null) search();
  };
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Registros da base de antecedentes criminais mantida pela Politec. Cada consulta por CPF fica registrada e aparece para o cidadão em
        “Quem consultou meus dados”, com a finalidade informada. Inquéritos nunca constam da certidão (CPP, art. 20, parágrafo único), nem
        penas cumpridas ou extintas (LEP, art. 202): mantenha a situação de cada registro atualizada.
      </p>
      {notice && (
        <Message kind="success">
          <span data-testid="politec-notice">{notice}</span>
        </Message>
      )}
      <form onSubmit={search} className="br-card p-3 mb-4" noValidate aria-label="Consultar registros por CPF">
        <div className="row">
          <div className="col-md-4">
            <TextField id="records-cpf" label="CPF" value={cpf} onChange={setCpf} inputMode="numeric" error={error?.fieldMessage('cpf')} />
          </div>
          <div className="col-md-8">
            <TextField
              id="records-purpose"
              label="Finalidade da consulta"
              value={purpose}
              onChange={setPurpose}
              error={error?.fieldMessage('purpose')}
              maxLength={200}
            />
          </div>
        </div>
        <button type="submit" className="br-button primary mt-2">
          Consultar
        </button>
      </form>
      <ApiErrorMessage error={error} />
      {records && (
        <section aria-label="Registros do CPF" className="mb-4">
          {records.length === 0 ? (
            <p data-testid="records-empty">Nenhum registro neste CPF.</p>
          ) : (
            records.map((r) => <RecordCard key={r.id} record={r} onChanged={done} />)
          )}
        </section>
      )}
      <AddRecordForm onAdded={done} />
    </>
  );
}

function RecordCard({ record, onChanged }: { record: CriminalRecordEntry; onChanged: (text: string) => void }) {
  const [status, setStatus] = useState<CriminalRecordStatus>(record.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    changeCriminalRecordStatus(record.id, status, reason).then(
      (r) => onChanged(`Registro “${r.description}”: ${criminalRecordStatusLabels[r.status]}.`),
      (err: unknown) => setError(toApiError(err)),
    );
  };
  return (
    <form className="br-card mb-3" onSubmit={submit} noValidate data-record={record.description}>
      <div className="card-content">
        <h2 className="h5">{record.description}</h2>
        <dl className="row mb-2">
          <dt className="col-sm-3">Tipo</dt>
          <dd className="col-sm-9">{criminalRecordKindLabels[record.kind]}</dd>
          <dt className="col-sm-3">Nome</dt>
          <dd className="col-sm-9">{record.name}</dd>
          <dt className="col-sm-3">Nome da mãe</dt>
          <dd className="col-sm-9">{record.motherName ?? '—'}</dd>
          <dt className="col-sm-3">Juízo</dt>
          <dd className="col-sm-9">{record.court ?? '—'}</dd>
          <dt className="col-sm-3">Situação</dt>
          <dd className="col-sm-9" data-testid="record-status">
            {criminalRecordStatusLabels[record.status]}
          </dd>
          <dt className="col-sm-3">Registrado em</dt>
          <dd className="col-sm-9">{formatDateTime(record.createdAt)}</dd>
        </dl>
        <ApiErrorMessage error={error} />
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id={`record-status-${record.id}`}
              label="Nova situação"
              value={status}
              options={statusOptions}
              onChange={(v) => setStatus(v as CriminalRecordStatus)}
            />
          </div>
          <div className="col-md-8">
            <TextField
              id={`record-reason-${record.id}`}
              label="Fundamento da mudança (documento, decisão)"
              value={reason}
              onChange={setReason}
              error={error?.fieldMessage('reason')}
              maxLength={500}
            />
          </div>
        </div>
        <button type="submit" className="br-button secondary mt-2">
          Atualizar situação
        </button>
      </div>
    </form>
  );
}

const emptyEntry = { cpf: '', name: '', motherName: '', kind: 'conviction', status: 'final', description: '', court: '' };

function AddRecordForm({ onAdded }: { onAdded: (text: string) => void }) {
  const [entry, setEntry] = useState(emptyEntry);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (field: keyof typeof emptyEntry) => (value: string) => setEntry((e) => ({ ...e, [field]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    addCriminalRecord({
      cpf: entry.cpf.trim() || null,
      name: entry.name,
      motherName: entry.motherName.trim() || null,
      kind: entry.kind as CriminalRecordEntry['kind'],
      status: entry.status as CriminalRecordStatus,
      description: entry.description,
      court: entry.court.trim() || null,
    }).then(
      () => {
        setEntry(emptyEntry);
        onAdded(`Registro incluído na base: ${entry.description}.`);
      },
      (err: unknown) => setError(toApiError(err)),
    );
  };
  return (
    <form className="br-card p-3" onSubmit={submit} noValidate aria-labelledby="add-record-title">
      <h2 className="h4" id="add-record-title">
        Incluir registro
      </h2>
      <p>Sem CPF, o registro é encontrado pelo nome: pedidos de pessoas com o mesmo nome vão para análise (homônimo).</p>
      <ApiErrorMessage error={error} />
      <div className="row">
        <div className="col-md-4">
          <TextField id="add-cpf" label="CPF (se conhecido)" value={entry.cpf} onChange={set('cpf')} error={error?.fieldMessage('cpf')} />
        </div>
        <div className="col-md-8">
          <TextField id="add-name" label="Nome completo" value={entry.name} onChange={set('name')} error={error?.fieldMessage('name')} />
        </div>
        <div className="col-md-6">
          <TextField id="add-mother" label="Nome da mãe" value={entry.motherName} onChange={set('motherName')} />
        </div>
        <div className="col-md-3">
          <SelectField id="add-kind" label="Tipo" value={entry.kind} options={kindOptions} onChange={set('kind')} />
        </div>
        <div className="col-md-3">
          <SelectField id="add-status" label="Situação" value={entry.status} options={statusOptions} onChange={set('status')} />
        </div>
        <div className="col-md-8">
          <TextField
            id="add-description"
            label="Descrição (como constará da certidão)"
            value={entry.description}
            onChange={set('description')}
            error={error?.fieldMessage('description')}
            maxLength={500}
          />
        </div>
        <div className="col-md-4">
          <TextField id="add-court" label="Juízo" value={entry.court} onChange={set('court')} maxLength={200} />
        </div>
      </div>
      <button type="submit" className="br-button primary mt-2">
        Incluir registro
      </button>
    </form>
  );
}
