/** Today in Cuiabá (UTC−4), as YYYY-MM-DD. */
export function todayInCuiaba(): string {
  return new Date(Date.now() - 4 * 3_600_000).toISOString().slice(0, 10);
}
