/** Input masks for Brazilian identifiers. Masks only format; validation is the API's (contracts). */

const digits = (value: string) => value.replace(/\D/g, '');

/** "000.000.000-00" while typing. */
export function maskCpf(value: string): string {
  const d = digits(value).slice(0, 11);
  return d
    .replace(/^(\d{3})(\d)/, '$1.$2')
    .replace(/^(\d{3})\.(\d{3})(\d)/, '$1.$2.$3')
    .replace(/\.(\d{3})(\d{1,2})$/, '.$1-$2');
}

/**
 * "00.000.000/0000-00" while typing. Letters are kept in the first 12 positions (alphanumeric CNPJ,
 * IN RFB 2.229/2024); the last 2 are digits.
 */
export function maskCnpj(value: string): string {
  const raw = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const base = raw.slice(0, 12);
  const check = raw.slice(12).replace(/\D/g, '').slice(0, 2);
  const c = base + check;
  let out = c.slice(0, 2);
  if (c.length > 2) out += `.${c.slice(2, 5)}`;
  if (c.length > 5) out += `.${c.slice(5, 8)}`;
  if (c.length > 8) out += `/${c.slice(8, 12)}`;
  if (c.length > 12) out += `-${c.slice(12, 14)}`;
  return out;
}

/** "(65) 3613-0000" or "(65) 99999-0000". */
export function maskPhone(value: string): string {
  const d = digits(value).slice(0, 11);
  if (d.length <= 2) return d.length ? `(${d}` : '';
  const ddd = d.slice(0, 2);
  const rest = d.slice(2);
  const split = rest.length > 8 ? 5 : 4;
  return rest.length > split ? `(${ddd}) ${rest.slice(0, split)}-${rest.slice(split)}` : `(${ddd}) ${rest}`;
}

/** "78000-000". */
export function maskCep(value: string): string {
  const d = digits(value).slice(0, 8);
  return d.length > 5 ? `${d.slice(0, 5)}-${d.slice(5)}` : d;
}

/** Digits only, at most `max`. */
export function onlyDigits(value: string, max: number): string {
  return digits(value).slice(0, max);
}
