/**
 * Lease rule for the property where the images are captured: Decree 1.522/2022 Art. 10, I, "e"
 * (legal entities) and II, "d" (individuals) — "em caso de locação de imóvel, o período
 * subsequente de locação … deverá ser de no mínimo 2 anos"; repeated by the guide (OCB/MT,
 * "Documentação necessária"). Read as: on the reference date (usually the application's
 * submission), at least 2 years of the lease must remain.
 *
 * Dates are calendar dates `YYYY-MM-DD` (America/Cuiaba). Two years after 29 Feb falls on 28 Feb.
 */
export const LEASE_MINIMUM_REMAINING_YEARS = 2;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(date: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) return { y, m, d };
  }
  throw new RangeError(`invalid calendar date "${date}" (expected YYYY-MM-DD)`);
}

/** `date` plus whole years, clamping 29 Feb to 28 Feb in common years. */
export function addYears(date: string, years: number): string {
  const { y, m, d } = parse(date);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The earliest lease end date accepted on `referenceDate`. */
export function minimumLeaseEnd(referenceDate: string): string {
  return addYears(referenceDate, LEASE_MINIMUM_REMAINING_YEARS);
}

/** True when the lease ends on or after `referenceDate` + 2 years (Art. 10, I, e; II, d). */
export function leaseRemainingOk(leaseEnd: string, referenceDate: string): boolean {
  parse(leaseEnd);
  return leaseEnd >= minimumLeaseEnd(referenceDate);
}

export const LEASE_TOO_SHORT_MESSAGE =
  'O contrato de locação deve ter no mínimo 2 anos de vigência restante (Decreto 1.522/2022, art. 10, I, "e", e II, "d").';
