import { addDays, type LocalDate, parseLocalDate } from '../calendar/local-date.js';

/**
 * The identity card's rules, each with its source. Amounts are never here: the second copy's fee
 * is a number of UPF-MT (IDENTITY_CARD_SECOND_COPY_UPF) times the UPF-MT in force (UPF_MT_VALUE).
 */
export const identityCardRules = {
  firstCopyFree: { value: true, source: 'Lei nº 7.116/1983, art. 2º, § 3º (gratuidade da primeira via)' },
  secondCopyFee: {
    value: 'IDENTITY_CARD_SECOND_COPY_UPF × UPF_MT_VALUE',
    source: 'tabela de taxas de segurança pública do Estado (UPF-MT)',
  },
  validityByAge: {
    value: [
      { below: 12, years: 5 },
      { below: 60, years: 10 },
      { below: Number.POSITIVE_INFINITY, years: null },
    ],
    source: 'Decreto nº 10.977/2022 (validade da Carteira de Identidade por idade do titular)',
  },
  feeExemption: { value: 'pedido com comprovante (hipossuficiência)', source: 'legislação estadual de taxas; análise pela Politec' },
} as const;

export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = parseLocalDate(birthDate);
  const d = parseLocalDate(on);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

/** Decreto 10.977/2022: under 12 → 5 years; 12 to 59 → 10 years; 60 or more → indefinite (null). */
export function validityUntil(birthDate: LocalDate, issuedOn: LocalDate): LocalDate | null {
  const age = ageOn(birthDate, issuedOn);
  const rule = identityCardRules.validityByAge.value.find((r) => age < r.below)!;
  if (rule.years === null) return null;
  const { year, month, day } = parseLocalDate(issuedOn);
  const target = `${year + rule.years}-${String(month).padStart(2, '0')}-01`;
  return addDays(target, day - 1);
}

/** The staff stages and the next one: shared with the back office (packages/contracts). */
export { identityCardNextStage as nextStage, identityCardStaffStages as STAFF_STAGES } from '@vigia/contracts';
