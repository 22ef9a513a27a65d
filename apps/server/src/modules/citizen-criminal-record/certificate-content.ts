import type { ActContent } from '../documents/act-content.js';
import { ISSUER } from '../documents/act-content.js';
import type { CriminalRecordEntry } from './criminal-records.adapter.js';

/**
 * What a certificate may state about a person's records:
 * - CPP art. 20, sole §: an inquiry (opened or not) is never mentioned;
 * - LEP art. 202: a sentence served or extinguished is not shown.
 * Only final convictions still in force remain.
 */
export function certifiableEntries(entries: CriminalRecordEntry[]): CriminalRecordEntry[] {
  return entries.filter((e) => e.kind === 'conviction' && e.status === 'final');
}

export const resultOf = (lines: string[]): 'nada_consta' | 'consta' => (lines.length === 0 ? 'nada_consta' : 'consta');

export const resultText = (result: 'nada_consta' | 'consta'): string =>
  result === 'nada_consta'
    ? 'NADA CONSTA: não há registro de condenação criminal em vigor em nome da pessoa identificada.'
    : 'CONSTA registro de condenação criminal em vigor, descrito nesta certidão.';

export const lineOf = (e: CriminalRecordEntry): string => `${e.description}${e.court ? ` — ${e.court}` : ''}`;

const fmtDate = (d: Date) => d.toLocaleDateString('pt-BR', { timeZone: 'America/Cuiaba' });

/** The certificate document: identification, result, the lines allowed above, validity. */
export function certificateAct(c: {
  protocol: string;
  name: string;
  cpf: string;
  purpose: string;
  lines: string[];
  validUntil: Date;
}): ActContent {
  const result = resultOf(c.lines);
  const cpf = `${c.cpf.slice(0, 3)}.${c.cpf.slice(3, 6)}.${c.cpf.slice(6, 9)}-${c.cpf.slice(9)}`;
  return {
    title: 'CERTIDÃO DE ANTECEDENTES CRIMINAIS',
    subtitle: `Protocolo ${c.protocol} — emissão gratuita`,
    blocks: [
      { kind: 'paragraph', text: ISSUER.slice(0, 2).join(' — ') },
      { kind: 'paragraph', text: `Certificamos, a pedido de ${c.name}, CPF ${cpf}, para fins de ${c.purpose}, que:` },
      { kind: 'paragraph', text: resultText(result), bold: true },
      // A copy: the PDF renderer annotates the arrays it is given.
      ...(c.lines.length ? [{ kind: 'list' as const, items: [...c.lines] }] : []),
      { kind: 'paragraph', text: `Válida até ${fmtDate(c.validUntil)}. A autenticidade pode ser conferida pelo código abaixo.` },
    ],
  };
}
