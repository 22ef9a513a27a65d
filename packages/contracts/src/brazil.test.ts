import { describe, expect, it } from 'vitest';
import {
  cepMatoGrossoSchema,
  cepSchema,
  cnpjSchema,
  cpfSchema,
  ibgeCheckDigitOk,
  ibgeMunicipalityCodeSchema,
  phoneMatoGrossoSchema,
  phoneSchema,
} from './brazil.js';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe('cpfSchema', () => {
  it('accepts formatted or digits-only input and outputs digits only', () => {
    expect(cpfSchema.parse('529.982.247-25')).toBe('52998224725');
    expect(cpfSchema.parse(' 52998224725 ')).toBe('52998224725');
  });
  it('rejects wrong check digits with a pt-BR message', () => {
    expect(messages(cpfSchema.safeParse('529.982.247-26'))).toEqual(['CPF inválido: dígitos verificadores não conferem.']);
  });
  it('rejects repeated-digit sequences (which pass the check-digit arithmetic)', () => {
    for (const d of '0123456789') {
      expect(messages(cpfSchema.safeParse(d.repeat(11)))).toEqual(['CPF inválido: sequência de dígitos repetidos.']);
    }
  });
  it('rejects the wrong length or stray characters', () => {
    expect(cpfSchema.safeParse('5299822472').success).toBe(false);
    expect(cpfSchema.safeParse('529.982.247-25x').success).toBe(false);
    expect(cpfSchema.safeParse(52998224725).success).toBe(false);
  });
});

describe('cnpjSchema', () => {
  it('accepts formatted or bare numeric CNPJ and outputs it unformatted', () => {
    expect(cnpjSchema.parse('11.222.333/0001-81')).toBe('11222333000181');
    expect(cnpjSchema.parse('11222333000181')).toBe('11222333000181');
  });
  it('accepts the alphanumeric CNPJ (IN RFB 2.229/2024), case-insensitive', () => {
    expect(cnpjSchema.parse('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });
  it('rejects wrong check digits and repeated sequences', () => {
    expect(messages(cnpjSchema.safeParse('11.222.333/0001-82'))).toEqual(['CNPJ inválido: dígitos verificadores não conferem.']);
    expect(messages(cnpjSchema.safeParse('00000000000000'))).toEqual(['CNPJ inválido: sequência de caracteres repetidos.']);
    expect(cnpjSchema.safeParse('11.222.333/0001-8').success).toBe(false);
  });
});

describe('cepSchema / cepMatoGrossoSchema', () => {
  it('normalizes to 8 digits', () => {
    expect(cepSchema.parse('78050-970')).toBe('78050970');
    expect(cepSchema.parse('78050970')).toBe('78050970');
    expect(cepSchema.safeParse('7805-970').success).toBe(false);
  });
  it('accepts only 78000-000 … 78899-999 for Mato Grosso', () => {
    expect(cepMatoGrossoSchema.parse('78000-000')).toBe('78000000');
    expect(cepMatoGrossoSchema.parse('78899-999')).toBe('78899999');
    expect(messages(cepMatoGrossoSchema.safeParse('78900-000'))).toEqual([
      'CEP fora de Mato Grosso: os CEPs de MT vão de 78000-000 a 78899-999.',
    ]);
    expect(cepMatoGrossoSchema.safeParse('77999-999').success).toBe(false);
    expect(cepMatoGrossoSchema.safeParse('01310-100').success).toBe(false);
  });
});

describe('phoneSchema / phoneMatoGrossoSchema', () => {
  it('accepts landlines and mobiles with DDD, with or without +55', () => {
    expect(phoneSchema.parse('(65) 3648-2754')).toBe('6536482754');
    expect(phoneSchema.parse('(65) 98145-0303')).toBe('65981450303');
    expect(phoneSchema.parse('+55 66 99999-1234')).toBe('66999991234');
    expect(phoneSchema.parse('0 65 3648-2754')).toBe('6536482754');
    expect(phoneSchema.parse('(11) 3333-4444')).toBe('1133334444');
    expect(phoneSchema.parse('(55) 3222-1234')).toBe('5532221234'); // DDD 55 is not a country code
  });
  it('rejects numbers without DDD, invalid DDDs and old 8-digit mobiles', () => {
    expect(phoneSchema.safeParse('3648-2754').success).toBe(false);
    expect(phoneSchema.safeParse('(20) 3648-2754').success).toBe(false);
    expect(messages(phoneSchema.safeParse('(65) 8145-0303'))).toEqual([
      'Telefone inválido: informe DDD + número (fixo com 8 dígitos ou celular com 9 dígitos começando por 9).',
    ]);
    expect(phoneSchema.safeParse('abc').success).toBe(false);
  });
  it('MT phones use DDD 65 or 66', () => {
    expect(phoneMatoGrossoSchema.parse('(66) 3531-0000')).toBe('6635310000');
    expect(messages(phoneMatoGrossoSchema.safeParse('(11) 3333-4444'))).toEqual(['Telefone fora de Mato Grosso: o DDD deve ser 65 ou 66.']);
  });
});

describe('ibgeMunicipalityCodeSchema (Art. 3 sole § — Mato Grosso only)', () => {
  it('accepts MT codes with a valid check digit', () => {
    expect(ibgeMunicipalityCodeSchema.parse('5103403')).toBe('5103403'); // Cuiabá
    expect(ibgeMunicipalityCodeSchema.parse('5101837')).toBe('5101837'); // Boa Esperança do Norte
  });
  it('rejects other states, wrong length and wrong check digit', () => {
    expect(messages(ibgeMunicipalityCodeSchema.safeParse('5208707'))).toEqual([
      'Código IBGE não é de município de Mato Grosso (deve começar com 51).',
    ]);
    expect(messages(ibgeMunicipalityCodeSchema.safeParse('510340'))).toEqual(['Código IBGE inválido: deve ter 7 dígitos.']);
    expect(messages(ibgeMunicipalityCodeSchema.safeParse('5103404'))).toEqual(['Código IBGE inválido: dígito verificador não confere.']);
    expect(ibgeCheckDigitOk('3550308')).toBe(true); // São Paulo
  });
});
