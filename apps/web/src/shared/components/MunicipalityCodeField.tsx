import type { MunicipalitySummary } from '@vigia/contracts';
import { useEffect, useState } from 'react';
import { apiRequest } from '../api/api-client';
import { onlyDigits } from '../masks';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  id: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}

/** The 141 municipalities of MT, fetched once per page load from the public reference endpoint. */
let cached: Promise<MunicipalitySummary[]> | null = null;
function municipalities(): Promise<MunicipalitySummary[]> {
  cached ??= apiRequest<{ municipalities: MunicipalitySummary[] }>('/api/public/reference/municipalities')
    .then((r) => [...r.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'pt-BR')))
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}

/**
 * Municipality of Mato Grosso: a labelled native select (keyboard and screen-reader friendly; typing
 * the first letters jumps to the name) fed by `/api/public/reference/municipalities`; the value is
 * the IBGE code. If the list cannot be loaded, falls back to typing the 7-digit IBGE code.
 */
export function MunicipalityCodeField({ id, label = 'Município', value, onChange, error, required }: Props) {
  const [list, setList] = useState<MunicipalitySummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    municipalities().then(
      (l) => live && setList(l),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  if (failed) {
    return (
      <TextField
        id={id}
        label={`${label} (código IBGE)`}
        hint="Não foi possível carregar a lista de municípios. Informe o código IBGE: 7 dígitos, começando por 51 (ex.: Cuiabá = 5103403)."
        value={value}
        onChange={(v) => onChange(onlyDigits(v, 7))}
        error={error}
        inputMode="numeric"
        maxLength={7}
        required={required}
      />
    );
  }
  const options = (list ?? []).map((m) => ({ value: m.ibgeCode, label: m.name }));
  // Keeps a value typed before (or not in the list) visible instead of silently dropping it.
  if (value && list && !list.some((m) => m.ibgeCode === value)) options.unshift({ value, label: `Código IBGE ${value}` });
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      options={options}
      onChange={onChange}
      placeholder={list ? 'Selecione o município' : 'Carregando municípios…'}
      error={error}
      required={required}
    />
  );
}
