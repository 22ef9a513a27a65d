import { z } from 'zod';
import { cameraMountingSchema } from './accreditation/index.js';
import { ibgeMunicipalityCodeSchema } from './brazil.js';

/**
 * HTTP contracts of the camera registry (SPEC §3.3, guide §05): the cameras a partner shares with
 * the program, their network address and the installer self-test. Credentials are write-only:
 * they go in on create/update and never come back (responses say `hasCredentials`).
 */

export const cameraKinds = ['program_loan', 'partner_own'] as const;
export const cameraKindSchema = z.enum(cameraKinds, { error: 'Tipo de câmera inválido.' });
export type CameraKind = z.infer<typeof cameraKindSchema>;
export const cameraKindLabels: Readonly<Record<CameraKind, string>> = {
  program_loan: 'Câmera do programa (comodato)',
  partner_own: 'Câmera própria do parceiro (compartilhada)',
};

export const cameraStatuses = ['pending', 'online', 'offline', 'disabled'] as const;
export const cameraStatusSchema = z.enum(cameraStatuses);
export type CameraStatus = z.infer<typeof cameraStatusSchema>;
export const cameraStatusLabels: Readonly<Record<CameraStatus, string>> = {
  pending: 'Aguardando autoteste',
  online: 'Em funcionamento',
  offline: 'Sem comunicação',
  disabled: 'Desativada',
};

/**
 * How the media node reads the camera: its own RTSP client (native, the default) or, for cameras
 * that client cannot handle, ffmpeg copying the video into the node (docs/cameras.md "Modo ffmpeg").
 */
export const cameraIngestModes = ['native', 'ffmpeg'] as const;
export const cameraIngestModeSchema = z.enum(cameraIngestModes, { error: 'Modo de ingestão inválido.' });
export type CameraIngestMode = z.infer<typeof cameraIngestModeSchema>;
export const cameraIngestModeLabels: Readonly<Record<CameraIngestMode, string>> = {
  native: 'Nativo',
  ffmpeg: 'ffmpeg (compatibilidade)',
};

/**
 * RTP transport the media node's RTSP client asks the camera for (docs/cameras.md "Pulling a
 * camera"): TCP interleaved, UDP, or auto (UDP falling back to TCP). null on a camera = the node's
 * MEDIA_RTSP_TRANSPORT. Ignored in ffmpeg mode (always TCP).
 */
export const cameraRtspTransports = ['tcp', 'udp', 'auto'] as const;
export const cameraRtspTransportSchema = z.enum(cameraRtspTransports, {
  error: 'Transporte RTP inválido: use tcp, udp ou auto (ou deixe o padrão do nó).',
});
export type CameraRtspTransport = z.infer<typeof cameraRtspTransportSchema>;
export const cameraRtspTransportLabels: Readonly<Record<CameraRtspTransport, string>> = {
  tcp: 'TCP',
  udp: 'UDP',
  auto: 'Automático (UDP, com TCP se falhar)',
};

/**
 * Where the media node and the self-test take the RTSP stream from: the registered path, or the
 * URI the camera reports over ONVIF (GetStreamUri), with the registered host and RTSP port
 * (docs/cameras.md "ONVIF").
 */
export const cameraStreamSources = ['path', 'onvif'] as const;
export const cameraStreamSourceSchema = z.enum(cameraStreamSources, { error: 'Origem do fluxo inválida.' });
export type CameraStreamSource = z.infer<typeof cameraStreamSourceSchema>;
export const cameraStreamSourceLabels: Readonly<Record<CameraStreamSource, string>> = {
  path: 'Caminho RTSP',
  onvif: 'Descoberta ONVIF',
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ipv6 = z.ipv6();

export type CameraHostKind = 'ipv4' | 'ipv6' | 'hostname';

/**
 * Classifies a camera address: an IPv4 literal, an IPv6 literal (without brackets) or a DNS
 * (DDNS) name. Returns a pt-BR problem when the text is none of them. Pure: used by the contract
 * and by the server before anything reaches a socket or a command line.
 */
export function classifyCameraHost(raw: string): { ok: true; kind: CameraHostKind; host: string } | { ok: false; message: string } {
  const host = raw.trim().toLowerCase();
  if (host.includes(':')) {
    return ipv6.safeParse(host).success
      ? { ok: true, kind: 'ipv6', host }
      : { ok: false, message: 'Endereço IPv6 inválido (informe sem colchetes, ex.: 2804:14c::1).' };
  }
  if (/^[\d.]+$/.test(host)) {
    return IPV4.test(host) ? { ok: true, kind: 'ipv4', host } : { ok: false, message: 'Endereço IPv4 inválido (ex.: 200.101.10.20).' };
  }
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const labels = name.split('.');
  const valid =
    name.length > 0 &&
    name.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => HOST_LABEL.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1]!);
  return valid
    ? { ok: true, kind: 'hostname', host: name }
    : { ok: false, message: 'Nome de host (DDNS) inválido (ex.: minhacamera.ddns.net).' };
}

