/**
 * The content of a generated act, independent of format: the PDF and the DOCX renderers take the
 * same value, so both files always say the same thing.
 */
export type ActBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'signature'; lines: string[] }
  /** A QR code of `value` (e.g. a Pix BR Code) with its caption; DOCX prints the value as text. */
  | { kind: 'qr'; value: string; caption: string };

export interface ActContent {
  /** e.g. "NOTIFICAÇÃO DE FALHAS E OMISSÕES" */
  title: string;
  /** e.g. "Habilitação nº 2026/000001 — Decreto nº 1.522/2022, art. 16, § 2º" */
  subtitle?: string;
  blocks: ActBlock[];
  /** Wide tables (annexes) print in landscape. */
  landscape?: boolean;
  /** Printed across every PDF page (e.g. the reader of a controlled copy). */
  watermark?: string;
}

export const ISSUER = ['ESTADO DE MATO GROSSO', 'SECRETARIA DE ESTADO DE SEGURANÇA PÚBLICA — SESP/MT', 'Programa Vigia Mais MT'];

export interface Stamp {
  code: string;
  verifyUrl: string;
  issuedAt: Date;
}

export const stampText = (s: Stamp): string =>
  `Código de autenticação: ${s.code} — consulte a autenticidade em ${s.verifyUrl} (emitido em ${s.issuedAt.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' })}, horário de Cuiabá).`;
