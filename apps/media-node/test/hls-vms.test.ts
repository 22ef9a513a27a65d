import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Integration, IntegrationWithSecret } from '@vigia/contracts';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { newNonce, nonceHash } from '@vigia/testkit/live-client';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { drainSweep } from '../../server/src/jobs/sweep.js';
import { integrationPullAuditSweep } from '../../server/src/modules/integrations/integration-pull-audit.sweep.js';
import { liveViewAuditSweep } from '../../server/src/modules/live/live-view-audit.sweep.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  registerSimulatorCameras,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/**
 * Art. 22 §3 (compatibility with the systems already at CIOSP) and Art. 24: the VMS at CIOSP pulls
 * a camera as HLS from the media node with the credentials of its integration — what a VMS does,
 * done here by a real ffmpeg — and nothing without them. The browser fallback (stream token) uses
 * the same endpoints.
 */
const run = promisify(execFile);
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let admin: Session;
let operator: Session;
const cam: string[] = [];

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const playlistUrl = (cameraId: string) => `${node.url}/hls/${cameraId}/index.m3u8`;
const withCredentials = (url: string, user: string, password: string) => url.replace('http://', `http://${user}:${password}@`);

async function auditCount(action: string, cameraId: string): Promise<number> {
  const r = await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM audit_event WHERE action = ${action} AND target_id = ${cameraId}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 2, extraPorts: 1, size: '640x360', bitrateKbps: 400 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'hls-node',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    MEDIA_SESSION_CHECK_MS: '500',
    MEDIA_HLS_IDLE_SECONDS: '5',
    MEDIA_PUSH: 'off',
    ...LIVE_TEST_ENV,
  });
  admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro HLS');
  cam.push(
    ...(await registerSimulatorCameras(app, admin, sim, { partnerId, count: 2, name: (k) => `Câmera HLS ${k}`, httpPortBase: 51_000 })),
  );
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('Art. 22 §3: the VMS already at CIOSP pulls cameras as HLS with its own credentials', () => {
  let vms: IntegrationWithSecret;

  it('an administrator registers the VMS; the password is shown once and only its hash is stored', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/admin/integrations',
      headers: authHeaders(operator),
      payload: { name: 'VMS CIOSP', unit: 'military_police', cameraIds: [cam[0]] },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/admin/integrations',
      headers: authHeaders(admin),
      payload: { name: 'VMS CIOSP', unit: 'military_police', cameraIds: [cam[0]], allowedCidr: '10.0.0.0/99' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/integrations',
      headers: authHeaders(admin),
      payload: { name: 'VMS CIOSP', unit: 'military_police', cameraIds: [cam[0]], allowedCidr: '127.0.0.0/8' },
    });
    expect(res.statusCode, res.body).toBe(200);
    vms = res.json();
    expect(vms.password).toMatch(/^[\w-]{43}$/);
    expect(vms.integration.cameras).toEqual([{ id: cam[0], name: 'Câmera HLS 1', hlsUrl: playlistUrl(cam[0]!) }]);
    const stored = await t.database.db.execute(sql`SELECT secret_hash FROM vms_integration WHERE id = ${vms.integration.id}::uuid`);
    expect(JSON.stringify((stored as unknown as { rows: unknown[] }).rows)).not.toContain(vms.password);
    const list = await app.inject({ method: 'GET', url: '/api/admin/integrations', headers: authHeaders(admin) });
    expect(list.body).not.toContain(vms.password);
    expect(await auditCount('integration.created', vms.integration.id)).toBe(1);
  });

  it('ffmpeg pulls the playlist and segments with the integration credentials (one upstream, one audited pull session)', async () => {
    const url = withCredentials(vms.integration.cameras[0]!.hlsUrl, vms.integration.username, vms.password);
    // The first request starts the camera; on a loaded machine the first segment may take longer
    // than the node's wait (it then answers 503 + Retry-After, which a VMS retries): do the same.
    await until(
      async () => (await fetch(playlistUrl(cam[0]!), { headers: basic(vms.integration.username, vms.password) })).status === 200,
      60_000,
    );
    const probe = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', url], {
      timeout: 60_000,
    });
    expect(JSON.parse(probe.stdout).streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    const play = await run('ffmpeg', ['-v', 'error', '-nostdin', '-i', url, '-t', '3', '-c', 'copy', '-f', 'framecrc', '-'], {
      timeout: 60_000,
    });
    expect(play.stderr).toBe('');
    const frames = play.stdout.split('\n').filter((l) => /^\d+,/.test(l));
    expect(frames.length).toBeGreaterThanOrEqual(30); // ~3 s of video (the simulator sends 15 fps or more)
    const text = await (await fetch(playlistUrl(cam[0]!), { headers: basic(vms.integration.username, vms.password) })).text();
    expect(text).toMatch(/^#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:\d+\n#EXT-X-MEDIA-SEQUENCE:\d+/);
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4?g=');
    expect(text).toContain('#EXT-X-PROGRAM-DATE-TIME:');
    expect(node.upstreams.sessionsByCamera.get(cam[0]!)).toBe(1);
    // Many playlist and segment requests, one pull session: audited once when it starts.
    await drainSweep(integrationPullAuditSweep(t.database.db));
    expect(await auditCount('integration.pull_started', cam[0]!)).toBe(1);
    const list = await app.inject({ method: 'GET', url: '/api/admin/integrations', headers: authHeaders(admin) });
    expect((list.json().items as Integration[])[0]!.lastUsedAt).not.toBeNull();
  }, 120_000);

  it('refuses without credentials, with a wrong password and for a camera outside the integration — no media', async () => {
    const none = await fetch(playlistUrl(cam[0]!));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(none.headers.get('content-type')).toBe('application/json');
    const wrong = await fetch(`${node.url}/hls/${cam[0]}/init.mp4`, {
      headers: basic(vms.integration.username, `${vms.password.slice(0, -1)}x`),
    });
    expect(wrong.status).toBe(401);
    const other = await fetch(playlistUrl(cam[1]!), { headers: basic(vms.integration.username, vms.password) });
    expect(other.status).toBe(403);
    const forged = await fetch(`${playlistUrl(cam[0]!)}?s=${randomBytes(32).toString('base64url')}`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBeNull();
    expect(node.upstreams.sessionsByCamera.get(cam[1]!)).toBeUndefined(); // never started for a refused request
  });

  it('a rotated password replaces the old one; a revoked integration is refused within seconds', async () => {
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/admin/integrations/${vms.integration.id}/rotate`,
      headers: authHeaders(admin),
      payload: {},
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json() as IntegrationWithSecret;
    expect(fresh.password).not.toBe(vms.password);
    await until(async () => (await fetch(playlistUrl(cam[0]!), { headers: basic(vms.integration.username, vms.password) })).status === 401);
    expect((await fetch(playlistUrl(cam[0]!), { headers: basic(vms.integration.username, fresh.password) })).status).toBe(200);

    const revoked = await app.inject({
      method: 'POST',
      url: `/api/admin/integrations/${vms.integration.id}/revoke`,
      headers: authHeaders(admin),
      payload: { reason: 'Sistema substituído pelo novo VMS' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    await until(
      async () =>
        (await fetch(`${node.url}/hls/${cam[0]}/init.mp4`, { headers: basic(vms.integration.username, fresh.password) })).status === 401,
    );
    const again = await app.inject({
      method: 'POST',
      url: `/api/admin/integrations/${vms.integration.id}/rotate`,
      headers: authHeaders(admin),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('the browser fallback opens an HLS session with the live stream token, renews it, and it is audited as a live view', async () => {
    const nonce = newNonce();
    const tok = async () => {
      const r = await app.inject({
        method: 'POST',
        url: `/api/live/${cam[1]}/token`,
        headers: authHeaders(operator),
        payload: { nonceHash: nonceHash(nonce) },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().token as string;
    };
    const exchange = async (token: string, n = nonce) =>
      fetch(`${node.url}/hls/${cam[1]}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, nonce: n }).toString(),
      });
    // The browser exchanges its token and nonce (POST body, never a URL) for a session, once.
    const opened = await exchange(await tok());
    expect(opened.status, await opened.clone().text()).toBe(201);
    const sid = /s=([\w-]{43})$/.exec(((await opened.json()) as { playlist: string }).playlist)![1]!;
    // The camera starts with the exchange (503 + Retry-After until its first segment, on a loaded machine).
    await until(async () => (await fetch(`${playlistUrl(cam[1]!)}?s=${sid}`)).status === 200, 60_000);
    // A second player (its own token, same nonce) gets its own session.
    expect((await exchange(await tok())).status).toBe(201);
    // Without the nonce the token opens nothing.
    expect((await exchange(await tok(), newNonce())).status).toBe(401);
    const media = await (await fetch(`${playlistUrl(cam[1]!)}?s=${sid}`)).text();
    const segUri = media.trim().split('\n').pop()!;
    expect(segUri).toMatch(new RegExp(`^\\d+\\.m4s\\?s=${sid}$`));
    const seg = Buffer.from(await (await fetch(`${node.url}/hls/${cam[1]}/${segUri}`)).arrayBuffer());
    expect(seg.subarray(4, 8).toString('latin1')).toBe('moof');
    // The session is bound to its camera.
    expect((await fetch(`${playlistUrl(cam[0]!)}?s=${sid}`)).status).toBe(401);
    const renewed = await fetch(`${node.url}/hls/${cam[1]}/renew`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: await tok(), nonce }).toString(),
    });
    expect(renewed.status).toBe(204);
    expect(renewed.headers.get('access-control-allow-origin')).toBe('*');
    await drainSweep(liveViewAuditSweep(t.database.db));
    expect(await auditCount('live.view_started', cam[1]!)).toBe(2); // two players, one session each
  }, 60_000);

  it('HLS packagers stop after the idle time and the upstreams release their leases like live viewers', async () => {
    await until(() => node.hls.packagers.size === 0 && node.upstreams.stats.open === 0, 30_000);
    await until(async () => {
      const r = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM camera_assignment`);
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n === 0;
    });
    await until(async () => {
      await drainSweep(integrationPullAuditSweep(t.database.db));
      return (await auditCount('integration.pull_ended', cam[0]!)) >= 1;
    });
  }, 60_000);
});
