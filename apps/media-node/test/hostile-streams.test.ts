import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { liveCloseCodes } from '@vigia/contracts';
import { signStreamToken } from '@vigia/contracts/stream-token';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { newNonce, nonceHash, openLive } from '@vigia/testkit/live-client';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import type { MediaNode } from '../src/node.js';
import { createPartner, LIVE_TEST_ENV, registerCamera, startTestApp, startTestNode, stopTestBed, until } from './helpers/node-testbed.js';

/**
 * Issue 12 "Hostile users", the media node's share: a camera not eligible to stream gets no
 * publisher, no viewer and no lease even with a validly signed token; a live attempt with the wrong
 * nonce does not spend the real client's token; the HLS fallback takes the token only in the body
 * of a single-use exchange, so a replayed exchange gets no viewer session. Nothing is written by the
 * refusals (no live_view, no lease).
 */
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let admin: Session;
let operator: Session;
let eligible: string;
let ineligible: string;
const procs: ChildProcess[] = [];

const wsUrl = (cameraId: string) => `${node.url.replace(/^http/, 'ws')}/live/${cameraId}`;

async function liveToken(cameraId: string, nonce: string): Promise<{ token: string; url: string }> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/live/${cameraId}/token`,
    headers: authHeaders(operator),
    payload: { nonceHash: nonceHash(nonce) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function rows(table: 'live_view' | 'camera_assignment', cameraId: string): Promise<number> {
  const r = (await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE camera_id = ${cameraId}::uuid`,
  )) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 1, extraPorts: 1, size: '320x240', bitrateKbps: 300 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'hostile-node',
    MEDIA_PUSH_PORT: '0',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    ...LIVE_TEST_ENV,
  });
  admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro com termo');
  const draftPartner = await createPartner(t.database, 'Parceiro B (pedido em rascunho)');
  const credentials = { username: sim.user, password: sim.password };
  eligible = (await registerCamera(app, admin, { partnerId, name: 'Elegível', rtspPort: sim.port, httpPort: 51_001, credentials })).id;
  ineligible = (
    await registerCamera(app, admin, {
      partnerId: draftPartner,
      name: 'Padrão de teste do parceiro B',
      rtspPort: sim.extraPorts[0]!,
      httpPort: 51_002,
      rtspPath: '/cam1',
      openToPublic: true,
      eligible: false,
      credentials,
    })
  ).id;
}, 180_000);

afterAll(async () => {
  for (const p of procs) p.kill('SIGKILL');
  await stopTestBed({ node, gateway, sim, app, t });
});

describe('item 3 on the media node — a camera not eligible to stream reaches nobody', () => {
  it('its publisher is refused, a validly signed token opens nothing, and no lease or view is written', async () => {
    const creds = await app.inject({ method: 'POST', url: `/api/cameras/${ineligible}/push-credentials`, headers: authHeaders(admin) });
    expect(creds.statusCode, creds.body).toBe(201);
    const { username, password } = creds.json() as { username: string; password: string };
    const url = `rtsp://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${node.push!.port}/push/${ineligible}`;
    const proc = spawn(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '3'].concat([
        '-c:v',
        'libx264',
        '-g',
        '25',
        '-pix_fmt',
        'yuv420p',
        '-f',
        'rtsp',
        '-rtsp_transport',
        'tcp',
        url,
      ]),
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    procs.push(proc);
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((r) => proc.on('exit', (c) => r(c)));
    expect(code, stderr).not.toBe(0);
    expect(stderr).toMatch(/404|Not Found|Server returned/i);

    // A token signed with the real key (as if the API had been fooled) still opens nothing.
    const nonce = newNonce();
    const { token } = signStreamToken(streamKey, {
      cam: ineligible,
      act: 'live',
      node: 'hostile-node',
      sub: null,
      sid: null,
      cnf: nonceHash(nonce),
      ttlMs: 30_000,
    });
    const viewer = openLive(wsUrl(ineligible), token, nonce);
    const closed = await viewer.closed;
    expect(closed.code).toBe(liveCloseCodes.forbidden);
    expect(viewer.binaries).toHaveLength(0);
    expect(node.upstreams.get(ineligible)).toBeUndefined();
    expect(await rows('camera_assignment', ineligible)).toBe(0);
    expect(await rows('live_view', ineligible)).toBe(0);
  }, 60_000);
});

describe('item 10 — live tokens and the HLS fallback cannot be stolen or replayed', () => {
  it('an attempt with the wrong nonce does not spend the token: the real client then plays', async () => {
    const nonce = newNonce();
    const tok = await liveToken(eligible, nonce);
    const thief = openLive(tok.url, tok.token, newNonce());
    expect((await thief.closed).code).toBe(liveCloseCodes.unauthorized);
    expect(await rows('live_view', eligible)).toBe(0);
    const owner = openLive(tok.url, tok.token, nonce);
    await owner.waitBinaries(3, 30_000);
    expect(owner.texts[0]).toMatchObject({ type: 'ready' });
    owner.close();
    // Spent now: a second use, even with the right nonce, is refused.
    expect((await openLive(tok.url, tok.token, nonce).closed).code).toBe(liveCloseCodes.unauthorized);
  }, 60_000);

  it('the HLS exchange is single-use and a token in a URL is refused', async () => {
    const nonce = newNonce();
    const { token } = await liveToken(eligible, nonce);
    const base = `${node.url}/hls/${eligible}`;
    const form = (n: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, nonce: n }).toString(),
    });
    // The old URL form (token and nonce in the query) opens nothing.
    const inUrl = await fetch(`${base}/index.m3u8?token=${encodeURIComponent(token)}&nonce=${nonce}`);
    expect(inUrl.status).toBe(401);
    // A wrong nonce does not spend the token either.
    expect((await fetch(`${base}/session`, form(newNonce()))).status).toBe(401);
    const views = await rows('live_view', eligible);
    const first = await fetch(`${base}/session`, form(nonce));
    expect(first.status, await first.clone().text()).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const { playlist } = (await first.json()) as { playlist: string };
    expect(playlist).toMatch(/^index\.m3u8\?s=[\w-]{43}$/);
    // The replayed exchange (same token, same nonce) gets no session, and no second view is recorded.
    const replay = await fetch(`${base}/session`, form(nonce));
    expect(replay.status).toBe(401);
    expect(await replay.text()).not.toContain('index.m3u8');
    await until(async () => (await rows('live_view', eligible)) === views + 1);
    // The session the exchange gave plays.
    let text = '';
    await until(async () => {
      const r = await fetch(`${base}/${playlist}`);
      text = await r.text();
      return r.status === 200;
    }, 30_000);
    expect(text).toContain('#EXTM3U');
    expect(await rows('live_view', eligible)).toBe(views + 1);
  }, 60_000);
});
