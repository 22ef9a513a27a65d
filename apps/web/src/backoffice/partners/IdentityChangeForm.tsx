import { applicantKindLabels, applicantKindValues, type PartnerProfile } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { fileIdentityChange } from '../api/identity-change-api';

const kindOptions = applicantKindValues.map((k) => ({ value: k, label: applicantKindLabels[k] }));

/** "Solicitar alteração cadastral": the proposed identity and the reason, decided later by the committee. */
export function IdentityChangeForm({ profile, onFiled }: { profile: PartnerProfile; onFiled: () => void }) {
  const rep = profile.legalRepresentative;
  const [kind, setKind] = useState<string>(profile.kind);
  const [name, setName] = useState(profile.name);
  const [document, setDocument] = useState(profile.document);
  const [repName, setRepName] = useState(rep?.name ?? '');
  const [repCpf, setRepCpf] = useState(rep?.cpf ?? '');
  const [repPosition, setRepPosition] = useState(rep?.position ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (path: string) => error?.fieldMessage(path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await fileIdentityChange({
        proposed: {
          kind,
          name,
          document,
          legalRepresentative: { name: repName, cpf: repCpf, position: repPosition, email: rep?.email ?? '', phone: rep?.phone ?? '' },
        },
        reason,
      });
      onFiled();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Solicitar alteração cadastral">
      <ApiErrorMessage error={error} />
      <div className="row">
        <div className="col-md-6 mb-3">
          <SelectField id="change-kind" label="Tipo de ente proponente" value={kind} options={kindOptions} onChange={setKind} />
        </div>
        <div className="col-md-6 mb-3">
          <TextField id="change-document" label="CPF/CNPJ" value={document} onChange={setDocument} error={field('proposed.document')} />
        </div>
      </div>
      <TextField
        id="change-name"
        className="mb-3"
        label="Nome ou razão social"
        value={name}
        onChange={setName}
        error={field('proposed.name')}
      />
      <div className="row">
        <div className="col-md-5 mb-3">
          <TextField
            id="change-rep-name"
            label="Representante legal"
            value={repName}
            onChange={setRepName}
            error={field('proposed.legalRepresentative.name')}
          />
        </div>
        <div className="col-md-3 mb-3">
          <TextField
            id="change-rep-cpf"
            label="CPF do representante"
            value={repCpf}
            onChange={setRepCpf}
            error={field('proposed.legalRepresentative.cpf')}
          />
        </div>
        <div className="col-md-4 mb-3">
          <TextField
            id="change-rep-position"
            label="Cargo ou função"
            value={repPosition}
            onChange={setRepPosition}
            error={field('proposed.legalRepresentative.position')}
          />
        </div>
      </div>
      <TextAreaField
        id="change-reason"
        label="Motivo da alteração"
        value={reason}
        onChange={setReason}
        error={field('reason')}
        required
        maxLength={2000}
      />
      <button className="br-button primary mt-3" type="submit" disabled={busy}>
        {busy ? 'Enviando…' : 'Enviar solicitação'}
      </button>
    </form>
  );
}
