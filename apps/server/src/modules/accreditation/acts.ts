import {
  type ApplicantKind,
  applicantKindLabels,
  cameraMountingLabels,
  managementModalityLabels,
  propertyOwnershipLabels,
} from '@vigia/contracts';
import type { ActContent } from '../documents/act-content.js';
import type { PartnerRow } from '../partners/partner-profile.js';
import { municipalityName, type PointRow } from './application.repository.js';
import type { ApplicationRow } from './scope.js';

/**
 * The text of every accreditation act, built from the records (never typed twice). Annexes 3, 4
 * and 5 all take their table from `executiveProjectTable`, so they always list the same points.
 */

const fmtDate = (d: Date | string) =>
  (typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d).toLocaleDateString('pt-BR', { timeZone: 'America/Cuiaba' });
const fmtCoord = (n: number) => n.toFixed(6);

const partnerLine = (p: PartnerRow) =>
  `${p.name} (${applicantKindLabels[p.kind as ApplicantKind]}), ${p.kind === 'individual' ? 'CPF' : 'CNPJ'} ${p.document}, ${municipalityName(p.municipalityIbge)}/MT`;

/** The one table of camera points all three annexes print (guide: Anexos 3 and 4 must be identical). */
export function executiveProjectTable(points: PointRow[]): { headers: string[]; rows: string[][] } {
  return {
    headers: ['Nº', 'Endereço', 'Município', 'Latitude', 'Longitude', 'Fixação', 'Foco (o que filma)'],
    rows: points.map((p) => [
      String(p.ordinal),
      p.address,
      municipalityName(p.municipalityIbge),
      fmtCoord(p.latitude),
      fmtCoord(p.longitude),
      cameraMountingLabels[p.mounting] + (p.mountingDetail ? ` — ${p.mountingDetail}` : ''),
      p.films,
    ]),
  };
}

const subtitleOf = (app: ApplicationRow, basis: string) => `Pedido de habilitação nº ${app.number} — Decreto nº 1.522/2022, ${basis}`;

export function annex1(app: ApplicationRow, p: PartnerRow, points: PointRow[]): ActContent {
  const rep = p.legalRepresentative;
  return {
    title: 'ANEXO 1 — PEDIDO DE HABILITAÇÃO AO PROGRAMA VIGIA MAIS MT',
    subtitle: subtitleOf(app, 'art. 8º'),
    blocks: [
      { kind: 'paragraph', text: `À Secretaria de Estado de Segurança Pública de Mato Grosso (SESP/MT).` },
      {
        kind: 'paragraph',
        text: `${partnerLine(p)}, por seu representante legal ${rep?.name ?? '—'} (CPF ${rep?.cpf ?? '—'}, ${rep?.position ?? '—'}), requer a habilitação ao Programa Vigia Mais MT na modalidade ${managementModalityLabels[app.modality]}, com ${points.length} ponto(s) de videomonitoramento descritos no projeto executivo (Anexo 3). Situação do imóvel: ${propertyOwnershipLabels[app.propertyOwnership]}${app.leaseEndsOn ? `, locação vigente até ${fmtDate(app.leaseEndsOn)}` : ''}.`,
      },
      {
        kind: 'paragraph',
        text: 'Declara conhecer e cumprir os requisitos normativos do programa (art. 9º, II) e que a captação de imagens será focada em espaços e logradouros públicos (art. 2º, VIII).',
      },
      { kind: 'signature', lines: [rep?.name ?? p.name, 'Representante legal'] },
    ],
  };
}

export function annex3(app: ApplicationRow, p: PartnerRow, points: PointRow[]): ActContent {
  return {
    title: 'ANEXO 3 — PROJETO EXECUTIVO DE IMPLANTAÇÃO DOS PONTOS DE VIDEOMONITORAMENTO',
    subtitle: subtitleOf(app, 'art. 9º, IV, e art. 14'),
    landscape: true,
    blocks: [
      { kind: 'paragraph', text: `Proponente: ${partnerLine(p)}.` },
      { kind: 'table', ...executiveProjectTable(points) },
      {
        kind: 'paragraph',
        text: 'Cada ponto traz, no processo eletrônico, a foto do local de fixação e a foto do foco sobre o logradouro público ("imagem cruzada").',
      },
      {
        kind: 'paragraph',
        text: 'Este projeto executivo tem autorização específica, que não se estende a novas alterações e ampliações (art. 14, § 4º).',
      },
    ],
  };
}

export function annex4(app: ApplicationRow, p: PartnerRow, points: PointRow[]): ActContent {
  return {
    title: 'ANEXO 4 — QUADRO DE DISTRIBUIÇÃO DOS DISPOSITIVOS DE CAPTAÇÃO DE IMAGENS',
    subtitle: subtitleOf(app, 'art. 9º, § 2º'),
    landscape: true,
    blocks: [
      { kind: 'paragraph', text: `Proponente: ${partnerLine(p)}.` },
      { kind: 'table', ...executiveProjectTable(points) },
    ],
  };
}

