import { z } from 'zod';

/**
 * Bulk import of the installer's spreadsheet (SPEC §3.3, guide §05 "planilha com os dados para
 * importação"): the columns of the template, limits, and the row-by-row report. The server builds
 * the template from `cameraImportColumns`, so the headers the technician sees, the parser and the
 * help on the import page never drift apart.
 */

export const cameraImportColumnKeys = [
  'name',
  'kind',
  'assetSerial',
  'host',
  'rtspPort',
  'httpPort',
  'rtspPath',
  'username',
  'password',
  'latitude',
  'longitude',
  'municipality',
  'heading',
  'fieldOfView',
  'mounting',
  'openToPublic',
  'cameraPointId',
  'streamSource',
] as const;
export type CameraImportColumnKey = (typeof cameraImportColumnKeys)[number];

export interface ImportColumn<K extends string> {
  key: K;
  /** Header in the template (pt-BR). Matching ignores case, accents, spaces and a trailing "*". */
  header: string;
  required: boolean;
  /** What to write, shown on the import page and as a note in the template. */
  help: string;
  /** Example value in the template's example rows. */
  examples: [string, string];
}
export type CameraImportColumn = ImportColumn<CameraImportColumnKey>;

export const cameraImportColumns: readonly CameraImportColumn[] = [
  {
    key: 'name',
    header: 'Nome da câmera',
    required: true,
    help: 'Nome curto que identifica a câmera (ex.: Portaria - rua principal).',
    examples: ['Portaria - rua principal', 'Esquina da praça'],
  },
  {
    key: 'kind',
    header: 'Tipo (compartilhada ou Vigia Mais)',
    required: true,
    help: '"Compartilhada" (câmera própria do parceiro) ou "Vigia Mais" (câmera do programa, em comodato).',
    examples: ['Compartilhada', 'Vigia Mais'],
  },
  {
    key: 'assetSerial',
    header: 'Número de série / patrimônio',
    required: false,
    help: 'Obrigatório para câmeras do programa (Vigia Mais).',
    examples: ['', 'VM-2024-000123'],
  },
  {
    key: 'host',
    header: 'IP público ou DDNS',
    required: true,
    help: 'IPv4 público, IPv6 (sem colchetes) ou nome DDNS. Sem IP público, fale com a SESP/MT (porta VMS para auto-registro).',
    examples: ['177.130.22.94', 'minhaempresa.ddns.net'],
  },
  {
    key: 'rtspPort',
    header: 'Porta RTSP',
    required: true,
    help: 'Uma porta diferente para cada câmera (ex.: 30554, 30555, 30556…).',
    examples: ['30554', '30555'],
  },
  {
    key: 'httpPort',
    header: 'Porta HTTP',
    required: true,
    help: 'Uma porta diferente para cada câmera (ex.: 8001, 8002, 8003…).',
    examples: ['8001', '8002'],
  },
  {
    key: 'rtspPath',
    header: 'Caminho RTSP',
    required: true,
    help: 'Caminho do fluxo principal, como o fabricante documenta (ex.: /Streaming/Channels/101).',
    examples: ['/Streaming/Channels/101', '/cam/realmonitor?channel=1&subtype=0'],
  },
  {
    key: 'username',
    header: 'Login da câmera',
    required: true,
    help: 'Usuário de acesso à câmera (guarda-se cifrado).',
    examples: ['vigiamais', 'vigiamais'],
  },
  {
    key: 'password',
    header: 'Senha da câmera',
    required: true,
    help: 'Senha de acesso à câmera (guarda-se cifrada, nunca é exibida).',
    examples: ['troque-esta-senha', 'troque-esta-senha'],
  },
  {
    key: 'latitude',
    header: 'Latitude',
    required: true,
    help: 'Graus decimais, ponto ou vírgula (ex.: -14.51476).',
    examples: ['-14.51476', '-15.60140'],
  },
  {
    key: 'longitude',
    header: 'Longitude',
    required: true,
    help: 'Graus decimais, ponto ou vírgula (ex.: -56.4855).',
    examples: ['-56.48550', '-56.09790'],
  },
  {
    key: 'municipality',
    header: 'Município',
    required: true,
    help: 'Nome do município de Mato Grosso ou o código IBGE de 7 dígitos.',
    examples: ['Nobres', '5103403'],
  },
  {
    key: 'heading',
    header: 'Direção (graus)',
    required: true,
    help: 'Para onde a câmera aponta, de 0 a 359 (0 = norte, 90 = leste).',
    examples: ['90', '180'],
  },
  { key: 'fieldOfView', header: 'Campo de visão (graus)', required: true, help: 'Abertura da lente, de 1 a 360.', examples: ['90', '110'] },
  {
    key: 'mounting',
    header: 'Fixação (fachada, poste ou outro)',
    required: true,
    help: '"Fachada", "Poste" ou "Outro".',
    examples: ['Fachada', 'Poste'],
  },
  {
    key: 'openToPublic',
    header: 'Aberta ao público (sim ou não)',
    required: false,
    help: '"Sim" se as imagens podem ser vistas por qualquer pessoa no portal (art. 26, § 2º). Em branco = não.',
    examples: ['Não', 'Sim'],
  },
  {
    key: 'cameraPointId',
    header: 'Código do ponto no projeto',
    required: false,
    help: 'Opcional: identificação do ponto no projeto executivo.',
    examples: ['', 'P-01'],
  },
  {
    key: 'streamSource',
    header: 'Origem do fluxo (caminho RTSP ou ONVIF)',
    required: false,
    help: '"Caminho RTSP" usa o caminho informado; "ONVIF" pede o caminho à câmera pela porta HTTP, com o mesmo login e senha. Em branco = caminho RTSP.',
    examples: ['Caminho RTSP', 'ONVIF'],
  },
];