export const cameraHostSchema = z
  .string({ error: 'Informe o endereço da câmera (IPv4 público, IPv6 ou nome DDNS).' })
  .max(253, { message: 'Endereço muito longo.' })
  .transform((v, ctx) => {
    const r = classifyCameraHost(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.host;
  });

const port = (what: string) =>
  z.coerce
    .number({ error: `Informe a porta ${what}.` })
    .int({ message: `Porta ${what} inválida.` })
    .min(1, { message: `Porta ${what} inválida (1 a 65535).` })
    .max(65535, { message: `Porta ${what} inválida (1 a 65535).` });

/** RTSP path as the camera vendor documents it (/Streaming/Channels/101, /cam/realmonitor?channel=1&subtype=0). */
export const rtspPathSchema = z
  .string({ error: 'Informe o caminho RTSP.' })
  .trim()
  .max(200, { message: 'Caminho RTSP muito longo.' })
  .regex(/^\/[A-Za-z0-9._~!$&*+,;=:@%/?-]*$/, { message: 'Caminho RTSP inválido: deve começar com "/" e não conter espaços nem aspas.' });

const noControl = /^[^\u0000-\u001f\u007f]+$/;
export const cameraCredentialsSchema = z.object({
  username: z
    .string({ error: 'Informe o usuário da câmera.' })
    .min(1, { message: 'Informe o usuário da câmera.' })
    .max(64, { message: 'Usuário muito longo.' })
    .regex(noControl, { message: 'Usuário com caracteres inválidos.' }),
  password: z
    .string({ error: 'Informe a senha da câmera.' })
    .min(1, { message: 'Informe a senha da câmera.' })
    .max(128, { message: 'Senha muito longa.' })
    .regex(noControl, { message: 'Senha com caracteres inválidos.' }),
});
export type CameraCredentials = z.infer<typeof cameraCredentialsSchema>;

const latitude = z
  .number({ error: 'Informe a latitude.' })
  .min(-90, { message: 'Latitude inválida.' })
  .max(90, { message: 'Latitude inválida.' });
const longitude = z
  .number({ error: 'Informe a longitude.' })
  .min(-180, { message: 'Longitude inválida.' })
  .max(180, { message: 'Longitude inválida.' });

const cameraFields = {
  name: z.string({ error: 'Informe o nome da câmera.' }).trim().min(2, { message: 'Informe o nome da câmera.' }).max(120),
  kind: cameraKindSchema,
  assetSerial: z.string().trim().max(80).nullable().optional(),
  cameraPointId: z.string().trim().min(1).max(80).nullable().optional(),
  host: cameraHostSchema,
  rtspPort: port('RTSP'),
  httpPort: port('HTTP'),
  rtspPath: rtspPathSchema,
  latitude,
  longitude,
  municipalityIbge: ibgeMunicipalityCodeSchema,
  heading: z
    .number({ error: 'Informe a direção (0 a 359°).' })
    .int()
    .min(0, { message: 'Direção deve estar entre 0 e 359°.' })
    .max(359, { message: 'Direção deve estar entre 0 e 359°.' }),
  fieldOfView: z
    .number({ error: 'Informe o campo de visão (1 a 360°).' })
    .int()
    .min(1, { message: 'Campo de visão deve estar entre 1 e 360°.' })
    .max(360, { message: 'Campo de visão deve estar entre 1 e 360°.' }),
  mounting: cameraMountingSchema,
  openToPublic: z.boolean().default(false),
  ingestMode: cameraIngestModeSchema.default('native'),
  rtspTransport: cameraRtspTransportSchema.nullable().optional(),
  streamSource: cameraStreamSourceSchema.default('path'),
};

export const cameraCreateSchema = z
  .object({
    ...cameraFields,
    /** Required for administrators; a partner user's own partner otherwise. */
    partnerId: z.string().uuid({ message: 'Parceiro inválido.' }).optional(),
    credentials: cameraCredentialsSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.rtspPort === v.httpPort)
      ctx.addIssue({ code: 'custom', path: ['httpPort'], message: 'As portas RTSP e HTTP devem ser diferentes.' });
    if (v.kind === 'program_loan' && !v.assetSerial) {
      ctx.addIssue({
        code: 'custom',
        path: ['assetSerial'],
        message: 'Informe o número de série (patrimônio) da câmera cedida pelo programa.',
      });
    }
  });