export function annex5(app: ApplicationRow, p: PartnerRow, points: PointRow[]): ActContent {
  return {
    title: 'ANEXO 5 — DECLARAÇÃO DE INTERESSE DE SEGURANÇA PÚBLICA',
    subtitle: subtitleOf(app, 'art. 9º, III, e art. 12'),
    landscape: true,
    blocks: [
      { kind: 'paragraph', text: `Proponente: ${partnerLine(p)}. Locais de instalação dos dispositivos:` },
      { kind: 'table', ...executiveProjectTable(points) },
      {
        kind: 'paragraph',
        text: 'A avaliação de aptidão sobre o interesse de segurança pública destes locais é dada pela coordenação da Região Integrada de Segurança Pública (RISP) de cada município, em parecer registrado no processo eletrônico (art. 12).',
      },
      { kind: 'signature', lines: ['Coordenação regional — RISP'] },
    ],
  };
}

export function deficiencyNoticeAct(
  app: ApplicationRow,
  p: PartnerRow,
  n: { receivedOn: string; dueOn: string; businessDays: number },
  items: string[],
): ActContent {
  return {
    title: 'NOTIFICAÇÃO DE FALHAS E OMISSÕES',
    subtitle: subtitleOf(app, 'art. 16, § 2º'),
    blocks: [
      { kind: 'paragraph', text: `Ao proponente ${partnerLine(p)}.` },
      {
        kind: 'paragraph',
        text: 'A comissão técnica identificou as seguintes falhas e omissões no pedido de habilitação, que devem ser sanadas uma a uma:',
      },
      { kind: 'list', items },
      {
        kind: 'paragraph',
        bold: true,
        text: `Prazo: ${n.businessDays} dia(s) útil(eis) contados a partir do recebimento em ${fmtDate(n.receivedOn)}, encerrando-se em ${fmtDate(n.dueOn)} (calendário de Cuiabá/MT). Não sanadas as falhas no prazo, o pedido será indeferido justificadamente e arquivado (art. 16, § 3º), sem impedir novo pedido (art. 16, § 4º).`,
      },
      { kind: 'signature', lines: ['Comissão técnica — SESP/MT'] },
    ],
  };
}

export function decisionAct(app: ApplicationRow, p: PartnerRow, approved: boolean, reason: string, unremedied: string[] = []): ActContent {
  return {
    title: approved ? 'TERMO DE DEFERIMENTO DO PEDIDO DE HABILITAÇÃO' : 'TERMO DE INDEFERIMENTO DO PEDIDO DE HABILITAÇÃO',
    subtitle: subtitleOf(app, approved ? 'art. 16, caput' : 'art. 16, caput e § 3º'),
    blocks: [
      { kind: 'paragraph', text: `Proponente: ${partnerLine(p)}.` },
      { kind: 'heading', text: 'Fundamentação' },
      { kind: 'paragraph', text: reason },
      ...(unremedied.length
        ? [
            { kind: 'heading' as const, text: 'Falhas não sanadas no prazo' },
            { kind: 'list' as const, items: unremedied },
          ]
        : []),
      {
        kind: 'paragraph',
        text: approved
          ? 'O pedido é DEFERIDO e segue para homologação pelo Centro Integrado de Operações de Segurança Pública e publicação no Diário Oficial do Estado (art. 16, § 1º).'
          : 'O pedido é INDEFERIDO e os autos são arquivados (art. 16, § 3º). O arquivamento não impede a apresentação de novo pedido de habilitação (art. 16, § 4º).',
      },
      { kind: 'signature', lines: ['Comissão técnica'] },
    ],
  };
}

export function gazetteText(app: ApplicationRow, p: PartnerRow, points: number, termNumber: string | null): string {
  return (
    `SECRETARIA DE ESTADO DE SEGURANÇA PÚBLICA — CENTRO INTEGRADO DE OPERAÇÕES DE SEGURANÇA PÚBLICA. ` +
    `EXTRATO DE HOMOLOGAÇÃO — PROGRAMA VIGIA MAIS MT. Com fundamento no art. 16, § 1º, do Decreto nº 1.522, de 8 de novembro de 2022, ` +
    `o CIOSP HOMOLOGA o deferimento do pedido de habilitação nº ${app.number} e inclui formalmente no Programa Vigia Mais MT o ente proponente ` +
    `${p.name}, ${p.kind === 'individual' ? 'CPF' : 'CNPJ'} ${p.kind === 'individual' ? maskCpf(p.document) : p.document}, município de ${municipalityName(p.municipalityIbge)}/MT, ` +
    `com ${points} ponto(s) de videomonitoramento autorizados conforme projeto executivo apresentado (art. 14, § 4º)` +
    `${termNumber ? `, a formalizar no Termo de Cooperação Técnica nº ${termNumber}, com vigência de 5 (cinco) anos, prorrogáveis automaticamente (art. 5º, § 3º)` : ''}.`
  );
}

