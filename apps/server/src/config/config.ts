import path from 'node:path';
import { recordingStorageEnv, type S3Settings, s3SettingsOf } from '@vigia/contracts/recording-s3';
import { z } from 'zod';
import { isProxyEntry } from '../http/client-address.js';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * Every environment variable the platform reads, parsed once at start-up (STYLE §8).
 * Defaults run on one machine with no external service.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DEMO: bool,
    PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
    ADMIN_EMAIL: z.string().email().default('admin@vigiamais.local'),
    ADMIN_PASSWORD: z.string().min(12).optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
    /** Sign-up and password-reset requests admitted per client address per window (issue 12). */
    SIGN_UP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
    SIGN_UP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
    /** HMAC key of ALTCHA challenges (proof of work on public forms); generated into DATA_DIR/keys when unset. */
    ALTCHA_HMAC_KEY: z.string().optional(),
    /** Upper bound of the ALTCHA search space: the work a browser does (about half of it on average). */
    ALTCHA_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
    /** Lifetime of e-mail confirmation links (hours) and password-reset links (minutes). */
    EMAIL_CONFIRM_HOURS: z.coerce.number().int().min(1).default(48),
    PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).default(60),
    /** Reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For is believed; default none. */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine((v) => splitList(v).every(isProxyEntry), {
        message: 'TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated',
      }),
    /** Map tile URL template the web app was built with (VITE_MAP_TILES_URL); its origin is allowed as an image source by the CSP. */
    MAP_TILES_URL: z.string().url().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    /** Bearer token that lets a non-loopback client read /metrics; unset: /metrics answers loopback only. */
    METRICS_TOKEN: z
      .string()
      .min(16, { message: 'METRICS_TOKEN must have at least 16 characters' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Vigia Mais MT <nao-responda@vigiamais.local>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JOBS: z.enum(['on', 'off']).default('on'),
    WEB_DIST: z.string().optional(),
    EXPORT_SIGNING_KEY: z.string().optional(),
    EXPORT_VERIFY_MAX_MB: z.coerce.number().positive().max(4096).default(300),
    /** Inflated bytes a package sent for verification may produce: all entries together, and one entry (issue 12). */
    EXPORT_VERIFY_INFLATED_MB: z.coerce.number().positive().max(4095).default(1024),
    EXPORT_VERIFY_MAX_ENTRY_MB: z.coerce.number().positive().max(4095).default(512),
    /** Inflated ÷ compressed size an entry past 1 MB may reach (the platform stores its MP4s: ratio 1; an MP4 re-zipped by an OS tool: ~1.01). */
    EXPORT_VERIFY_MAX_RATIO: z.coerce.number().positive().max(1100).default(20),
    UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
    /**
     * Deferred document renders (e.g. criminal-record certificates) this process queues for its own
     * render thread right after commit; beyond it, and after a crash, the render sweep does them.
     * 0: this process never renders in-process (only the sweep does).
     */
    DOCUMENT_RENDER_QUEUE: z.coerce.number().int().min(0).max(100_000).default(10_000),
    /** Master key (base64, 32 bytes) sealing camera credentials; generated into DATA_DIR/keys when unset. */
    CAMERA_SECRETS_KEY: z
      .string()
      .refine((v) => v === '' || Buffer.from(v, 'base64').length === 32, { message: 'CAMERA_SECRETS_KEY must be 32 bytes, base64' })
      .optional(),
    /** Former master keys (comma-separated base64), still accepted to open secrets during a rotation. */
    CAMERA_SECRETS_PREVIOUS_KEYS: z.string().optional(),
    /** CIDR ranges the outbound guard admits even though they are private (e.g. a VPN to camera sites). */
    CAMERA_ALLOWED_RANGES: z.string().optional(),
    /** Base URL cameras without a public IP push to (docs/cameras.md "Câmeras sem IP público"), e.g. rtsp://push.example:8554. */
    MEDIA_PUSH_PUBLIC_URL: z
      .string()
      .regex(/^rtsps?:\/\/[^/\s]+$/, { message: 'MEDIA_PUSH_PUBLIC_URL must look like rtsp://host:port' })
      .optional(),
    /** The embedded media node's RTSPS certificate (same env): without MEDIA_PUSH_PUBLIC_URL, push URLs default to rtsps://<host>:MEDIA_PUSH_TLS_PORT. */
    MEDIA_PUSH_TLS_CERT: z.string().optional(),
    MEDIA_PUSH_TLS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Media node started by the start command as a child process (issue 4, ADR 0004). */
    MEDIA_NODE: z.enum(['on', 'off']).default('on'),
    MEDIA_NODE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    MEDIA_NODE_PUBLIC_URL: z.string().url().optional(),
    /** HMAC key (base64, ≥ 32 bytes) of stream tokens, shared with media nodes; generated into DATA_DIR/keys when unset. */
    STREAM_TOKEN_KEY: z.string().optional(),
    /** Start the camera simulator and register this many demo cameras for the demo partner (needs DEMO=1). */
    DEMO_CAMERAS: z.coerce.number().int().min(0).max(64).default(0),
    /** With DEMO_CAMERAS: one more simulated camera that reports ONVIF PTZ (its picture really pans and zooms). The start command turns it on. */
    DEMO_PTZ: z.enum(['on', 'off']).default('off'),
    /** Days a site has, from when its camera may stream, to show the program's plate (approved photo) before an obligation case opens. */
    SIGNAGE_PLATE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Days before the end of a protection mission's period when the coordination and the team are reminded (Art. 11 §1). */
    PROTECTION_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(2),
    /** Retention of cameras without a recording_policy row: days, or "keep" (Art. 25). BH profile: 7. */
    RECORDING_RETENTION_DAYS: z.union([z.literal('keep'), z.coerce.number().int().min(1).max(3650)]).default(7),
    /** Free-space floor of DATA_DIR/recordings: below it the oldest unlocked footage is deleted. */
    RECORDING_MIN_FREE_GB: z.coerce.number().min(0).default(5),
    /** Files under recordings/ unknown to the index older than this are quarantined, then deleted as long after. */
    RECORDING_ORPHAN_HOURS: z.coerce.number().min(0.01).default(24),
    /** A monitored camera down longer than this raises a CIOSP alert and e-mails its partner (and again when it is back). */
    HEALTH_ALERT_AFTER_MINUTES: z.coerce.number().min(0).default(10),
    /** A camera_health row not refreshed for this long means its media node is gone: an outage (node_lost) is opened. */
    HEALTH_STALE_SECONDS: z.coerce.number().int().min(10).default(120),
    /** A PTZ lock whose holder has not acted for this long is free for anyone. */
    PTZ_LOCK_IDLE_SECONDS: z.coerce.number().int().min(1).default(60),
    /** A PTZ camera moved and then left alone this long goes back to its approved preset. */
    PTZ_RETURN_AFTER_SECONDS: z.coerce.number().int().min(1).default(300),
    /** Who may take a PTZ camera over from whom, highest first: roles, or operator:<unit> for an operations-centre unit. */
    PTZ_PRIORITY: z.string().default('operator:intelligence,admin,operator,regional_operator,partner_user'),
    /** Whether a partner may drive its own (not the program's) PTZ cameras. */
    PTZ_PARTNER_DRIVES_OWN: z.enum(['true', 'false']).default('true'),
    /** Each camera's view is compared with its approved reference this often (view-change detection). */
    VIEW_CHECK_INTERVAL_MINUTES: z.coerce.number().min(0).default(10),
    /** Hamming distance (of 64 bits of the perceptual hash) above which a camera's view changed. */
    VIEW_CHECK_THRESHOLD: z.coerce.number().int().min(1).max(63).default(12),
    /** ONVIF motion/tamper events are pulled from the cameras' PullPoint subscriptions this often; 0 = off. */
    ONVIF_EVENTS_PULL_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    /** gov.br Login Único (OIDC): issuer, client and redirect; unset: citizen services that need sign-in are unavailable. */
    GOVBR_ISSUER: z
      .string()
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    GOVBR_CLIENT_ID: z.string().optional(),
    GOVBR_CLIENT_SECRET: z.string().optional(),
    /** Default: PUBLIC_URL + /api/citizen/auth/callback. */
    GOVBR_REDIRECT_URI: z.string().url().optional(),
    /** Base URL of the reliability-level API (gov.br: api.acesso.gov.br); default: the issuer. */
    GOVBR_RELIABILITY_URL: z.string().url().optional(),
    CITIZEN_SESSION_HOURS: z.coerce.number().min(0.25).max(24).default(2),
    /** Validity of a criminal-record certificate (days). */
    CRIMINAL_CERTIFICATE_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(90),
    /** Longest consent link a citizen may give an employer (days). */
    CONSENT_LINK_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Certificate requests a citizen may make per day, and public certificate checks per client address per minute. */
    CRIMINAL_CERTIFICATE_PER_DAY: z.coerce.number().int().min(1).default(10),
    CERTIFICATE_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Public warrant and vehicle lookups per client address per minute (both services share the count). */
    LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** HMAC key of the person keys of name-based lookups ("who looked me up"); default: generated into DATA_DIR/keys. */
    LOOKUP_PERSON_KEY: z.string().min(16).optional(),
    /**
     * Days after a non-injury accident within which it may still be declared online. 30 is the
     * platform's default, not a legal rule: set it to the state traffic police's own rule.
     */
    ACCIDENT_DECLARATION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** LGPD retention (years) of certificates and their PDFs after validity ends, of lookups, and of consent links after expiry. */
    CITIZEN_CERTIFICATE_RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(5),
    CITIZEN_LOOKUP_RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(5),
    CITIZEN_CONSENT_LINK_RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(5),
    /** LGPD retention (years) of decided accident declarations (parties, history, photos, certificate) after the decision. */
    CITIZEN_ACCIDENT_RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(5),
    /** UPF-MT in force (reais, e.g. 245.75) and the month it refers to; unset: fees cannot be charged. */
    UPF_MT_VALUE: z.coerce.number().positive().optional(),
    UPF_MT_REFERENCE: z.string().default(''),
    /** Second copy of the identity card, in UPF-MT (the state's fee table). */
    IDENTITY_CARD_SECOND_COPY_UPF: z.coerce.number().positive().optional(),
    /** Days from issue to the due date of a fee's payment slip. */
    FEE_DUE_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** The state's Pix key receiving fees, and the payee shown in the BR Code. */
    PIX_KEY: z.string().optional(),
    PIX_MERCHANT_NAME: z.string().max(25).default('SESP MT'),
    PIX_MERCHANT_CITY: z.string().max(15).default('CUIABA'),
    /** HMAC-SHA256 key of the payment webhook the bank/PSP calls. */
    TREASURY_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** RECORDING_STORAGE=s3: evidence copies are locked this many days ahead, extended while their lock stays active. */
    RECORDING_EVIDENCE_LOCK_DAYS: z.coerce.number().min(0.0001).max(3650).default(30),
    /** RECORDING_STORAGE=s3: a closed segment still not uploaded after this long raises `recording_upload_backlog`. */
    RECORDING_UPLOAD_ALERT_MINUTES: z.coerce.number().min(0).default(5),
  })
  .extend(recordingStorageEnv.shape);

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  recording: { defaultRetentionDays: number | null; minFreeBytes: number; orphanAgeMs: number };
  /** RECORDING_STORAGE=s3 (ADR 0008): bucket, evidence bucket and Object Lock; undefined = local disk only. */
  objectStorage: { s3: S3Settings; evidenceLockMs: number; uploadAlertMs: number } | undefined;
  health: { alertAfterMs: number; staleMs: number };
  signage: { plateDeadlineDays: number };
  protection: { reminderDays: number };
  ptz: { lockIdleMs: number; returnAfterMs: number; priority: string[]; partnerDrivesOwn: boolean };
  viewCheck: { intervalMs: number; threshold: number };
  /** ONVIF PullPoint events: pull cycle in seconds, 0 = off. */
  onvifEvents: { pullSeconds: number };
  publicUrl: string;
  /** Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES); empty: none. */
  trustedProxies: string[];
  /** Bearer token for /metrics from outside loopback (METRICS_TOKEN); unset: loopback only. */
  metricsToken: string | undefined;
  /** Origin of the map tiles (MAP_TILES_URL), allowed in the pages' CSP img-src. */
  mapTilesOrigin: string;
  admin: { email: string; password: string | undefined };
  session: { idleMs: number; absoluteMs: number; secureCookie: boolean };
  login: { maxFailures: number; lockMs: number; ipMaxFailures: number; windowMs: number };
  mail: { smtpUrl: string | undefined; from: string };
  /** Public account requests: per-address limit, proof of work, link lifetimes (issue 12, item 6). */
  accountSecurity: {
    maxPerAddress: number;
    windowMs: number;
    altchaHmacKey: string | undefined;
    altchaMaxNumber: number;
    confirmTtlMs: number;
    resetTtlMs: number;
  };
  logLevel: Env['LOG_LEVEL'];
  jobs: boolean;
  webDist: string;
  uploads: { maxBytes: number };
  /** Deferred document renders: how many this process queues for its render thread (0: sweep only). */
  documents: { renderQueue: number };
  /** Ed25519 key of export manifests (PEM or base64 PKCS#8; generated into DATA_DIR/keys when unset). */
  exports: {
    signingKey: string | undefined;
    verifyMaxBytes: number;
    verifyZip: { maxEntries: number; maxEntryBytes: number; maxTotalBytes: number; maxRatio: number };
  };
  cameras: {
    secretsKey: string | undefined;
    previousKeys: string[];
    allowedRanges: string[];
    enforceOutbound: boolean;
    pushPublicUrl?: string | undefined;
    pushTlsPort?: number | undefined;
  };
  media: {
    node: boolean;
    nodePort: number;
    nodePublicUrl: string | undefined;
    streamTokenKey: string | undefined;
    demoCameras: number;
    demoPtz: boolean;
  };
  /** Citizen services (issue 15): gov.br sign-in (null: not configured) and certificate rules. */
  citizen: {
    govbr: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; reliabilityUrl: string } | null;
    sessionMs: number;
    certificateValidityDays: number;
    consentLinkMaxDays: number;
    certificatesPerDay: number;
    checksPerMinute: number;
    /** Public warrant and vehicle lookups per client address per minute (shared by both). */
    lookupsPerMinute: number;
    lookupPersonKey: string | undefined;
    accidentDeclarationMaxDays: number;
    /** LGPD retention periods in years (docs/citizen-services.md, "LGPD"). */
    retention: { certificateYears: number; lookupYears: number; consentLinkYears: number; accidentYears: number };
  };
  /** Security fees (issue 15): UPF-MT in force, Pix payee, webhook key; fee counts per service in UPF. */
  fees: {
    upf: { valueCents: number; reference: string } | null;
    pix: { key: string; merchantName: string; merchantCity: string } | null;
    dueDays: number;
    webhookSecret: string | undefined;
    identityCardSecondCopyUpf: number | null;
  };
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    // Relative paths are taken from where the command was typed (npm's INIT_CWD), so `npm -w … run`
    // from the repository root and `bash scripts/start.sh` agree on ./data.
    dataDir: path.resolve(source.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DEMO,
    recording: {
      defaultRetentionDays: e.RECORDING_RETENTION_DAYS === 'keep' ? null : e.RECORDING_RETENTION_DAYS,
      minFreeBytes: Math.round(e.RECORDING_MIN_FREE_GB * 1024 ** 3),
      orphanAgeMs: Math.round(e.RECORDING_ORPHAN_HOURS * 3_600_000),
    },
    objectStorage: objectStorageOf(e),
    health: { alertAfterMs: Math.round(e.HEALTH_ALERT_AFTER_MINUTES * 60_000), staleMs: e.HEALTH_STALE_SECONDS * 1000 },
    signage: { plateDeadlineDays: e.SIGNAGE_PLATE_DEADLINE_DAYS },
    protection: { reminderDays: e.PROTECTION_REMINDER_DAYS },
    ptz: {
      lockIdleMs: e.PTZ_LOCK_IDLE_SECONDS * 1000,
      returnAfterMs: e.PTZ_RETURN_AFTER_SECONDS * 1000,
      priority: splitList(e.PTZ_PRIORITY),
      partnerDrivesOwn: e.PTZ_PARTNER_DRIVES_OWN === 'true',
    },
    viewCheck: { intervalMs: Math.round(e.VIEW_CHECK_INTERVAL_MINUTES * 60_000), threshold: e.VIEW_CHECK_THRESHOLD },
    onvifEvents: { pullSeconds: e.ONVIF_EVENTS_PULL_SECONDS },
    publicUrl: e.PUBLIC_URL,
    trustedProxies: splitList(e.TRUSTED_PROXIES),
    metricsToken: e.METRICS_TOKEN,
    mapTilesOrigin: new URL(e.MAP_TILES_URL.replace(/[{}]/g, '')).origin,
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookie: production,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      windowMs: 15 * 60_000,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    accountSecurity: {
      maxPerAddress: e.SIGN_UP_MAX_PER_ADDRESS,
      windowMs: e.SIGN_UP_WINDOW_MINUTES * 60_000,
      altchaHmacKey: e.ALTCHA_HMAC_KEY || undefined,
      altchaMaxNumber: e.ALTCHA_MAX_NUMBER,
      confirmTtlMs: e.EMAIL_CONFIRM_HOURS * 3_600_000,
      resetTtlMs: e.PASSWORD_RESET_MINUTES * 60_000,
    },
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS === 'on',
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    uploads: { maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024) },
    documents: { renderQueue: e.DOCUMENT_RENDER_QUEUE },
    exports: {
      signingKey: e.EXPORT_SIGNING_KEY,
      verifyMaxBytes: Math.round(e.EXPORT_VERIFY_MAX_MB * 1024 * 1024),
      verifyZip: {
        maxEntries: 5000,
        maxTotalBytes: Math.round(e.EXPORT_VERIFY_INFLATED_MB * 1024 * 1024),
        maxEntryBytes: Math.round(e.EXPORT_VERIFY_MAX_ENTRY_MB * 1024 * 1024),
        maxRatio: e.EXPORT_VERIFY_MAX_RATIO,
      },
    },
    cameras: {
      secretsKey: e.CAMERA_SECRETS_KEY || undefined,
      previousKeys: splitList(e.CAMERA_SECRETS_PREVIOUS_KEYS),
      allowedRanges: splitList(e.CAMERA_ALLOWED_RANGES),
      enforceOutbound: production,
      pushPublicUrl: e.MEDIA_PUSH_PUBLIC_URL,
      pushTlsPort: e.MEDIA_PUSH_TLS_CERT ? e.MEDIA_PUSH_TLS_PORT || 322 : undefined,
    },
    media: {
      node: e.MEDIA_NODE === 'on',
      nodePort: e.MEDIA_NODE_PORT,
      nodePublicUrl: e.MEDIA_NODE_PUBLIC_URL,
      streamTokenKey: e.STREAM_TOKEN_KEY || undefined,
      demoCameras: e.DEMO_CAMERAS,
      demoPtz: e.DEMO_PTZ === 'on',
    },
    citizen: {
      govbr:
        e.GOVBR_ISSUER && e.GOVBR_CLIENT_ID && e.GOVBR_CLIENT_SECRET
          ? {
              issuer: e.GOVBR_ISSUER,
              clientId: e.GOVBR_CLIENT_ID,
              clientSecret: e.GOVBR_CLIENT_SECRET,
              redirectUri: e.GOVBR_REDIRECT_URI ?? `${e.PUBLIC_URL.replace(/\/$/, '')}/api/citizen/auth/callback`,
              reliabilityUrl: e.GOVBR_RELIABILITY_URL ?? e.GOVBR_ISSUER,
            }
          : null,
      sessionMs: Math.round(e.CITIZEN_SESSION_HOURS * 3_600_000),
      certificateValidityDays: e.CRIMINAL_CERTIFICATE_VALIDITY_DAYS,
      consentLinkMaxDays: e.CONSENT_LINK_MAX_DAYS,
      certificatesPerDay: e.CRIMINAL_CERTIFICATE_PER_DAY,
      checksPerMinute: e.CERTIFICATE_CHECKS_PER_MINUTE,
      lookupsPerMinute: e.LOOKUPS_PER_MINUTE,
      lookupPersonKey: e.LOOKUP_PERSON_KEY,
      accidentDeclarationMaxDays: e.ACCIDENT_DECLARATION_MAX_DAYS,
      retention: {
        certificateYears: e.CITIZEN_CERTIFICATE_RETENTION_YEARS,
        lookupYears: e.CITIZEN_LOOKUP_RETENTION_YEARS,
        consentLinkYears: e.CITIZEN_CONSENT_LINK_RETENTION_YEARS,
        accidentYears: e.CITIZEN_ACCIDENT_RETENTION_YEARS,
      },
    },
    fees: {
      upf: e.UPF_MT_VALUE ? { valueCents: Math.round(e.UPF_MT_VALUE * 100), reference: e.UPF_MT_REFERENCE } : null,
      pix: e.PIX_KEY ? { key: e.PIX_KEY, merchantName: e.PIX_MERCHANT_NAME, merchantCity: e.PIX_MERCHANT_CITY } : null,
      dueDays: e.FEE_DUE_DAYS,
      webhookSecret: e.TREASURY_WEBHOOK_SECRET,
      identityCardSecondCopyUpf: e.IDENTITY_CARD_SECOND_COPY_UPF ?? null,
    },
  };
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function objectStorageOf(e: Env): Config['objectStorage'] {
  let s3: S3Settings | undefined;
  try {
    s3 = s3SettingsOf(e);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return s3
    ? {
        s3,
        evidenceLockMs: Math.round(e.RECORDING_EVIDENCE_LOCK_DAYS * 86_400_000),
        uploadAlertMs: Math.round(e.RECORDING_UPLOAD_ALERT_MINUTES * 60_000),
      }
    : undefined;
}
