import { onlyDigits } from '../masks';
import { TextField } from './TextField';

interface Props {
  id: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}

/**
 * Municipality of Mato Grosso by its 7-digit IBGE code. The API offers no list of municipalities
 * yet; when it does, this becomes a select and every form using it follows.
 */
export function MunicipalityCodeField({ id, label = 'Município (código IBGE)', value, onChange, error, required }: Props) {
  return (
    <TextField
      id={id}
      label={label}
      hint="7 dígitos, começando por 51 (ex.: Cuiabá = 5103403). Consulte em ibge.gov.br."
      value={value}
      onChange={(v) => onChange(onlyDigits(v, 7))}
      error={error}
      inputMode="numeric"
      maxLength={7}
      required={required}
    />
  );
}
