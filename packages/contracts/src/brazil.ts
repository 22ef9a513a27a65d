import { isValidCnpj, isValidCpf, isValidPhone } from '@brazilian-utils/brazilian-utils';
import { z } from 'zod';

/**
 * Brazilian identifiers and contact data. Every schema accepts the usual formatted input and
 * outputs a canonical, unformatted string (digits only; CNPJ may carry letters, see below).
 * Browser-safe: no Node imports.
 */

const stripPunctuation = (value: string): string => value.replace(/[\s.\-/()]/g, '');
const isRepeatedSequence = (value: string): boolean => /^(.)\1*$/.test(value);

/** CPF: 11 digits, "000.000.000-00" or digits only; check digits verified. */
export const cpfSchema = z
  .string({ error: 'Informe o CPF.' })
  .trim()
  .regex(/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/, 'CPF inválido: use 11 dígitos, no formato 000.000.000-00 ou só números.')
  .transform(stripPunctuation)
  .refine((v) => !isRepeatedSequence(v), { message: 'CPF inválido: sequência de dígitos repetidos.', abort: true })
  .refine((v) => isValidCpf(v), { message: 'CPF inválido: dígitos verificadores não conferem.' });

/**
 * CNPJ: 14 characters, "00.000.000/0000-00" or unformatted; check digits verified. Since July
 * 2026 the Receita Federal also issues alphanumeric CNPJs (IN RFB 2.229/2024: letters in the first
 * 12 positions, digits in the last 2), so letters are accepted and returned in upper case.
 */
export const cnpjSchema = z
  .string({ error: 'Informe o CNPJ.' })
  .trim()
  .toUpperCase()
  .regex(
    /^[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}$/,
    'CNPJ inválido: use 14 caracteres, no formato 00.000.000/0000-00 ou sem pontuação.',
  )
  .transform(stripPunctuation)
  .refine((v) => !isRepeatedSequence(v), { message: 'CNPJ inválido: sequência de caracteres repetidos.', abort: true })
  .refine((v) => isValidCnpj(v, { version: 2 }), { message: 'CNPJ inválido: dígitos verificadores não conferem.' });

/** CEP: 8 digits, "00000-000" or digits only. */
export const cepSchema = z
  .string({ error: 'Informe o CEP.' })
  .trim()
  .regex(/^\d{5}-?\d{3}$|^\d{2}\.\d{3}-\d{3}$/, 'CEP inválido: use 8 dígitos, no formato 00000-000.')
  .transform(stripPunctuation);

/** Mato Grosso's CEP range (Correios): 78000-000 to 78899-999. */
export const CEP_MATO_GROSSO_RANGE = { first: '78000000', last: '78899999' } as const;

export const isCepInMatoGrosso = (cep: string): boolean => cep >= CEP_MATO_GROSSO_RANGE.first && cep <= CEP_MATO_GROSSO_RANGE.last;

/** A CEP in Mato Grosso (Decree 1.522/2022 Art. 3 sole §: only addresses inside the state). */
export const cepMatoGrossoSchema = cepSchema.refine(isCepInMatoGrosso, {
  message: 'CEP fora de Mato Grosso: os CEPs de MT vão de 78000-000 a 78899-999.',
});

/** Area codes (DDD) of Mato Grosso: 65 (Cuiabá and the south-west) and 66 (the rest of the state). */
export const MATO_GROSSO_DDDS = ['65', '66'] as const;

/**
 * Brazilian landline (8 digits) or mobile (9 digits starting with 9) number with its 2-digit DDD,
 * optionally with +55. Output: DDD + number, 10 or 11 digits, no country code. Old 8-digit mobile
 * numbers without the leading 9 (e.g. "(65) 8145-0303") are rejected: add the 9.
 */
export const phoneSchema = z
  .string({ error: 'Informe o telefone.' })
  .trim()
  .regex(/^[\d\s()+.-]+$/, 'Telefone inválido: use apenas números, com DDD, por exemplo (65) 3613-0000.')
  .transform((v) => {
    let digits = v.replace(/\D/g, '');
    // +55 / 0055 country code (10–11 digits remain after it) and the "0" trunk prefix before the DDD.
    if (/^(00)?55\d{10,11}$/.test(digits)) digits = digits.replace(/^(00)?55/, '');
    if (/^0\d{10,11}$/.test(digits)) digits = digits.slice(1);
    return digits;
  })
  .refine((v) => /^\d{10,11}$/.test(v) && isValidPhone(v, { version: 2 }), {
    message: 'Telefone inválido: informe DDD + número (fixo com 8 dígitos ou celular com 9 dígitos começando por 9).',
    abort: true,
  });

/** A phone number with a Mato Grosso DDD (65 or 66). */
export const phoneMatoGrossoSchema = phoneSchema.refine((v) => (MATO_GROSSO_DDDS as readonly string[]).includes(v.slice(0, 2)), {
  message: 'Telefone fora de Mato Grosso: o DDD deve ser 65 ou 66.',
});

/** IBGE state code of Mato Grosso. */
export const IBGE_UF_MATO_GROSSO = '51';

/**
 * IBGE check digit of a 7-digit municipality code: weights 1,2,1,2,1,2 on the first six digits,
 * add the digits of each product, DV = (10 − sum mod 10) mod 10. All 142 MT codes follow it (the
 * few known exceptions are in other states).
 */
export function ibgeCheckDigitOk(code: string): boolean {
  if (!/^\d{7}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    const p = Number(code[i]) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return (10 - (sum % 10)) % 10 === Number(code[6]);
}

/** 7-digit IBGE code of a municipality of Mato Grosso (starts with 51). */
export const ibgeMunicipalityCodeSchema = z
  .string({ error: 'Informe o código IBGE do município.' })
  .trim()
  .regex(/^\d{7}$/, { message: 'Código IBGE inválido: deve ter 7 dígitos.', abort: true })
  .refine((v) => v.startsWith(IBGE_UF_MATO_GROSSO), {
    message: 'Código IBGE não é de município de Mato Grosso (deve começar com 51).',
    abort: true,
  })
  .refine(ibgeCheckDigitOk, { message: 'Código IBGE inválido: dígito verificador não confere.' });

export type Cpf = z.output<typeof cpfSchema>;
export type Cnpj = z.output<typeof cnpjSchema>;
export type Cep = z.output<typeof cepSchema>;
export type Phone = z.output<typeof phoneSchema>;
export type IbgeMunicipalityCode = z.output<typeof ibgeMunicipalityCodeSchema>;
