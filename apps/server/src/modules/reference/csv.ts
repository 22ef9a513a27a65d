import { readFileSync } from 'node:fs';

/**
 * Minimal RFC 4180 reader for the reference CSVs shipped in `./datasets/` (comma separator,
 * double-quoted fields with `""` escapes, LF or CRLF line ends). Returns one record per row keyed
 * by the header names. Throws on a row whose field count differs from the header, so a damaged
 * file fails loudly at first use instead of producing half-typed rows.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);

  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV row ${n + 2}: expected ${header.length} fields, got ${cells.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** Reads `./datasets/<file>` next to this module (never /work/shared). */
export function readDataset(file: string): string {
  return readFileSync(new URL(`./datasets/${file}`, import.meta.url), 'utf8');
}

export function readCsvDataset(file: string): Record<string, string>[] {
  return parseCsv(readDataset(file));
}

/** Returns a zero-argument function that computes its value once, on first call. */
export function lazy<T>(load: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: load() }).value;
}

/** A column that must be present and non-empty. */
export function required(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined || value === '') throw new Error(`CSV column "${column}" is missing or empty`);
  return value;
}
