import {
  type ClientImportColumnKey,
  type ClientImportProblemCode,
  clientImportColumns,
  cnpjSchema,
  cpfSchema,
  emailSchema,
  type IntegratorClientInput,
} from '@vigia/contracts';
import type { Sheet } from './spreadsheet-reader.js';
import { type CandidateRow, headerKey } from './validate-import-rows.js';

/**
 * The client columns of an integrator's spreadsheet (issue 18; Art. 15; seed 002 BH + Segura).
 * Pure (no database): the use case adds the problems that need the registry (the company's own
 * CPF/CNPJ, an existing client without e-mail on record).
 */

const headerOf = (key: ClientImportColumnKey): string => clientImportColumns.find((c) => c.key === key)!.header;

/** Short names for the same columns. */
const ALIASES: Readonly<Record<string, ClientImportColumnKey>> = {
  cliente: 'clientName',
  'nome cliente': 'clientName',
  'cpf cnpj': 'clientDocument',
  'cpf cnpj do cliente': 'clientDocument',
  'cpf ou cnpj': 'clientDocument',
  'documento do cliente': 'clientDocument',
  'e mail cliente': 'clientEmail',
  'email do cliente': 'clientEmail',
};

const byHeader = new Map<string, ClientImportColumnKey>([
  ...clientImportColumns.map((c) => [headerKey(c.header), c.key] as const),
  ...Object.entries(ALIASES),
]);

/** Index of each client column found in the header (none: not a client spreadsheet). */
export function mapClientColumns(header: string[]): Map<ClientImportColumnKey, number> {
  const found = new Map<ClientImportColumnKey, number>();
  header.forEach((text, i) => {
    const key = byHeader.get(headerKey(text));
    if (key && !found.has(key)) found.set(key, i);
  });
  return found;
}

/** Whether any data row fills a client column (an empty client column is ignored). */
export function hasClientData(sheet: Sheet): boolean {
  const columns = [...mapClientColumns(sheet.header).values()];
  return sheet.rows.some((r) => columns.some((i) => (r.cells[i]?.text ?? '').trim() !== ''));
}

/** A row's client, as the portfolio's `addClient` takes it (municipality: the camera's). */
export type ClientOfRow = Omit<IntegratorClientInput, 'municipalityIbge'>;

const onlyDigitsAndLetters = (v: string) => v.replace(/[\s.\-/()]/g, '');

/**
 * Validates the client cells of every row; a problem refuses the row (`input` becomes null). The
 * same CPF/CNPJ on several rows must carry the same name and e-mail. Returns each row's client
 * (null for a refused one), in the order of `rows`.
 */
export function validateClientRows(sheet: Sheet, rows: CandidateRow[]): (ClientOfRow | null)[] {
  const columns = mapClientColumns(sheet.header);
  const cellsOf = new Map(sheet.rows.map((r) => [r.row, r.cells]));
  const firstOf = new Map<string, { row: number; name: string; email: string }>();
  return rows.map((r) => {
    const cells = cellsOf.get(r.row) ?? [];
    const add = (key: ClientImportColumnKey | null, code: ClientImportProblemCode, message: string) => {
      r.problems.push({ column: key ? headerOf(key) : null, message, code });
      r.input = null;
    };
    const cell = (key: ClientImportColumnKey): string => {
      const i = columns.get(key);
      const c = i === undefined ? undefined : cells[i];
      if (!c) return '';
      if (c.formula) {
        add(
          key,
          key === 'clientEmail'
            ? 'IMPORT_CLIENT_EMAIL_INVALID'
            : key === 'clientName'
              ? 'IMPORT_CLIENT_NAME_INVALID'
              : 'IMPORT_CLIENT_DOCUMENT_INVALID',
          'A célula contém uma fórmula: cole somente os valores.',
        );
        return '';
      }
      return c.text.trim();
    };
    const name = cell('clientName');
    const documentText = cell('clientDocument');
    const emailText = cell('clientEmail');
    if (r.problems.some((p) => p.code)) return null;
    if (!name && !documentText && !emailText) {
      add(
        null,
        'IMPORT_CLIENT_MISSING',
        'Informe o cliente desta câmera (nome, CPF ou CNPJ e e-mail): nesta planilha cada câmera pertence a um cliente da empresa.',
      );
      return null;
    }
    if (name.length < 3 || name.length > 200 || /^[=+@]/.test(name))
      add(
        'clientName',
        'IMPORT_CLIENT_NAME_INVALID',
        name ? 'Nome do cliente inválido (de 3 a 200 caracteres, sem começar por "=", "+" ou "@").' : 'Informe o nome do cliente.',
      );
    const bare = onlyDigitsAndLetters(documentText);
    const kind: ClientOfRow['kind'] = /^\d{11}$/.test(bare) ? 'individual' : 'company';
    const doc = !documentText ? null : kind === 'individual' ? cpfSchema.safeParse(documentText) : cnpjSchema.safeParse(documentText);
    if (!doc)
      add('clientDocument', 'IMPORT_CLIENT_DOCUMENT_INVALID', 'Informe o CPF (pessoa) ou o CNPJ (empresa ou condomínio) do cliente.');
    else if (!doc.success)
      add(
        'clientDocument',
        'IMPORT_CLIENT_DOCUMENT_INVALID',
        bare.length === 11 || bare.length === 14
          ? doc.error.issues[0]!.message
          : 'CPF ou CNPJ inválido: informe 11 dígitos (CPF) ou 14 caracteres (CNPJ).',
      );
    const email = emailSchema.safeParse(emailText);
    if (!emailText)
      add('clientEmail', 'IMPORT_CLIENT_EMAIL_INVALID', 'Informe o e-mail do cliente: é para onde vai o link de autorização.');
    else if (!email.success) add('clientEmail', 'IMPORT_CLIENT_EMAIL_INVALID', 'E-mail do cliente inválido.');
    if (!doc?.success || !email.success || r.input === null) return null;
    const document = doc.data;
    const first = firstOf.get(document);
    if (!first) firstOf.set(document, { row: r.row, name, email: email.data });
    else if (first.name !== name || first.email !== email.data) {
      add(
        'clientDocument',
        'IMPORT_CLIENT_CONFLICT',
        `Este CPF/CNPJ aparece na linha ${first.row} com outro nome ou e-mail: repita os mesmos dados do cliente em todas as suas câmeras.`,
      );
      return null;
    }
    return { kind, name, document, email: email.data } as ClientOfRow;
  });
}
