/** Today in Cuiabá (UTC−4), as YYYY-MM-DD. */
export function todayInCuiaba(): string {
  return new Date(Date.now() - 4 * 3_600_000).toISOString().slice(0, 10);
}

/** The next business weekday after today (holidays are checked by the server). */
export function nextWeekday(): string {
  const d = new Date(`${todayInCuiaba()}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}
