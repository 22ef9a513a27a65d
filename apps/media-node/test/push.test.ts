import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  registerCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
  watchLive,
} from './helpers/node-testbed.js';

/**
 * RTSP push (cameras without a public IP): the owner generates push credentials through the API,
 * ffmpeg publishes to the media node, and a live viewer of that camera receives fMP4 — the same path
 * as a pulled camera. On this run's database (PGlite via the gateway, or PostgreSQL). The node also
 * listens with TLS (RTSPS, a self-signed certificate made here with openssl): same credentials,
 * same limits, and the API hands out the rtsps:// URL.
 */
const run = promisify(execFile);
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let admin: Session;
let operator: Session;
let dir: string;
let clip: string;
let cameraId: string;
let otherCameraId: string;
let creds: { username: string; password: string; url: string };
const procs: ChildProcess[] = [];

function publish(url: string, transport = 'tcp') {
  const proc = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-re',
      '-stream_loop',
      '-1',
      '-i',
      clip,
      '-c',
      'copy',
      '-f',
      'rtsp',
      '-rtsp_transport',
      transport,
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  procs.push(proc);
  return { proc, exit: new Promise<number | null>((r) => proc.on('exit', (code) => r(code))), stderr: () => err };
}

const pushUrl = (id: string, user: string, pass: string, scheme = 'rtsp', port = node.push!.port) =>
  `${scheme}://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}/push/${id}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'push-node-'));
  clip = path.join(dir, 'clip.h264');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=25',
    '-t',
    '2',
    '-c:v',
    'libx264',
    '-g',
    '25',
    '-bf',
    '0',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  const tlsEnv = { MEDIA_PUSH_TLS_CERT: path.join(dir, 'cert.pem'), MEDIA_PUSH_TLS_KEY: path.join(dir, 'key.pem') };
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    tlsEnv.MEDIA_PUSH_TLS_KEY,
    '-out',
    tlsEnv.MEDIA_PUSH_TLS_CERT,
  ]);
  // The API sees the same environment as the embedded node: without MEDIA_PUSH_PUBLIC_URL it answers rtsps://<host>:322.
  ({ t, app, gateway } = await startTestApp({
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    MEDIA_PUSH_TLS_CERT: tlsEnv.MEDIA_PUSH_TLS_CERT,
  }));
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'push-node',
    MEDIA_PUSH_PORT: '0',
    MEDIA_PUSH_TLS_PORT: '0',
    ...tlsEnv,
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    ...LIVE_TEST_ENV,
  });
  admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro push');
  const ids: string[] = [];
  for (let k = 1; k <= 2; k++) {
    const camera = await registerCamera(app, admin, {
      partnerId,
      name: `Câmera push ${k}`,
      host: `192.168.10.${k}`,
      rtspPort: 554,
      httpPort: 80,
      rtspPath: '/stream',
      latitude: -15.6 + k / 1000,
    });
    ids.push(camera.id);
  }
  [cameraId, otherCameraId] = ids as [string, string];
}, 180_000);

afterEach(() => {
  for (const p of procs.splice(0)) p.kill('SIGKILL');
});

afterAll(async () => {
  for (const p of procs.splice(0)) p.kill('SIGKILL');
  await stopTestBed({ node, gateway, app, t });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('RTSP push to the media node', () => {
  it('the owner generates push credentials once; they are sealed and audited, never returned again', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/push-credentials`,
      headers: authHeaders(admin),
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    creds = res.json();
    expect(creds.url).toMatch(new RegExp(`^rtsps://.+:322/push/${cameraId}$`));
    expect(creds.password.length).toBeGreaterThanOrEqual(20);
    const cam = await app.inject({ method: 'GET', url: `/api/cameras/${cameraId}`, headers: authHeaders(admin) });
    expect(cam.body).not.toContain(creds.password);
    const row = await t.database.db.execute(sql`SELECT push_credentials::text AS p FROM camera WHERE id = ${cameraId}::uuid`);
    const stored = (row as unknown as { rows: { p: string }[] }).rows[0]!.p;
    expect(stored).not.toContain(creds.password);
    const audit = await t.database.db.execute(
      sql`SELECT data::text AS d FROM audit_event WHERE action = 'camera.push_credentials_generated' AND target_id = ${cameraId}`,
    );
    const rows = (audit as unknown as { rows: { d: string }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.d).not.toContain(creds.password);
    const denied = await app.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/push-credentials`,
      headers: authHeaders(operator),
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
  });

  it('wrong password → 401, nothing accepted; unknown camera / camera without push → 404; UDP → 461', async () => {
    const bad = publish(pushUrl(cameraId, creds.username, 'wrong-password'));
    expect(await bad.exit).not.toBe(0);
    expect(bad.stderr()).toMatch(/401|Unauthorized/i);
    const none = publish(pushUrl('00000000-0000-4000-8000-000000000000', creds.username, creds.password));
    expect(await none.exit).not.toBe(0);
    expect(none.stderr()).toMatch(/404|Not Found/i);
    const noPush = publish(pushUrl(otherCameraId, creds.username, creds.password));
    expect(await noPush.exit).not.toBe(0);
    expect(noPush.stderr()).toMatch(/404|Not Found/i);
    const udp = publish(pushUrl(cameraId, creds.username, creds.password), 'udp');
    expect(await udp.exit).not.toBe(0);
    expect(udp.stderr()).toMatch(/461|Unsupported/i);
    expect(node.upstreams.get(cameraId)).toBeUndefined();
    expect(node.push!.server.stats.sessionsStarted).toBe(0);
  });

  it('ffmpeg publishes: the node takes the lease and a live viewer of that camera receives fMP4', async () => {
    const p = publish(pushUrl(cameraId, creds.username, creds.password));
    await until(() => node.upstreams.get(cameraId)?.client.state === 'playing');
    const lease = await t.database.db.execute(sql`SELECT node_id FROM camera_assignment WHERE camera_id = ${cameraId}::uuid`);
    expect((lease as unknown as { rows: { node_id: string }[] }).rows[0]?.node_id).toBe('push-node');

    const viewer = await watchLive(app, operator, cameraId);
    await viewer.waitBinaries(10);
    expect(viewer.texts.find((m) => m.type === 'codec')).toMatchObject({
      codec: expect.stringMatching(/^avc1\./),
      width: 320,
      height: 240,
    });
    expect(viewer.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp');
    expect(viewer.binaries[1]!.subarray(4, 8).toString()).toBe('moof');
    viewer.close();
    await viewer.closed;
    // Still publishing: the upstream (and the lease) stay although nobody watches.
    await new Promise((r) => setTimeout(r, 800));
    expect(node.upstreams.get(cameraId)?.client.state).toBe('playing');
    p.proc.kill('SIGINT');
    await until(() => node.upstreams.get(cameraId) === undefined);
  });

  it('RTSPS: plain RTSP on the TLS port fails, a wrong password is refused and counted, ffmpeg publishes over TLS to a live viewer', async () => {
    const stats = node.push!.server.stats;
    const tlsPort = node.push!.tlsPort!;
    const started = stats.sessionsStarted;
    const plain = publish(pushUrl(cameraId, creds.username, creds.password, 'rtsp', tlsPort));
    expect(await plain.exit).not.toBe(0);
    expect(stats.sessionsStarted).toBe(started);
    const failures = stats.authFailures;
    const bad = publish(pushUrl(cameraId, creds.username, 'wrong-password', 'rtsps', tlsPort));
    expect(await bad.exit).not.toBe(0);
    expect(bad.stderr()).toMatch(/401|Unauthorized/i);
    expect(stats.authFailures).toBeGreaterThan(failures);

    const tlsBefore = stats.tlsConnections;
    const p = publish(pushUrl(cameraId, creds.username, creds.password, 'rtsps', tlsPort));
    await until(() => node.upstreams.get(cameraId)?.client.state === 'playing');
    expect(stats.tlsConnections).toBeGreaterThan(tlsBefore);
    const viewer = await watchLive(app, operator, cameraId);
    await viewer.waitBinaries(5);
    expect(viewer.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp');
    viewer.close();
    await viewer.closed;
    p.proc.kill('SIGINT');
    await until(() => node.upstreams.get(cameraId) === undefined);
  });
});
