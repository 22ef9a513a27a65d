import type { LoanRow } from '../../db/tables/loans.js';
import { fmtDate } from '../calendar/local-date.js';
import type { ActContent } from '../documents/act-content.js';
import type { PartnerRow, TermRow } from '../obligations/cooperation-term.js';
import type { AssetRow } from './assets.js';

/** Texts of the loan acts (Art. 17 sole §: "termo de cessão e recebimento"), built from the records. */
const itemsTable = (assets: AssetRow[]) => ({
  kind: 'table' as const,
  headers: ['Nº', 'Modelo', 'Número de série', 'Patrimônio (tombamento)', 'Garantia até'],
  rows: assets.map((a, i) => [String(i + 1), a.model, a.serial, a.assetTag, a.warrantyEndsOn ? fmtDate(a.warrantyEndsOn) : '—']),
});
const partnerLine = (p: PartnerRow) => `${p.name}, ${p.kind === 'individual' ? 'CPF' : 'CNPJ'} ${p.document}`;

export function loanTermAct(loan: LoanRow, term: TermRow, p: PartnerRow, assets: AssetRow[]): ActContent {
  return {
    title: 'TERMO DE CESSÃO DE USO DE EQUIPAMENTOS EM REGIME DE COMODATO',
    subtitle: `Cessão nº ${loan.number} — Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, arts. 17 e 18`,
    blocks: [
      {
        kind: 'paragraph',
        text: `A SESP/MT cede a ${partnerLine(p)}, a título não oneroso e sem transferência de propriedade, o uso dos dispositivos de captação de imagens abaixo (art. 17).`,
      },
      itemsTable(assets),
      { kind: 'heading', text: 'Obrigações do cessionário' },
      {
        kind: 'list',
        items: [
          'Guardar, manter e usar os equipamentos estritamente conforme o programa Vigia Mais MT, e devolvê-los ao fim da cooperação (art. 18, caput).',
          'Em caso de dano por terceiros ou subtração, comunicar imediatamente o CIOSP/SESP-MT e o gestor indireto, e registrar notícia-crime (art. 18, § 1º).',
          'Reparar os danos que causar aos equipamentos (art. 18, § 2º). Defeitos cobertos pela garantia de fábrica podem ensejar substituição (art. 18, § 3º).',
          'Instalar e integrar as câmeras à plataforma da SESP/MT em até 90 dias da retirada; a instalação só se considera concluída com as imagens integradas (guia, §04).',
          'Proteger os equipamentos contra intempéries e vandalismo (art. 20) e manter o funcionamento ininterrupto (art. 21 e art. 25, § 3º).',
        ],
      },
      {
        kind: 'paragraph',
        text: 'Duração máxima de 5 anos contados da retirada, prorrogável automaticamente enquanto mantida a operação nos termos da cooperação (art. 18, § 4º).',
      },
      { kind: 'signature', lines: ['SESP/MT', 'Cedente'] },
      { kind: 'signature', lines: [p.legalRepresentative?.name ?? p.name, `Representante legal de ${p.name}`] },
    ],
  };
}

export function responsibilityTermAct(loan: LoanRow, term: TermRow, p: PartnerRow, assets: AssetRow[]): ActContent {
  return {
    title: 'TERMO DE RESPONSABILIDADE — RETIRADA DE EQUIPAMENTOS',
    subtitle: `Cessão nº ${loan.number} — Termo de Cooperação Técnica nº ${term.number}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Em ${fmtDate(loan.pickedUpOn!)}, em ${loan.pickupPlace}, ${loan.pickupPersonName} (CPF ${loan.pickupPersonCpf}) retirou, em nome de ${partnerLine(p)}, os equipamentos abaixo, em perfeito estado, e assume por ele a responsabilidade por sua guarda, manutenção, uso conforme o programa e devolução (Decreto nº 1.522/2022, art. 17, parágrafo único, e art. 18).`,
      },
      itemsTable(assets),
      {
        kind: 'paragraph',
        text: `Prazo para instalação e integração das imagens à plataforma: até ${fmtDate(loan.installationDueOn!)} (90 dias).`,
      },
      { kind: 'signature', lines: [loan.pickupPersonName ?? '', 'Recebedor'] },
      { kind: 'signature', lines: ['SESP/MT', 'Responsável pela entrega'] },
    ],
  };
}

export function returnAct(
  loan: LoanRow,
  p: PartnerRow,
  rows: { asset: AssetRow; condition: string; note?: string | undefined }[],
  returnedOn: string,
): ActContent {
  const label: Record<string, string> = { good: 'Em condições de uso', damaged: 'Danificado', missing: 'Não devolvido' };
  return {
    title: 'TERMO DE DEVOLUÇÃO DE EQUIPAMENTOS',
    subtitle: `Cessão nº ${loan.number} — Decreto nº 1.522/2022, art. 18, caput`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Em ${fmtDate(returnedOn)}, ${partnerLine(p)} devolveu à SESP/MT os equipamentos cedidos, conferidos como segue.`,
      },
      {
        kind: 'table',
        headers: ['Número de série', 'Patrimônio', 'Condição', 'Observação'],
        rows: rows.map((r) => [r.asset.serial, r.asset.assetTag, label[r.condition] ?? r.condition, r.note ?? '']),
      },
      { kind: 'signature', lines: ['SESP/MT', 'Recebedor'] },
    ],
  };
}

export function replacementAct(loan: LoanRow, p: PartnerRow, oldAsset: AssetRow, newAsset: AssetRow): ActContent {
  return {
    title: 'TERMO DE SUBSTITUIÇÃO DE EQUIPAMENTO EM GARANTIA',
    subtitle: `Cessão nº ${loan.number} — Decreto nº 1.522/2022, art. 18, § 3º`,
    blocks: [
      {
        kind: 'paragraph',
        text: `O equipamento ${oldAsset.model}, série ${oldAsset.serial} (patrimônio ${oldAsset.assetTag}), com defeito coberto pela garantia de fábrica, é substituído por ${newAsset.model}, série ${newAsset.serial} (patrimônio ${newAsset.assetTag}), cedido a ${partnerLine(p)} nas mesmas condições da cessão.`,
      },
      { kind: 'signature', lines: ['SESP/MT', 'Cedente'] },
    ],
  };
}
