import { z } from 'zod';
import { ibgeMunicipalityCodeSchema } from './brazil.js';

/**
 * Directory of security units (issue 16, SPEC §3.10): every military-police battalion and company,
 * civil-police station, Politec post, fire brigade, community base and directorate, with address,
 * phones, hours, services and position. Public to everyone (list, GeoJSON, CSV); administrators
 * maintain it one by one or replace it whole from the import template.
 */
export const securityUnitKinds = [
  'pm_battalion',
  'pm_company',
  'civil_police_station',
  'politec_post',
  'fire_brigade',
  'community_base',
  'directorate',
] as const;
export type SecurityUnitKind = (typeof securityUnitKinds)[number];
export const securityUnitKindLabels: Record<SecurityUnitKind, string> = {
  pm_battalion: 'Batalhão da Polícia Militar',
  pm_company: 'Companhia da Polícia Militar',
  civil_police_station: 'Delegacia da Polícia Civil',
  politec_post: 'Posto da Politec',
  fire_brigade: 'Corpo de Bombeiros',
  community_base: 'Base comunitária',
  directorate: 'Diretoria / sede administrativa',
};
/** Words accepted in the "Tipo" column (compared without accents and case, spaces as "-"), besides the labels. */
export const securityUnitKindWords: Record<string, SecurityUnitKind> = {
  batalhao: 'pm_battalion',
  'batalhao-pm': 'pm_battalion',
  companhia: 'pm_company',
  'companhia-pm': 'pm_company',
  delegacia: 'civil_police_station',
  'delegacia-de-policia': 'civil_police_station',
  politec: 'politec_post',
  'posto-politec': 'politec_post',
  bombeiros: 'fire_brigade',
  'corpo-de-bombeiros': 'fire_brigade',
  'base-comunitaria': 'community_base',
  diretoria: 'directorate',
  'sede-administrativa': 'directorate',
};

export const securityUnitColumns = [
  {
    key: 'kind',
    header: 'Tipo',
    required: true,
    help: 'Batalhão PM, Companhia PM, Delegacia, Politec, Bombeiros, Base comunitária ou Diretoria.',
    example: 'Delegacia',
  },
  { key: 'name', header: 'Nome', required: true, help: 'Nome oficial da unidade.', example: 'Delegacia (nome oficial)' },
  { key: 'address', header: 'Endereço', required: true, help: 'Logradouro, número e bairro.', example: 'Av. Exemplo, 100 - Centro' },
  {
    key: 'municipality',
    header: 'Município',
    required: true,
    help: 'Município de Mato Grosso: nome ou código IBGE de 7 dígitos.',
    example: 'Cuiabá',
  },
  { key: 'phones', header: 'Telefones', required: false, help: 'Um ou mais, separados por "|".', example: '(65) 3000-0000 | 197' },
  { key: 'hours', header: 'Horário', required: false, help: 'Horário de atendimento, em texto.', example: '24 horas' },
  {
    key: 'services',
    header: 'Serviços',
    required: false,
    help: 'Serviços prestados, separados por "|".',
    example: 'Registro de ocorrência | Termo circunstanciado',
  },
  { key: 'latitude', header: 'Latitude', required: true, help: 'Graus decimais, ponto ou vírgula (ex.: -15.6014).', example: '-15.6014' },
  { key: 'longitude', header: 'Longitude', required: true, help: 'Graus decimais, ponto ou vírgula (ex.: -56.0979).', example: '-56.0979' },
  {
    key: 'source',
    header: 'Fonte',
    required: true,
    help: 'De onde vem o dado (ex.: site da PJC/MT, consultado em 01/2027).',
    example: 'Site da PJC/MT (consulta em 01/2027)',
  },
] as const;
export type SecurityUnitColumnKey = (typeof securityUnitColumns)[number]['key'];

/** Licence of the open data (GeoJSON and CSV): the note travels in the list and the GeoJSON, the URL in a `Link: rel="license"` header. */
export const securityUnitsLicenceUrl = 'https://creativecommons.org/licenses/by/4.0/deed.pt_BR';
export const securityUnitsLicence =
  'Dados abertos do Vigia Mais MT: uso livre com citação da fonte (Creative Commons Atribuição 4.0, CC BY 4.0). A fonte de cada unidade está no campo "source".';

const text = (max: number) => z.string().trim().min(1).max(max);
const list = z.array(z.string().trim().min(1).max(120)).max(20);

/** Body of a create or edit by an administrator. */
export const securityUnitInputSchema = z.object({
  kind: z.enum(securityUnitKinds),
  name: text(200),
  address: text(255),
  municipalityIbge: ibgeMunicipalityCodeSchema,
  phones: list.default([]),
  hours: z.string().trim().max(255).default(''),
  services: list.default([]),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  source: text(255),
});
export type SecurityUnitInput = z.input<typeof securityUnitInputSchema>;

export const securityUnitSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(securityUnitKinds),
  name: z.string(),
  address: z.string(),
  municipalityIbge: z.string(),
  municipality: z.string(),
  phones: z.array(z.string()),
  hours: z.string(),
  services: z.array(z.string()),
  latitude: z.number(),
  longitude: z.number(),
  source: z.string(),
  illustrative: z.boolean(),
  updatedAt: z.string(),
  /** Metres from the `near` point, when the list was asked for in order of distance. */
  distanceMeters: z.number().int().optional(),
});
export type SecurityUnit = z.infer<typeof securityUnitSchema>;

/** `near=lat,lon`: both numbers, decimal point. */
export const nearPointSchema = z
  .string()
  .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'Use near=latitude,longitude (ex.: -15.6,-56.1).')
  .transform((s) => {
    const [lat, lon] = s.split(',').map(Number) as [number, number];
    return { latitude: lat, longitude: lon };
  })
  .refine((p) => Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180, 'Coordenadas fora do intervalo válido.');

export const securityUnitListQuerySchema = z.object({
  kind: z.enum(securityUnitKinds).optional(),
  municipality: ibgeMunicipalityCodeSchema.optional(),
  near: nearPointSchema.optional(),
});

export const securityUnitListSchema = z.object({ units: z.array(securityUnitSchema), licence: z.string() });
