/** Rows changed by a raw statement, on either driver (node-postgres: rowCount; PGlite: affectedRows). */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.affectedRows ?? r.rowCount ?? 0;
}
