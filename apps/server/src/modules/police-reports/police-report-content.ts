import {
  maskCpf,
  type PoliceReportContent,
  policeReportKindLabels,
  policeReportObjectTypeLabels,
  policeReportPersonRoleLabels,
} from '@vigia/contracts';
import type { ActContent } from '../documents/act-content.js';
import { ISSUER } from '../documents/act-content.js';
import type { ReportRow } from './police-report-deps.js';

const fmtDateTime = (d: Date) => d.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba', dateStyle: 'short', timeStyle: 'short' });

/**
 * The police report (boletim de ocorrência) as registered: number, kind, station, the fact, the
 * people (CPF masked: the PDF is shown to insurers and employers) and the objects. A domestic
 * violence situation's safe contact is never printed (it is for the police only).
 */
export function policeReportAct(
  row: ReportRow,
  c: PoliceReportContent,
  reporter: { name: string; cpf: string },
  station: string | null,
  reportNumber: string,
): ActContent {
  const blocks: ActContent['blocks'] = [
    { kind: 'paragraph', text: `${ISSUER[0]} — POLÍCIA JUDICIÁRIA CIVIL — Delegacia Virtual` },
    {
      kind: 'table',
      headers: ['Natureza', 'Data e hora do fato', 'Local'],
      rows: [
        [
          policeReportKindLabels[row.kind] + (c.fact ? `: ${c.fact}` : ''),
          c.occurredAt ? fmtDateTime(new Date(c.occurredAt)) : '—',
          `${c.placeDescription ?? ''} (${c.latitude?.toFixed(5)}, ${c.longitude?.toFixed(5)})`,
        ],
      ],
    },
    { kind: 'paragraph', text: `Comunicante: ${reporter.name}, CPF ${maskCpf(reporter.cpf)}. Unidade: ${station ?? 'Delegacia Virtual'}.` },
  ];
  if (c.missingPerson)
    blocks.push(
      { kind: 'heading', text: 'Pessoa desaparecida' },
      {
        kind: 'paragraph',
        text: `${c.missingPerson.name}${c.missingPerson.birthDate ? `, nascida em ${c.missingPerson.birthDate.split('-').reverse().join('/')}` : ''}. ${c.missingPerson.physicalDescription}${c.missingPerson.clothing ? ` Vestia: ${c.missingPerson.clothing}.` : ''} Vínculo do comunicante: ${c.missingPerson.relationship}.`,
      },
    );
  if (c.people.length)
    blocks.push(
      { kind: 'heading', text: 'Pessoas envolvidas' },
      {
        kind: 'table',
        headers: ['Condição', 'Nome', 'CPF', 'Descrição'],
        rows: c.people.map((p) => [
          policeReportPersonRoleLabels[p.role],
          p.name ?? 'Não identificado',
          p.cpf ? maskCpf(p.cpf) : '—',
          p.description ?? '—',
        ]),
      },
    );
  if (c.objects.length)
    blocks.push(
      { kind: 'heading', text: 'Objetos' },
      {
        kind: 'table',
        headers: ['Tipo', 'Descrição', 'Identificação'],
        rows: c.objects.map((o) => [
          policeReportObjectTypeLabels[o.type],
          [o.description, o.brand, o.model].filter(Boolean).join(' — '),
          [
            o.imei && `IMEI ${o.imei}`,
            o.serial && `nº de série ${o.serial}`,
            o.plate && `placa ${o.plate}`,
            o.chassis && `chassi ${o.chassis}`,
          ]
            .filter(Boolean)
            .join('; ') || '—',
        ]),
      },
    );
  blocks.push(
    { kind: 'heading', text: 'Relato do comunicante' },
    { kind: 'paragraph', text: c.narrative ?? '' },
    {
      kind: 'paragraph',
      text: 'Registro feito pela internet e validado pela Polícia Civil. Comunicar falsamente crime ou contravenção é crime (Código Penal, art. 340). A autenticidade pode ser conferida pelo código abaixo.',
    },
  );
  return {
    title: 'BOLETIM DE OCORRÊNCIA',
    subtitle: `Nº ${reportNumber} — protocolo ${row.protocol}`,
    blocks,
  };
}