/**
 * Client columns of an integrator's spreadsheet (issue 18; Art. 15; seed 002 BH + Segura): one
 * sheet creates or links the company's clients and registers their cameras; each client is then
 * asked to consent by the e-mailed link (consent "pending"). A client with several cameras repeats
 * the same CPF/CNPJ, name and e-mail on each of its rows.
 */
export const clientImportColumnKeys = ['clientName', 'clientDocument', 'clientEmail'] as const;
export type ClientImportColumnKey = (typeof clientImportColumnKeys)[number];

export const clientImportColumns: readonly ImportColumn<ClientImportColumnKey>[] = [
  {
    key: 'clientName',
    header: 'Nome do cliente',
    required: true,
    help: 'Pessoa, empresa ou condomínio dono da câmera. Repita o mesmo cliente em cada linha das suas câmeras.',
    examples: ['Maria da Silva', 'Condomínio Jardim das Flores'],
  },
  {
    key: 'clientDocument',
    header: 'CPF ou CNPJ do cliente',
    required: true,
    help: 'CPF (11 dígitos) de pessoa ou CNPJ (14 caracteres) de empresa ou condomínio, com ou sem pontuação.',
    examples: ['529.982.247-25', '11.222.333/0001-81'],
  },
  {
    key: 'clientEmail',
    header: 'E-mail do cliente',
    required: true,
    help: 'Para onde vai o link de autorização (e de revogação) do compartilhamento. Sem a autorização do cliente, a câmera não transmite.',
    examples: ['maria@exemplo.com.br', 'sindico@jardimdasflores.com.br'],
  },
];

/** Stable codes of the client-column problems of an integrator's import (the message is pt-BR). */
export const clientImportProblemCodes = [
  'IMPORT_CLIENT_MISSING',
  'IMPORT_CLIENT_NAME_INVALID',
  'IMPORT_CLIENT_DOCUMENT_INVALID',
  'IMPORT_CLIENT_EMAIL_INVALID',
  'IMPORT_CLIENT_CONFLICT',
  'IMPORT_CLIENT_IS_COMPANY',
  'IMPORT_CLIENT_EMAIL_ON_RECORD_MISSING',
] as const;
export type ClientImportProblemCode = (typeof clientImportProblemCodes)[number];

/** Limits of a spreadsheet upload (also enforced by the server; shown on the import page). */
export const cameraImportLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 500,
  maxColumns: 40,
  maxCellChars: 255,
} as const;

export const cameraImportFormats = ['xlsx', 'csv'] as const;
export type CameraImportFormat = (typeof cameraImportFormats)[number];

export const cameraImportProblemSchema = z.object({
  /** Template header of the column at fault, or null for a problem of the whole row. */
  column: z.string().nullable(),
  message: z.string(),
  /** Stable code (client columns of an integrator's import). */
  code: z.enum(clientImportProblemCodes).optional(),
});
export type CameraImportProblem = z.infer<typeof cameraImportProblemSchema>;

export const cameraImportRowOutcomes = ['created', 'valid', 'refused'] as const;
export const cameraImportRowSchema = z.object({
  /** Row number as the spreadsheet program shows it (the header is row 1). */
  row: z.number(),
  name: z.string().nullable(),
  outcome: z.enum(cameraImportRowOutcomes),
  cameraId: z.string().nullable(),
  problems: z.array(cameraImportProblemSchema),
  /** Integrator's import: the client of the row's camera (name) and its consent once imported ("pending"). */
  client: z.string().nullable().optional(),
  consent: z.enum(['pending', 'granted', 'revoked']).nullable().optional(),
});
export type CameraImportRow = z.infer<typeof cameraImportRowSchema>;

/**
 * `imported`: every row was valid and all were created in one transaction. `refused`: at least one
 * row was refused, so NOTHING was created. `validated`: dry run, every row valid, nothing created.
 */
export const cameraImportOutcomes = ['imported', 'refused', 'validated'] as const;
export const cameraImportReportSchema = z.object({
  outcome: z.enum(cameraImportOutcomes),
  format: z.enum(cameraImportFormats),
  fileName: z.string(),
  sha256: z.string(),
  totalRows: z.number(),
  createdCount: z.number(),
  refusedCount: z.number(),
  rows: z.array(cameraImportRowSchema),
  /** Integrator's import: the clients of the file (created or linked) and the consent each was asked for. */
  clients: z
    .array(
      z.object({
        name: z.string(),
        document: z.string(),
        email: z.string(),
        partnerId: z.string().nullable(),
        /** true: a new partner was created; false: an existing CPF/CNPJ was linked. */
        created: z.boolean().nullable(),
        cameraCount: z.number(),
        consentId: z.string().nullable(),
      }),
    )
    .optional(),
});
export type CameraImportReport = z.infer<typeof cameraImportReportSchema>;

export const cameraImportQuerySchema = z.object({
  /** Only validate; create nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Owner of every camera of the file (required for administrators). */
  partnerId: z.string().uuid({ message: 'Parceiro inválido.' }).optional(),
});

export const cameraImportTemplateQuerySchema = z.object({ format: z.enum(cameraImportFormats).default('xlsx') });

export const cameraImportOutcomeLabels: Readonly<Record<z.infer<typeof cameraImportReportSchema>['outcome'], string>> = {
  imported: 'Importação concluída: todas as linhas foram cadastradas.',
  refused: 'Nada foi importado: corrija as linhas recusadas e envie a planilha novamente.',
  validated: 'Planilha válida (somente validação): nenhuma câmera foi cadastrada ainda.',
};