export type CameraCreateInput = z.output<typeof cameraCreateSchema>;

export const cameraUpdateSchema = z
  .object({
    name: cameraFields.name,
    kind: cameraFields.kind,
    assetSerial: cameraFields.assetSerial,
    cameraPointId: cameraFields.cameraPointId,
    host: cameraFields.host,
    rtspPort: cameraFields.rtspPort,
    httpPort: cameraFields.httpPort,
    rtspPath: cameraFields.rtspPath,
    latitude: cameraFields.latitude,
    longitude: cameraFields.longitude,
    municipalityIbge: cameraFields.municipalityIbge,
    heading: cameraFields.heading,
    fieldOfView: cameraFields.fieldOfView,
    mounting: cameraFields.mounting,
    openToPublic: z.boolean(),
    ingestMode: cameraIngestModeSchema,
    /** null = the media node's default (MEDIA_RTSP_TRANSPORT). */
    rtspTransport: cameraRtspTransportSchema.nullable(),
    streamSource: cameraStreamSourceSchema,
    /** New credentials replace the stored ones; null removes them. */
    credentials: cameraCredentialsSchema.nullable(),
    /** Operators of the partner may disable a camera or put it back in the self-test queue. */
    status: z.enum(['pending', 'disabled'], { error: 'Situação inválida.' }),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nada para alterar.' });
export type CameraUpdateInput = z.output<typeof cameraUpdateSchema>;

export const cameraPublicAccessSchema = z.enum(['not_requested', 'requested', 'approved']);
export type CameraPublicAccess = z.infer<typeof cameraPublicAccessSchema>;
export const cameraPublicAccessLabels: Record<CameraPublicAccess, string> = {
  not_requested: 'Não solicitada',
  requested: 'Solicitada — aguardando a comissão',
  approved: 'Aprovada pela comissão',
};

/** The committee's decision on a partner's request to open a camera to the public. */
export const cameraPublicAccessDecisionSchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().min(10, { message: 'Informe o motivo (ao menos 10 caracteres).' }).max(2000),
});
export type CameraPublicAccessDecision = z.infer<typeof cameraPublicAccessDecisionSchema>;

/**
 * A partner's request to open a camera to the public waiting for the committee (Art. 26 §2): what
 * the committee's screen lists. `streamEligible` says whether an approval would publish it now.
 */
export const cameraPublicAccessRequestSchema = z.object({
  cameraId: z.string(),
  cameraName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  municipalityIbge: z.string(),
  streamEligible: z.boolean(),
  /** Last change of the camera (the request is one of its fields; there is no separate request date). */
  updatedAt: z.string(),
});
export type CameraPublicAccessRequest = z.infer<typeof cameraPublicAccessRequestSchema>;
export const cameraPublicAccessRequestListSchema = z.object({ items: z.array(cameraPublicAccessRequestSchema) });

export const cameraSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  cameraPointId: z.string().nullable(),
  kind: cameraKindSchema,
  assetSerial: z.string().nullable(),
  name: z.string(),
  host: z.string(),
  rtspPort: z.number(),
  httpPort: z.number(),
  rtspPath: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  municipalityIbge: z.string(),
  heading: z.number(),
  fieldOfView: z.number(),
  mounting: cameraMountingSchema,
  /** The partner's request to open the camera to the public (Art. 26 §2); it publishes nothing by itself. */
  openToPublic: z.boolean(),
  /** not_requested | requested (waiting for the committee) | approved (open to the public, when eligible). */
  publicAccess: cameraPublicAccessSchema,
  /** Eligible to stream (active cooperation term, camera tied to an authorised camera point); else only the self-test. */
  streamEligible: z.boolean(),
  ingestMode: cameraIngestModeSchema,
  /** null = the media node's default transport. */
  rtspTransport: cameraRtspTransportSchema.nullable(),
  streamSource: cameraStreamSourceSchema,
  status: cameraStatusSchema,
  hasCredentials: z.boolean(),
  /** RTSP push credentials were generated (camera without a public IP; they are never returned). */
  hasPushCredentials: z.boolean(),
  lastSelfTestAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Camera = z.infer<typeof cameraSchema>;

