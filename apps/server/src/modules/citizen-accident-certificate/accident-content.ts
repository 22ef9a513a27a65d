import { maskCpf } from '@vigia/contracts';
import type { ActContent } from '../documents/act-content.js';
import { ISSUER } from '../documents/act-content.js';
import type { DeclarationRow, PartyRow } from './accident-deps.js';

const fmtDateTime = (d: Date) => d.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba', dateStyle: 'short', timeStyle: 'short' });
const fmtPlate = (p: string | null) => (p ? (p.length === 7 && /\d{4}$/.test(p) ? `${p.slice(0, 3)}-${p.slice(3)}` : p) : '—');

/**
 * The certificate: what was declared and validated. Parties by name and masked CPF (the PDF is
 * shown to insurers and courts; the full CPF stays on the owner's pages), vehicles by plate, and
 * whether each other party confirmed their participation.
 */
export function accidentCertificateAct(d: DeclarationRow, parties: PartyRow[], recordNumber: string): ActContent {
  return {
    title: 'CERTIDÃO DE ACIDENTE DE TRÂNSITO SEM VÍTIMAS',
    subtitle: `Protocolo ${d.protocol} — registro ${recordNumber}`,
    blocks: [
      { kind: 'paragraph', text: ISSUER.slice(0, 2).join(' — ') },
      {
        kind: 'paragraph',
        text: 'Certificamos que a polícia de trânsito validou a declaração de acidente de trânsito sem vítimas abaixo, feita pelo Portal da Segurança.',
      },
      {
        kind: 'table',
        headers: ['Data e hora', 'Município', 'Local'],
        rows: [
          [fmtDateTime(d.occurredAt), d.municipalityName, `${d.placeDescription} (${d.latitude.toFixed(5)}, ${d.longitude.toFixed(5)})`],
        ],
      },
      { kind: 'heading', text: 'Partes e veículos' },
      {
        kind: 'table',
        headers: ['Parte', 'CPF', 'Veículo', 'Participação'],
        rows: [...parties]
          .sort((a, b) => a.position - b.position)
          .map((p) => [
            p.name,
            p.cpf ? maskCpf(p.cpf) : '—',
            `${fmtPlate(p.plate)}${p.vehicle ? ` ${p.vehicle}` : ''}`,
            p.declarant ? 'Declarante' : p.confirmedAt ? 'Confirmada pela parte' : 'Não confirmada pela parte',
          ]),
      },
      { kind: 'heading', text: 'Relato do declarante' },
      { kind: 'paragraph', text: d.narrative },
      {
        kind: 'paragraph',
        text: 'O declarante afirmou que não houve feridos nem vítimas. A autenticidade pode ser conferida pelo código abaixo.',
      },
    ],
  };
}
