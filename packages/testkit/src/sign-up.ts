import { randomBytes } from 'node:crypto';
import type { ApplicantKind } from '@vigia/contracts';

/** A valid sign-up request for the public accreditation route: fresh identifiers, e-mails and names each call. */

let seq = 0;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10));

export function validCpf(): string {
  const d = digits(9);
  if (new Set(d).size === 1) d[0] = (d[0]! + 1) % 10;
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((s, v, i) => s + v * (len + 1 - i), 0);
    const r = (sum * 10) % 11;
    d.push(r === 10 ? 0 : r);
  }
  return d.join('');
}

export function validCnpj(): string {
  const d = [...digits(8), 0, 0, 0, 1];
  for (const weights of [
    [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
  ]) {
    const sum = weights.reduce((s, w, i) => s + w * d[i]!, 0);
    const r = sum % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join('');
}

export const CUIABA = '5103403';
export const SINOP = '5107909';
export const VARZEA_GRANDE = '5108402';

export function signUpBody(kind: ApplicantKind, municipalityIbge = CUIABA, overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    kind,
    name: `Proponente de teste ${seq} ${randomBytes(3).toString('hex')}`,
    document: kind === 'individual' ? validCpf() : validCnpj(),
    email: `ente${seq}-${randomBytes(3).toString('hex')}@teste.local`,
    phone: '(65) 3613-0000',
    address: { cep: '78005-000', street: 'Avenida Getúlio Vargas', number: '100', district: 'Centro', municipalityIbge },
    legalRepresentative: {
      name: 'Maria da Silva',
      cpf: validCpf(),
      position: 'Presidente',
      email: 'maria@teste.local',
      phone: '(65) 99999-0000',
    },
    contacts: [],
    account: {
      name: 'Maria da Silva',
      email: `conta${seq}-${randomBytes(3).toString('hex')}@teste.local`,
      password: 'senha-de-teste-segura',
    },
    ...overrides,
  };
}
