/**
 * Fee amounts are the service's number of UPF-MT times the UPF-MT value in force, both
 * configuration (never a value in reais in the code). Rounded to the cent, half up.
 */
export const feeAmountCents = (upfUnits: number, upfValueCents: number): number => Math.round(upfUnits * upfValueCents);

export const formatBrl = (cents: number): string => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' });
