import { TextField } from '../../shared/components/TextField';
import { maskCpf, maskPhone } from '../../shared/masks';
import type { RepresentativeDraft } from './signup-form';

interface Props {
  value: RepresentativeDraft;
  onChange: (value: RepresentativeDraft) => void;
  errorFor: (path: string) => string | undefined;
}

const p = (field: string) => `legalRepresentative.${field}`;

/** The legal representative who signs the application (Art. 8). */
export function RepresentativeFields({ value, onChange, errorFor }: Props) {
  const set = (patch: Partial<RepresentativeDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="vigia-fieldset">
      <legend>Representante legal</legend>
      <div className="vigia-form-grid">
        <TextField
          id="rep-name"
          label="Nome do representante legal"
          value={value.name}
          onChange={(name) => set({ name })}
          error={errorFor(p('name'))}
          required
        />
        <TextField
          id="rep-cpf"
          label="CPF do representante legal"
          value={value.cpf}
          onChange={(v) => set({ cpf: maskCpf(v) })}
          error={errorFor(p('cpf'))}
          inputMode="numeric"
          required
        />
        <TextField
          id="rep-position"
          label="Cargo ou função"
          value={value.position}
          onChange={(position) => set({ position })}
          error={errorFor(p('position'))}
          required
        />
        <TextField
          id="rep-email"
          label="E-mail do representante legal"
          type="email"
          value={value.email}
          onChange={(email) => set({ email })}
          error={errorFor(p('email'))}
          required
        />
        <TextField
          id="rep-phone"
          label="Telefone do representante legal"
          value={value.phone}
          onChange={(v) => set({ phone: maskPhone(v) })}
          error={errorFor(p('phone'))}
          inputMode="tel"
          required
        />
      </div>
    </fieldset>
  );
}
