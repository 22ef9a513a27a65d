import { z } from 'zod';

/**
 * Playback from a partner's own recorder (Art. 25 §2; SPEC §3.4): the NVR's playback RTSP URL as a
 * template. Tokens:
 *
 *   {host} {port}            the camera's address and RTSP port (an NVR channel registered as the
 *                            camera); a custom template may name another host instead
 *   {channel}                the NVR channel (1, 2, …)
 *   {start@ZONE:FORMAT}      start / end of the range, formatted in an explicit time zone:
 *   {end@ZONE:FORMAT}        ZONE = `utc`, `local` (the NVR's zone, America/Cuiaba by default) or an
 *                            IANA name; FORMAT letters yyyy MM dd HH mm ss, anything in '…' literal
 *
 * NVRs usually want their own local time; Hikvision firmware even reads `…T…Z` as local time, so its
 * preset formats local time followed by a literal Z. The zone is always written in the token so
 * that nobody has to guess.
 */
export const NVR_DEFAULT_TIME_ZONE = 'America/Cuiaba';

export const nvrPresets = {
  hikvision:
    "rtsp://{host}:{port}/Streaming/tracks/{channel}01?starttime={start@local:yyyyMMdd'T'HHmmss'Z'}&endtime={end@local:yyyyMMdd'T'HHmmss'Z'}",
  dahua:
    'rtsp://{host}:{port}/cam/playback?channel={channel}&subtype=0&starttime={start@local:yyyy_MM_dd_HH_mm_ss}&endtime={end@local:yyyy_MM_dd_HH_mm_ss}',
} as const;
export type NvrPreset = keyof typeof nvrPresets | 'custom';

const TOKEN = /\{([a-z]+)(?:@([A-Za-z_/+-]+))?(?::([^}]*))?\}/g;
const FORMAT = /yyyy|MM|dd|HH|mm|ss|'[^']*'/g;

function zoneOf(zone: string, local: string): string {
  return zone === 'utc' ? 'UTC' : zone === 'local' ? local : zone;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** pt-BR problem of a template, or undefined when it is usable. */
export function nvrTemplateProblem(template: string): string | undefined {
  if (!/^rtsp:\/\//i.test(template)) return 'O endereço do gravador deve começar com rtsp://';
  if (/\s/.test(template)) return 'O endereço do gravador não pode ter espaços.';
  let hasStart = false;
  for (const m of template.matchAll(TOKEN)) {
    const [, name, zone, format] = m;
    if (name === 'host' || name === 'port' || name === 'channel') {
      if (zone || format !== undefined) return `Marcador {${name}} não aceita fuso nem formato.`;
      continue;
    }
    if (name !== 'start' && name !== 'end') return `Marcador desconhecido: {${name}}.`;
    if (!zone) return `Informe o fuso no marcador {${name}}: {${name}@utc:…} ou {${name}@local:…}.`;
    if (!validZone(zoneOf(zone, NVR_DEFAULT_TIME_ZONE))) return `Fuso desconhecido: ${zone}.`;
    const rest = format?.replace(FORMAT, '');
    if (!format || rest === format || rest!.replace(/[-_:./ ]/g, '') !== '')
      return `Formato de data inválido em {${name}}: use yyyy MM dd HH mm ss e textos entre aspas simples.`;
    if (name === 'start') hasStart = true;
  }
  if (!hasStart) return "O endereço do gravador precisa do marcador de início, por exemplo {start@local:yyyyMMdd'T'HHmmss}.";
  if (/[{}]/.test(template.replace(TOKEN, ''))) return 'Chaves { } sem marcador válido no endereço do gravador.';
  return undefined;
}

/** Wall-clock fields of an instant in a time zone. */
function fields(at: Date, timeZone: string): Record<'yyyy' | 'MM' | 'dd' | 'HH' | 'mm' | 'ss', string> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { yyyy: get('year'), MM: get('month'), dd: get('day'), HH: get('hour'), mm: get('minute'), ss: get('second') };
}

export function formatInstant(at: Date, format: string, timeZone: string): string {
  const f = fields(at, timeZone);
  return format.replace(FORMAT, (t) => (t.startsWith("'") ? t.slice(1, -1) : f[t as keyof typeof f]));
}

export interface NvrTemplateValues {
  host: string;
  port: number;
  channel: number;
  start: Date;
  end: Date;
  /** The NVR's zone for `@local` (default America/Cuiaba). */
  localTimeZone?: string;
}

/** The RTSP URL for a range (throws on a template that `nvrTemplateProblem` refuses). */
export function expandNvrTemplate(template: string, v: NvrTemplateValues): string {
  const problem = nvrTemplateProblem(template);
  if (problem) throw new Error(problem);
  const local = v.localTimeZone ?? NVR_DEFAULT_TIME_ZONE;
  return template.replace(TOKEN, (_, name: string, zone: string | undefined, format: string | undefined) => {
    if (name === 'host') return v.host.includes(':') && !v.host.startsWith('[') ? `[${v.host}]` : v.host;
    if (name === 'port') return String(v.port);
    if (name === 'channel') return String(v.channel);
    return formatInstant(name === 'start' ? v.start : v.end, format!, zoneOf(zone!, local));
  });
}

export const nvrPresetSchema = z.enum(['hikvision', 'dahua', 'custom']);

export const cameraNvrSchema = z.object({
  configured: z.boolean(),
  preset: nvrPresetSchema.nullable(),
  urlTemplate: z.string().nullable(),
  channel: z.number().int().nullable(),
  /** Own NVR login stored (never returned); without one the camera's login is used. */
  hasCredentials: z.boolean(),
  /**
   * The integrator company whose own recorder keeps the copy of a client's camera (Art. 25 §2;
   * seed 002 BH + Segura); null: the camera owner's recorder.
   */
  keptBy: z.object({ partnerId: z.string().uuid(), name: z.string() }).nullable(),
});
export type CameraNvr = z.infer<typeof cameraNvrSchema>;

export const cameraNvrUpdateSchema = z.object({
  preset: nvrPresetSchema,
  urlTemplate: z
    .string()
    .trim()
    .max(500)
    .superRefine((v, ctx) => {
      const p = nvrTemplateProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    }),
  channel: z.number().int().min(1).max(256),
  /** Absent: keep the stored login; null: remove it; object: replace it. */
  credentials: z
    .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
    .nullable()
    .optional(),
  /**
   * The managing integrator records its own recorder as the client camera's NVR (true), or the
   * client's own (false); absent: unchanged.
   */
  keptByIntegrator: z.boolean().optional(),
});
export type CameraNvrUpdate = z.infer<typeof cameraNvrUpdateSchema>;
