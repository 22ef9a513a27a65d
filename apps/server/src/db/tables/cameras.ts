import type { SelfTestStep } from '@vigia/contracts';
import type { SealedSecret } from '@vigia/secrets';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partners } from './partners.js';

/**
 * A camera shared with the program (SPEC §3.3): owned by a partner, reachable at a public address
 * (IPv4, IPv6 or DDNS name) with its own RTSP and HTTP ports. Login and password exist only
 * sealed (`credentials`, envelope encryption with the camera id as AAD, see @vigia/secrets).
 */
export const cameras = pgTable(
  'camera',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    /** Camera point of an accreditation application; linked later by the accreditation flow. */
    cameraPointId: text('camera_point_id'),
    kind: text('kind', { enum: ['program_loan', 'partner_own'] }).notNull(),
    assetSerial: text('asset_serial'),
    name: text('name').notNull(),
    host: text('host').notNull(),
    rtspPort: integer('rtsp_port').notNull(),
    httpPort: integer('http_port').notNull(),
    rtspPath: text('rtsp_path').notNull(),
    credentials: jsonb('credentials').$type<SealedSecret>(),
    /** RTSP push (publish) credentials, sealed with the AAD "<camera id>:push"; null = push disabled. */
    pushCredentials: jsonb('push_credentials').$type<SealedSecret>(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    heading: integer('heading').notNull(),
    fieldOfView: integer('field_of_view').notNull(),
    mounting: text('mounting', { enum: ['facade', 'pole', 'other'] }).notNull(),
    openToPublic: boolean('open_to_public').notNull().default(false),
    /** How the media node reads the camera: its RTSP client, or ffmpeg copying into it (compatibility). */
    ingestMode: text('ingest_mode', { enum: ['native', 'ffmpeg'] })
      .notNull()
      .default('native'),
    /** RTP transport the media node's RTSP client asks this camera for; null = the node's MEDIA_RTSP_TRANSPORT (ignored in ffmpeg mode). */
    rtspTransport: text('rtsp_transport', { enum: ['tcp', 'udp', 'auto'] }),
    /** Stream from `rtsp_path` ('path') or from the URI the camera reports over ONVIF ('onvif'). */
    streamSource: text('stream_source', { enum: ['path', 'onvif'] })
      .notNull()
      .default('path'),
    status: text('status', { enum: ['pending', 'online', 'offline', 'disabled'] })
      .notNull()
      .default('pending'),
    lastSelfTestAt: timestamp('last_self_test_at', { withTimezone: true }),
    /** First video the platform received from this camera (media node; until it reports, the first successful self-test snapshot — see docs/obligations.md). */
    firstVideoAt: timestamp('first_video_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('camera_partner_idx').on(t.partnerId),
    index('camera_municipality_idx').on(t.municipalityIbge),
    /** The camera list and pickers page by name (issue 13, camera-pages.ts). */
    index('camera_name_id_idx').on(t.name, t.id),
    uniqueIndex('camera_host_rtsp_port_key').on(t.host, t.rtspPort),
    uniqueIndex('camera_host_http_port_key').on(t.host, t.httpPort),
  ],
);

/** One run of the installer self-test, with every step's outcome and hint. */
export const cameraSelfTests = pgTable(
  'camera_self_test',
  {
    id: uuid('id').primaryKey(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    steps: jsonb('steps').$type<SelfTestStep[]>().notNull(),
    stream: jsonb('stream').$type<{
      codec: string;
      codecString: string;
      width: number;
      height: number;
      fps: number | null;
      bitrateKbps: number | null;
    }>(),
    /** File name of the JPEG under DATA_DIR/camera-snapshots, when one was captured. */
    snapshotFile: text('snapshot_file'),
    requestedBy: uuid('requested_by'),
  },
  (t) => [index('camera_self_test_camera_idx').on(t.cameraId, t.startedAt)],
);
