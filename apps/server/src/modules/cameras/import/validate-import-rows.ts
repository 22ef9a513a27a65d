import {
  type CameraCreateInput,
  type CameraImportColumnKey,
  type CameraImportProblem,
  cameraCreateSchema,
  cameraImportColumns,
  cameraImportLimits,
} from '@vigia/contracts';
import { AppError } from '../../../http/errors.js';
import { findMunicipality } from '../../reference/index.js';
import { placementProblems } from '../camera-placement.js';
import type { OutboundPolicy } from '../outbound-guard.js';
import type { Sheet, SheetCell } from './spreadsheet-reader.js';

/**
 * Turns the rows of a spreadsheet into camera inputs, or into pt-BR problems naming the column at
 * fault. Pure (no database): duplicates against the registry are added by the use case with
 * `endpointProblems`, from the endpoints it loaded.
 */

export interface CandidateRow {
  row: number;
  name: string | null;
  input: CameraCreateInput | null;
  problems: CameraImportProblem[];
}

const headerOf = (key: CameraImportColumnKey): string => cameraImportColumns.find((c) => c.key === key)!.header;

/** Header key: no accents, case, punctuation or "*". */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Short names technicians use for the same columns. */
const ALIASES: Readonly<Record<string, CameraImportColumnKey>> = {
  nome: 'name',
  camera: 'name',
  tipo: 'kind',
  'numero de serie': 'assetSerial',
  patrimonio: 'assetSerial',
  ip: 'host',
  'ip publico': 'host',
  ddns: 'host',
  host: 'host',
  endereco: 'host',
  rtsp: 'rtspPort',
  http: 'httpPort',
  caminho: 'rtspPath',
  login: 'username',
  usuario: 'username',
  senha: 'password',
  lat: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  municipio: 'municipality',
  'codigo ibge': 'municipality',
  direcao: 'heading',
  'campo de visao': 'fieldOfView',
  fixacao: 'mounting',
  'aberta ao publico': 'openToPublic',
  publica: 'openToPublic',
  ponto: 'cameraPointId',
  origem: 'streamSource',
  'origem do fluxo': 'streamSource',
};

const byHeader = new Map<string, CameraImportColumnKey>([
  ...cameraImportColumns.map((c) => [headerKey(c.header), c.key] as const),
  ...Object.entries(ALIASES),
]);

/** Index of each template column in the sheet; refuses a sheet without every required column. */
export function mapColumns(header: string[]): Map<CameraImportColumnKey, number> {
  const found = new Map<CameraImportColumnKey, number>();
  header.forEach((text, i) => {
    const key = byHeader.get(headerKey(text));
    if (key && !found.has(key)) found.set(key, i);
  });
  const missing = cameraImportColumns.filter((c) => c.required && !found.has(c.key));
  if (missing.length > 0) {
    throw new AppError(
      'CAMERA_IMPORT_COLUMNS',
      `Faltam colunas obrigatórias do modelo: ${missing.map((c) => c.header).join('; ')}.`,
      missing.map((c) => ({ path: c.key, message: `Coluna "${c.header}" não encontrada.` })),
    );
  }
  return found;
}

const KIND: Readonly<Record<string, 'partner_own' | 'program_loan'>> = {
  compartilhada: 'partner_own',
  propria: 'partner_own',
  'camera propria': 'partner_own',
  parceiro: 'partner_own',
  'partner own': 'partner_own',
  'vigia mais': 'program_loan',
  'do vigia mais': 'program_loan',
  programa: 'program_loan',
  'do programa': 'program_loan',
  comodato: 'program_loan',
  'program loan': 'program_loan',
};
const MOUNTING: Readonly<Record<string, 'facade' | 'pole' | 'other'>> = {
  fachada: 'facade',
  poste: 'pole',
  outro: 'other',
  outra: 'other',
  facade: 'facade',
  pole: 'pole',
  other: 'other',
};
const STREAM_SOURCE: Readonly<Record<string, 'path' | 'onvif'>> = {
  '': 'path',
  'caminho rtsp': 'path',
  caminho: 'path',
  rtsp: 'path',
  path: 'path',
  onvif: 'onvif',
  'descoberta onvif': 'onvif',
};
const YES = new Set(['sim', 's', 'yes', 'y', 'true', 'verdadeiro', '1', 'x']);
const NO = new Set(['', 'nao', 'n', 'no', 'false', 'falso', '0']);

