import { MunicipalityCodeField } from '../../shared/components/MunicipalityCodeField';
import { TextField } from '../../shared/components/TextField';
import { maskCep } from '../../shared/masks';
import type { AddressDraft } from './signup-form';

interface Props {
  address: AddressDraft;
  onChange: (address: AddressDraft) => void;
  errorFor: (path: string) => string | undefined;
}

/** Address of the partner, inside Mato Grosso (Art. 3 sole §). */
export function AddressFields({ address, onChange, errorFor }: Props) {
  const set = (patch: Partial<AddressDraft>) => onChange({ ...address, ...patch });
  return (
    <fieldset className="vigia-fieldset">
      <legend>Endereço</legend>
      <p className="text-down-01">Somente endereços em Mato Grosso (Decreto nº 1.522/2022, art. 3º, parágrafo único).</p>
      <div className="vigia-form-grid">
        <TextField
          id="signup-cep"
          label="CEP"
          hint="CEPs de MT: 78000-000 a 78899-999."
          value={address.cep}
          onChange={(v) => set({ cep: maskCep(v) })}
          error={errorFor('address.cep')}
          inputMode="numeric"
          autoComplete="postal-code"
          required
        />
        <TextField
          id="signup-street"
          label="Logradouro"
          value={address.street}
          onChange={(street) => set({ street })}
          error={errorFor('address.street')}
          autoComplete="address-line1"
          required
        />
        <TextField
          id="signup-number"
          label="Número"
          value={address.number}
          onChange={(number) => set({ number })}
          error={errorFor('address.number')}
          required
        />
        <TextField
          id="signup-complement"
          label="Complemento (opcional)"
          value={address.complement}
          onChange={(complement) => set({ complement })}
          error={errorFor('address.complement')}
        />
        <TextField
          id="signup-district"
          label="Bairro"
          value={address.district}
          onChange={(district) => set({ district })}
          error={errorFor('address.district')}
          required
        />
        <MunicipalityCodeField
          id="signup-municipality"
          value={address.municipalityIbge}
          onChange={(municipalityIbge) => set({ municipalityIbge })}
          error={errorFor('address.municipalityIbge')}
          required
        />
      </div>
    </fieldset>
  );
}
