import { type ApplicantKind, applicantKindLabels, applicantKindValues } from '@vigia/contracts';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { maskCnpj, maskCpf, maskPhone } from '../../shared/masks';
import type { SignUpDraft } from './signup-form';

interface Props {
  draft: SignUpDraft;
  onChange: (patch: Partial<SignUpDraft>) => void;
  errorFor: (path: string) => string | undefined;
}

const kindOptions = applicantKindValues.map((k) => ({ value: k, label: applicantKindLabels[k] }));

/** Who applies: kind (Art. 3), name, CPF (individuals) or CNPJ (everyone else), e-mail and phone. */
export function ApplicantFields({ draft, onChange, errorFor }: Props) {
  const individual = draft.kind === 'individual';
  return (
    <fieldset className="vigia-fieldset">
      <legend>Ente proponente</legend>
      <div className="vigia-form-grid">
        <SelectField
          id="signup-kind"
          label="Tipo de ente proponente"
          value={draft.kind}
          placeholder="Selecione"
          options={kindOptions}
          onChange={(v) => {
            const kind = v as ApplicantKind | '';
            const mask = kind === 'individual' ? maskCpf : maskCnpj;
            onChange({ kind, document: mask(draft.document) });
          }}
          error={errorFor('kind')}
          required
        />
        <TextField
          id="signup-name"
          label={individual ? 'Nome completo' : 'Nome ou razão social'}
          value={draft.name}
          onChange={(name) => onChange({ name })}
          error={errorFor('name')}
          autoComplete={individual ? 'name' : 'organization'}
          required
        />
        {!individual && (
          <TextField
            id="signup-trade-name"
            label="Nome fantasia (opcional)"
            value={draft.tradeName}
            onChange={(tradeName) => onChange({ tradeName })}
            error={errorFor('tradeName')}
          />
        )}
        <TextField
          id="signup-document"
          label={individual ? 'CPF' : 'CNPJ'}
          hint={individual ? 'Formato 000.000.000-00.' : 'Formato 00.000.000/0000-00 (aceita CNPJ alfanumérico).'}
          value={draft.document}
          onChange={(v) => onChange({ document: individual ? maskCpf(v) : maskCnpj(v) })}
          error={errorFor('document')}
          inputMode={individual ? 'numeric' : 'text'}
          required
        />
        <TextField
          id="signup-email"
          label="E-mail do ente"
          type="email"
          value={draft.email}
          onChange={(email) => onChange({ email })}
          error={errorFor('email')}
          autoComplete="email"
          required
        />
        <TextField
          id="signup-phone"
          label="Telefone do ente"
          hint="Com DDD, por exemplo (65) 3613-0000."
          value={draft.phone}
          onChange={(v) => onChange({ phone: maskPhone(v) })}
          error={errorFor('phone')}
          inputMode="tel"
          autoComplete="tel"
          required
        />
      </div>
    </fieldset>
  );
}