/** Pages of the camera list and the camera pickers: by name, `cursor` = the last id of the previous page. */
export const cameraPageQuerySchema = z.object({
  partnerId: z.string().uuid().optional(),
  /** Part of the camera's name (case-insensitive). */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().uuid({ message: 'Identificador inválido.' }).optional(),
});
export type CameraPageQuery = z.infer<typeof cameraPageQuerySchema>;

export const cameraListSchema = z.object({
  items: z.array(cameraSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type CameraList = z.infer<typeof cameraListSchema>;

/** What a camera picker shows (issue 13: pages of this, not of full rows). */
export const cameraOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  partnerId: z.string(),
  municipalityIbge: z.string(),
  status: cameraStatusSchema,
  streamEligible: z.boolean(),
});
export type CameraOption = z.infer<typeof cameraOptionSchema>;
export const cameraOptionListSchema = z.object({ items: z.array(cameraOptionSchema), nextCursor: z.string().nullable() });
export type CameraOptionList = z.infer<typeof cameraOptionListSchema>;

/** RTSP push credentials of a camera without a public IP: returned once, when generated. */
export const cameraPushCredentialsSchema = z.object({
  username: z.string(),
  password: z.string(),
  /** rtsp://host:port/push/<camera id>, or rtsps:// when the push listener has TLS (without credentials). */
  url: z.string(),
});
export type CameraPushCredentials = z.infer<typeof cameraPushCredentialsSchema>;

export const cameraIdParamsSchema = z.object({ id: z.string().uuid({ message: 'Identificador inválido.' }) });
export const cameraSelfTestParamsSchema = z.object({
  id: z.string().uuid({ message: 'Identificador inválido.' }),
  testId: z.string().uuid({ message: 'Identificador inválido.' }),
});

// ---------------------------------------------------------------- self-test

export const selfTestStepKeys = ['dns', 'rtsp_port', 'http_port', 'onvif', 'rtsp_stream', 'snapshot'] as const;
export type SelfTestStepKey = (typeof selfTestStepKeys)[number];
export const selfTestStepLabels: Readonly<Record<SelfTestStepKey, string>> = {
  dns: 'Endereço (DNS) e política de rede',
  rtsp_port: 'Porta RTSP acessível',
  http_port: 'Porta HTTP acessível',
  onvif: 'Descoberta ONVIF do fluxo',
  rtsp_stream: 'Vídeo RTSP (autenticação e codec)',
  snapshot: 'Captura de imagem (JPEG)',
};

export const selfTestStepSchema = z.object({
  key: z.enum(selfTestStepKeys),
  label: z.string(),
  outcome: z.enum(['ok', 'fail', 'skipped']),
  durationMs: z.number(),
  /** Stable machine code of the failure (dns_failed, blocked_address, RTSP_AUTH_FAILED, …). */
  code: z.string().nullable(),
  /** What the installer should do, in Portuguese. */
  hint: z.string().nullable(),
});
export type SelfTestStep = z.infer<typeof selfTestStepSchema>;

export const selfTestStreamSchema = z.object({
  codec: z.string(),
  codecString: z.string(),
  width: z.number(),
  height: z.number(),
  fps: z.number().nullable(),
  bitrateKbps: z.number().nullable(),
});

export const cameraSelfTestSchema = z.object({
  id: z.string(),
  cameraId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  steps: z.array(selfTestStepSchema),
  stream: selfTestStreamSchema.nullable(),
  hasSnapshot: z.boolean(),
});
export type CameraSelfTest = z.infer<typeof cameraSelfTestSchema>;
export const cameraSelfTestListSchema = z.object({ items: z.array(cameraSelfTestSchema) });
