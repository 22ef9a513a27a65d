import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { recordingPolicies } from '../../server/src/db/schema.js';
import { FfmpegSource } from '../src/ffmpeg-source.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  registerCamera as registerTestCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
  watchLive,
} from './helpers/node-testbed.js';

/**
 * Compatibility ingest (docs/cameras.md "Modo ffmpeg"): a camera registered with ingestMode
 * "ffmpeg" is read by one real ffmpeg process that copies its video into the node; live viewers,
 * the lease and health behave as for a natively read camera. Real GStreamer camera, real ffmpeg,
 * on this run's database.
 */
const streamKey = randomBytes(32);
const cameraPassword = 'camera-pass-5150';
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let admin: Session;
let operator: Session;
let partnerId: string;

/** ffmpeg processes started by this test process (the media node runs in it), with their command lines. */
function ffmpegChildren(): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const m = /^\d+ \((.*)\) (\S) (\d+)/.exec(stat);
      if (!m || m[1] !== 'ffmpeg' || m[2] === 'Z' || Number(m[3]) !== process.pid) continue;
      out.push({ pid: Number(entry), cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

async function registerCamera(name: string, port: number, password: string): Promise<string> {
  const camera = await registerTestCamera(app, admin, {
    partnerId,
    name,
    rtspPort: port,
    httpPort: port + 1,
    credentials: { username: sim.user, password },
    ingestMode: 'ffmpeg',
  });
  expect(camera.ingestMode).toBe('ffmpeg');
  return camera.id;
}

const watch = (cameraId: string) => watchLive(app, operator, cameraId);

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 1, extraPorts: 1, size: '320x240', bitrateKbps: 2000, password: cameraPassword });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'ffmpeg-node',
    MEDIA_PUSH: 'off',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    ...LIVE_TEST_ENV,
  });
  admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  partnerId = await createPartner(t.database, 'Parceiro ffmpeg');
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('ffmpeg ingest mode (compatibility)', () => {
  it('is a camera field: native by default, editable and audited, an unknown mode refused', async () => {
    const body = {
      partnerId,
      kind: 'partner_own',
      name: 'Câmera modo',
      host: '127.0.0.1',
      rtspPort: 1554,
      httpPort: 1580,
      rtspPath: '/cam1',
      latitude: -15.6,
      longitude: -56.1,
      municipalityIbge: '5103403',
      heading: 0,
      fieldOfView: 90,
      mounting: 'pole',
    };
    const created = await app.inject({ method: 'POST', url: '/api/cameras', headers: authHeaders(admin), payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().ingestMode).toBe('native');
    const id = created.json().id as string;
    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: authHeaders(admin),
      payload: { ingestMode: 'ffmpeg' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().ingestMode).toBe('ffmpeg');
    const audit = await t.database.db.execute(sql`SELECT data FROM audit_event WHERE action = 'camera.updated' AND target_id = ${id}`);
    expect((audit as unknown as { rows: { data: { changed: string[] } }[] }).rows[0]!.data.changed).toEqual(['ingestMode']);
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: authHeaders(admin),
      payload: { ingestMode: 'gstreamer' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error)).toContain('Modo de ingestão inválido.');
    await app.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: authHeaders(admin) });
  });

  it('one ffmpeg per camera feeds every viewer; the camera password is not on its command line; it ends with the last viewer', async () => {
    const cameraId = await registerCamera('Câmera ffmpeg', sim.port, cameraPassword);
    const a = await watch(cameraId);
    await a.waitBinaries(5);
    const b = await watch(cameraId);
    await b.waitBinaries(3);
    expect(a.texts.find((m) => m.type === 'codec')).toMatchObject({ codec: expect.stringMatching(/^avc1\./), width: 320, height: 240 });
    expect(a.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp');
    expect(b.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp');

    // The camera's single upstream is ffmpeg: no native RTSP client for it, one ffmpeg process.
    const up = node.upstreams.get(cameraId)!;
    expect(up.client).toBeInstanceOf(FfmpegSource);
    expect(node.upstreams.stats.clientsStarted).toBe(1);
    const procs = ffmpegChildren();
    expect(procs).toHaveLength(1);
    expect(procs[0]!.pid).toBe((up.client as FfmpegSource).pid);
    expect(procs[0]!.cmdline).not.toContain(cameraPassword);
    expect(procs[0]!.cmdline).not.toContain(String(sim.port));
    // A steady stream, not a series of restarts (a burst bigger than one RTSP read once broke it).
    await a.waitBinaries(40);
    expect(up.client.stats.reconnects).toBe(0);
    expect(up.client.state).toBe('playing');

    a.close();
    b.close();
    await Promise.all([a.closed, b.closed]);
    await until(() => node.upstreams.stats.open === 0 && ffmpegChildren().length === 0);
    await until(async () => {
      const r = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM camera_assignment WHERE camera_id = ${cameraId}::uuid`);
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n === 0;
    });
  });

  it('a wrong camera password shows as auth_failed in health and in the outage cause', async () => {
    const cameraId = await registerCamera('Câmera ffmpeg senha errada', sim.extraPorts[0]!, 'wrong-password');
    await t.database.db.insert(recordingPolicies).values({ cameraId, enabled: true, retentionDays: 7 });
    await until(async () => {
      const r = await t.database.db.execute(
        sql`SELECT h.last_error, o.cause FROM camera_health h LEFT JOIN camera_outage o ON o.camera_id = h.camera_id AND o.ended_at IS NULL WHERE h.camera_id = ${cameraId}::uuid`,
      );
      const row = (r as unknown as { rows: { last_error: string | null; cause: string | null }[] }).rows[0];
      return Boolean(row?.last_error?.startsWith('RTSP_AUTH_FAILED') && row.cause === 'auth_failed');
    }, 20_000);
    const health = await t.database.db.execute(sql`SELECT last_error FROM camera_health WHERE camera_id = ${cameraId}::uuid`);
    expect(String((health as unknown as { rows: { last_error: string }[] }).rows[0]!.last_error)).not.toContain('wrong-password');
    expect(node.upstreams.get(cameraId)!.client).toBeInstanceOf(FfmpegSource);
  });
});