/** "-14,51476" or "-14.51476" → number; anything else → NaN. */
export function parseDecimal(text: string): number {
  const t = text.replace(/\s/g, '');
  return /^[+-]?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
}

const CONTRACT_TO_COLUMN: Readonly<Record<string, CameraImportColumnKey>> = {
  municipalityIbge: 'municipality',
  credentials: 'username',
};

export interface ValidateOptions {
  outbound: OutboundPolicy;
}

export function validateRow(
  cells: SheetCell[],
  columns: Map<CameraImportColumnKey, number>,
  opts: ValidateOptions,
): Omit<CandidateRow, 'row'> {
  const problems: CameraImportProblem[] = [];
  const add = (key: CameraImportColumnKey | null, message: string) => {
    const column = key ? headerOf(key) : null;
    if (!problems.some((p) => p.column === column && p.message === message)) problems.push({ column, message });
  };
  const cell = (key: CameraImportColumnKey): string => {
    const i = columns.get(key);
    const c = i === undefined ? undefined : cells[i];
    if (!c) return '';
    if (c.formula) {
      add(key, 'A célula contém uma fórmula: a plataforma não calcula fórmulas. Cole somente os valores (Colar especial → Valores).');
      return '';
    }
    if (c.text.length > cameraImportLimits.maxCellChars) {
      add(key, `Texto muito longo (máximo de ${cameraImportLimits.maxCellChars} caracteres).`);
      return '';
    }
    return c.text;
  };
  const text = (key: CameraImportColumnKey): string => {
    const v = cell(key);
    // Free text that a spreadsheet program would run as a formula if the registry were exported.
    if (/^[=+@]/.test(v)) {
      add(key, 'O texto não pode começar com "=", "+" ou "@".');
      return '';
    }
    return v;
  };
  const integer = (key: CameraImportColumnKey): number | undefined => {
    const v = cell(key);
    if (v === '') return undefined;
    const n = parseDecimal(v);
    if (!Number.isInteger(n)) {
      add(key, `Informe um número inteiro (recebido: "${v.slice(0, 40)}").`);
      return undefined;
    }
    return n;
  };
  const decimal = (key: CameraImportColumnKey): number | undefined => {
    const v = cell(key);
    if (v === '') return undefined;
    const n = parseDecimal(v);
    if (Number.isNaN(n)) {
      add(key, `Informe um número em graus decimais, ex.: -14.51476 (recebido: "${v.slice(0, 40)}").`);
      return undefined;
    }
    return n;
  };

  const name = text('name');
  const kindText = headerKey(cell('kind'));
  const kind = KIND[kindText];
  if (!kind)
    add('kind', kindText ? 'Tipo inválido: use "Compartilhada" ou "Vigia Mais".' : 'Informe se a câmera é compartilhada ou do Vigia Mais.');
  const assetSerial = text('assetSerial') || null;
  const mountingText = headerKey(cell('mounting'));
  const mounting = MOUNTING[mountingText];
  if (!mounting)
    add(
      'mounting',
      mountingText ? 'Fixação inválida: use "Fachada", "Poste" ou "Outro".' : 'Informe a fixação: "Fachada", "Poste" ou "Outro".',
    );
  const openText = headerKey(cell('openToPublic'));
  const openToPublic = YES.has(openText) ? true : NO.has(openText) ? false : undefined;
  if (openToPublic === undefined) add('openToPublic', 'Use "Sim" ou "Não".');

  const streamSource = STREAM_SOURCE[headerKey(cell('streamSource'))];
  if (!streamSource) add('streamSource', 'Origem do fluxo inválida: use "Caminho RTSP" ou "ONVIF".');

  const municipalityText = cell('municipality');
  const municipality = municipalityText ? findMunicipality(municipalityText) : undefined;
  if (!municipalityText) add('municipality', 'Informe o município.');
  else if (!municipality || !municipality.ibgeCode.startsWith('51'))
    add('municipality', `Município "${municipalityText.slice(0, 60)}" não encontrado entre os municípios de Mato Grosso.`);

  const username = cell('username');
  const password = cell('password');
  if (!username && !password) add('username', 'Informe o login e a senha da câmera (guia, item 05: "Login e Senha da Câmera").');
  else if (!username) add('username', 'Informe o login da câmera.');
  else if (!password) add('password', 'Informe a senha da câmera.');

  const candidate = {
    name,
    kind: kind ?? 'partner_own',
    assetSerial,
    cameraPointId: text('cameraPointId') || null,
    host: cell('host'),
    rtspPort: integer('rtspPort'),
    httpPort: integer('httpPort'),
    rtspPath: cell('rtspPath'),
    latitude: decimal('latitude'),
    longitude: decimal('longitude'),
    municipalityIbge: municipality?.ibgeCode ?? '5103403',
    heading: integer('heading'),
    fieldOfView: integer('fieldOfView'),
    mounting: mounting ?? 'other',
    openToPublic: openToPublic ?? false,
    streamSource: streamSource ?? 'path',
    credentials: username && password ? { username, password } : undefined,
  };
  const parsed = cameraCreateSchema.safeParse(candidate);
  if (!parsed.success) {
    // A column already reported (formula, over-long, bad text) is not reported again as "missing".
    const reported = new Set(problems.map((p) => p.column));
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      let key = CONTRACT_TO_COLUMN[field] ?? (cameraImportColumns.some((c) => c.key === field) ? (field as CameraImportColumnKey) : null);
      if (field === 'credentials' && issue.path[1] === 'password') key = 'password';
      if (key && reported.has(headerOf(key))) continue;
      add(key, issue.message);
    }
  }
  if (problems.length === 0 && parsed.success) {
    for (const p of placementProblems(parsed.data, opts.outbound)) {
      add(
        p.path === 'municipalityIbge' ? 'municipality' : p.path === 'latitude' ? 'latitude' : p.path,
        p.code === 'LOCATION_OUTSIDE_MT' ? 'O ponto (latitude, longitude) fica fora de Mato Grosso.' : p.message,
      );
    }
  }
  return { name: name || null, input: problems.length === 0 && parsed.success ? parsed.data : null, problems };
}