/** Individuals' CPF is personal data (LGPD): the gazette shows only the middle digits, as the federal practice. */
const maskCpf = (cpf: string) => `***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`;

export function homologationAct(app: ApplicationRow, p: PartnerRow, text: string): ActContent {
  return {
    title: 'TERMO DE HOMOLOGAÇÃO',
    subtitle: subtitleOf(app, 'art. 16, § 1º'),
    blocks: [
      { kind: 'paragraph', text: `Proponente: ${partnerLine(p)}.` },
      { kind: 'paragraph', text },
      { kind: 'signature', lines: ['Superintendência do CIOSP — SESP/MT'] },
    ],
  };
}

export function gazetteAct(app: ApplicationRow, text: string): ActContent {
  return {
    title: 'TEXTO PARA PUBLICAÇÃO NO DIÁRIO OFICIAL DO ESTADO',
    subtitle: subtitleOf(app, 'art. 16, § 1º'),
    blocks: [{ kind: 'paragraph', text }],
  };
}

export function prequalificationAct(app: ApplicationRow, p: PartnerRow, points: number): ActContent {
  return {
    title: 'TERMO DE PRÉ-QUALIFICAÇÃO',
    subtitle: subtitleOf(app, 'art. 5º, § 2º, e art. 16, § 1º'),
    blocks: [
      {
        kind: 'paragraph',
        text: `Certifica-se que ${partnerLine(p)} teve a habilitação positiva emitida pela comissão técnica e homologada pelo CIOSP, estando apto a firmar o termo de cooperação técnica (art. 5º, § 2º), com ${points} ponto(s) de videomonitoramento autorizados.`,
      },
      { kind: 'signature', lines: ['SESP/MT'] },
    ],
  };
}

const TERM_KIND_TEXT = {
  direct: 'na modalidade de gestão direta pela SESP/MT (art. 4º, I)',
  indirect_delegation:
    'na modalidade de gestão indireta (art. 4º, II): o partícipe assume, nos limites deste termo e sob supervisão e fiscalização da SESP/MT, a gerência da habilitação, do credenciamento e da administração das cessões de uso dos entes proponentes privados de sua circunscrição (art. 5º, § 1º)',
  adhesion: 'por adesão à cooperação técnica em gestão indireta do município ou consórcio de sua circunscrição (art. 8º, § 1º)',
} as const;

export function cooperationTermAct(
  termNumber: string,
  kind: keyof typeof TERM_KIND_TEXT,
  app: ApplicationRow,
  p: PartnerRow,
  points: PointRow[],
  covered: string[],
): ActContent {
  return {
    title: `TERMO DE COOPERAÇÃO TÉCNICA Nº ${termNumber}`,
    subtitle: subtitleOf(app, 'arts. 4º e 5º'),
    blocks: [
      {
        kind: 'paragraph',
        text: `Partícipes: o ESTADO DE MATO GROSSO, por meio da Secretaria de Estado de Segurança Pública (SESP/MT) e do Centro Integrado de Operações de Segurança Pública (CIOSP), e ${partnerLine(p)}.`,
      },
      { kind: 'heading', text: 'Cláusula primeira — Objeto' },
      {
        kind: 'paragraph',
        text: `Cooperação técnica no Programa Vigia Mais MT ${TERM_KIND_TEXT[kind]}, para integração, acesso e captação de imagens de vigilância focadas em espaços públicos.`,
      },
      ...(covered.length
        ? [{ kind: 'paragraph' as const, text: `Circunscrição abrangida: ${covered.map(municipalityName).join(', ')}.` }]
        : []),
      { kind: 'heading', text: 'Cláusula segunda — Projeto executivo autorizado' },
      {
        kind: 'paragraph',
        text: `Fica autorizado o projeto executivo do pedido nº ${app.number}, tal como apresentado, com ${points.length} ponto(s). Alterações e ampliações exigem nova autorização (art. 14, § 4º).`,
      },
      { kind: 'heading', text: 'Cláusula terceira — Vigência' },
      {
        kind: 'paragraph',
        text: 'Vigência de 5 (cinco) anos a contar da assinatura, prorrogáveis automaticamente desde que mantida a operação nos mesmos termos da cooperação e respeitados os requisitos do Decreto nº 1.522/2022 e do edital (art. 5º, § 3º).',
      },
      { kind: 'signature', lines: ['SESP/MT'] },
      { kind: 'signature', lines: [p.legalRepresentative?.name ?? p.name, 'Representante legal do partícipe'] },
    ],
  };
}