/** Every data row of the sheet, validated on its own and against the other rows (same host + port). */
export function validateSheet(sheet: Sheet, opts: ValidateOptions): CandidateRow[] {
  const columns = mapColumns(sheet.header);
  const rows = sheet.rows.map((r) => ({ row: r.row, ...validateRow(r.cells, columns, opts) }));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.input) continue;
    const rtsp = `${r.input.host}|${r.input.rtspPort}`;
    const http = `${r.input.host}|${r.input.httpPort}`;
    const firstRtsp = seen.get(`rtsp:${rtsp}`);
    const firstHttp = seen.get(`http:${http}`);
    if (firstRtsp !== undefined)
      r.problems.push({
        column: headerOf('rtspPort'),
        message: `Endereço e porta RTSP repetidos na linha ${firstRtsp} da planilha: cada câmera precisa de uma porta RTSP própria.`,
      });
    if (firstHttp !== undefined)
      r.problems.push({
        column: headerOf('httpPort'),
        message: `Endereço e porta HTTP repetidos na linha ${firstHttp} da planilha: cada câmera precisa de uma porta HTTP própria.`,
      });
    if (firstRtsp === undefined) seen.set(`rtsp:${rtsp}`, r.row);
    if (firstHttp === undefined) seen.set(`http:${http}`, r.row);
    if (r.problems.length > 0) r.input = null;
  }
  return rows;
}

/** Adds the problems of rows whose host + port is already registered (any partner: ports are global). */
export function endpointProblems(rows: CandidateRow[], taken: { host: string; rtspPort: number; httpPort: number }[]): void {
  const rtsp = new Set(taken.map((t) => `${t.host}|${t.rtspPort}`));
  const http = new Set(taken.map((t) => `${t.host}|${t.httpPort}`));
  for (const r of rows) {
    if (!r.input) continue;
    if (rtsp.has(`${r.input.host}|${r.input.rtspPort}`))
      r.problems.push({ column: headerOf('rtspPort'), message: 'Porta RTSP já usada por outra câmera cadastrada neste endereço.' });
    if (http.has(`${r.input.host}|${r.input.httpPort}`))
      r.problems.push({ column: headerOf('httpPort'), message: 'Porta HTTP já usada por outra câmera cadastrada neste endereço.' });
    if (r.problems.length > 0) r.input = null;
  }
}
