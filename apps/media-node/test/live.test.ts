import { randomBytes, randomUUID } from 'node:crypto';
import { liveCloseCodes } from '@vigia/contracts';
import { signStreamToken } from '@vigia/contracts/stream-token';
import { startOnvifResponder } from '@vigia/media';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { newNonce, nonceHash, openLive } from '@vigia/testkit/live-client';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { partners } from '../../server/src/db/schema.js';
import { sessionIdOf } from '../../server/src/http/session-token.js';
import { drainSweep } from '../../server/src/jobs/sweep.js';
import { revokeSession } from '../../server/src/modules/accounts/session.service.js';
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
 * Media node + API + real GStreamer cameras, on the database of this run (PGlite through the SQL
 * gateway, or PostgreSQL directly): the node is started in-process, but it reaches the database
 * exactly as the child process does.
 */
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let admin: Session;
let operator: Session;
const cam: string[] = [];

async function token(session: Session | null, cameraId: string, nonce: string) {
  const res = await app.inject({
    method: 'POST',
    url: session ? `/api/live/${cameraId}/token` : `/api/public/live/${cameraId}/token`,
    headers: session ? authHeaders(session) : await anonHeaders(),
    payload: { nonceHash: nonceHash(nonce) },
  });
  return res;
}

async function anonHeaders() {
  const res = await app.inject({ method: 'GET', url: '/api/auth/session' });
  const c = [res.headers['set-cookie']].flat().find((x) => String(x).startsWith('vm_csrf='));
  return { cookie: String(c).split(';')[0]!, 'x-csrf-token': res.json().csrfToken as string };
}

async function watch(session: Session | null, cameraId: string) {
  const nonce = newNonce();
  const res = await token(session, cameraId, nonce);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { token: string; url: string; nodeId: string };
  return { ...openLive(body.url, body.token, nonce), token: body.token, url: body.url, nonce };
}

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 3, extraPorts: 2, size: '640x360', bitrateKbps: 500 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'test-node',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    MEDIA_SESSION_CHECK_MS: '500',
    ...LIVE_TEST_ENV,
  });
  const adminUser = await makeUser(t.database, ['admin']);
  admin = await signIn(app, adminUser.email);
  const opUser = await makeUser(t.database, ['operator']);
  operator = await signIn(app, opUser.email);
  const partnerId = await createPartner(t.database, 'Parceiro de teste');
  cam.push(
    ...(await registerSimulatorCameras(app, admin, sim, {
      partnerId,
      count: 3,
      name: (k) => `Câmera ${k}`,
      httpPortBase: 50_000,
      fields: (k) => ({ openToPublic: k === 3 }),
    })),
  );
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('live view through the media node', () => {
  it('two viewers share one upstream RTSP session; the last one leaving stops it and frees the lease', async () => {
    const a = await watch(operator, cam[0]!);
    await a.waitBinaries(5);
    const b = await watch(operator, cam[0]!);
    await b.waitBinaries(5);
    for (const v of [a, b]) {
      expect(v.texts[0]).toMatchObject({ type: 'ready' });
      expect(v.texts.find((m) => m.type === 'codec')).toMatchObject({ codec: expect.stringMatching(/^avc1\./), width: 640, height: 360 });
      expect(v.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp'); // init segment first
      expect(v.binaries[1]!.subarray(4, 8).toString()).toBe('moof'); // then the GOP burst / fragments
    }
    expect(node.upstreams.sessionsByCamera.get(cam[0]!)).toBe(1);
    expect(node.upstreams.stats.clientsStarted).toBe(1);
    // The same counts for Prometheus, labelled with the node (a fleet is scraped node by node).
    const metrics = await (await fetch(`${node.url}/metrics`)).text();
    expect(metrics).toContain('vigia_node_upstreams_open{node="test-node"} 1');
    expect(metrics).toContain('vigia_node_viewers{node="test-node"} 2');
    const received = Number(/vigia_node_ingest_received_bytes_total\{node="test-node"\} (\d+)/.exec(metrics)?.[1]);
    expect(received).toBeGreaterThan(0);
    // Not for the outside world: relayed by a proxy (or from another host) without METRICS_TOKEN → 403.
    for (const path of ['/metrics', '/stats']) {
      const relayed = await fetch(`${node.url}${path}`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(relayed.status).toBe(403);
    }
    const lease = await t.database.db.execute(sql`SELECT node_id FROM camera_assignment WHERE camera_id = ${cam[0]}::uuid`);
    expect((lease as unknown as { rows: { node_id: string }[] }).rows[0]?.node_id).toBe('test-node');

    a.close();
    await a.closed;
    await new Promise((r) => setTimeout(r, 800));
    expect(node.upstreams.stats.open).toBe(1); // b still watching
    b.close();
    await b.closed;
    await until(() => node.upstreams.stats.open === 0 && node.upstreams.stats.clientsStopped === 1);
    await until(async () => {
      const r = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM camera_assignment WHERE camera_id = ${cam[0]}::uuid`);
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n === 0;
    });
  });

  it('refuses a token for camera A on camera B', async () => {
    const nonce = newNonce();
    const res = await token(operator, cam[0]!, nonce);
    const wrongUrl = (res.json().url as string).replace(cam[0]!, cam[1]!);
    const v = openLive(wrongUrl, res.json().token, nonce);
    expect((await v.closed).code).toBe(liveCloseCodes.forbidden);
    expect(v.binaries).toHaveLength(0);
  });

  it('refuses an expired token', async () => {
    const nonce = newNonce();
    const res = await token(operator, cam[0]!, nonce);
    const past = Date.now() - 120_000;
    const { token: expired } = signStreamToken(streamKey, {
      cam: cam[0]!,
      act: 'live',
      node: 'test-node',
      sub: null,
      sid: null,
      cnf: nonceHash(nonce),
      ttlMs: 60_000,
      now: past,
    });
    const v = openLive(res.json().url, expired, nonce);
    expect((await v.closed).code).toBe(liveCloseCodes.expired);
  });

  it('refuses a token replayed without its nonce (another session) or used twice', async () => {
    const first = await watch(operator, cam[1]!);
    await first.waitBinaries(2);
    // Replayed from another client that does not hold the nonce.
    const other = openLive(first.url, first.token, newNonce());
    expect((await other.closed).code).toBe(liveCloseCodes.unauthorized);
    // Replayed with the nonce: a token opens a stream once.
    const again = openLive(first.url, first.token, first.nonce);
    expect((await again.closed).code).toBe(liveCloseCodes.unauthorized);
    first.close();
    await first.closed;
  });

  it('renews the token over the open socket and refuses a renewal from another client', async () => {
    const v = await watch(operator, cam[1]!);
    await v.waitBinaries(2);
    const renewal = await token(operator, cam[1]!, v.nonce);
    v.ws.send(JSON.stringify({ type: 'renew', token: renewal.json().token }));
    await until(() => v.texts.some((m) => m.type === 'renewed'));
    const foreign = await token(operator, cam[1]!, newNonce());
    v.ws.send(JSON.stringify({ type: 'renew', token: foreign.json().token }));
    expect((await v.closed).code).toBe(liveCloseCodes.unauthorized);
  });

  it('cuts the stream within seconds when the session is revoked, and audits who watched for how long', async () => {
    const opUser = await makeUser(t.database, ['operator']);
    const s = await signIn(app, opUser.email);
    const v = await watch(s, cam[0]!);
    await v.waitBinaries(3);
    const revokedAt = Date.now();
    await revokeSession(t.database.db, sessionIdOf(s.cookie.split('=')[1]!), 'test');
    const closed = await v.closed;
    expect(closed.code).toBe(liveCloseCodes.sessionEnded);
    expect(Date.now() - revokedAt).toBeLessThan(3_000);

    await until(async () => {
      const r = await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM live_view WHERE user_id = ${opUser.id}::uuid AND ended_at IS NOT NULL`,
      );
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n === 1;
    });
    await drainSweep(liveViewAuditSweep(t.database.db));
    const rows = await t.database.db.execute(
      sql`SELECT action, actor_id::text AS actor, data FROM audit_event WHERE target_id = ${cam[0]} AND action LIKE 'live.%' AND actor_id = ${opUser.id}::uuid ORDER BY seq`,
    );
    const events = (rows as unknown as { rows: { action: string; actor: string; data: { durationMs?: number; reason?: string } }[] }).rows;
    expect(events.map((e) => e.action)).toEqual(['live.view_started', 'live.view_ended']);
    expect(events[1]!.data.durationMs).toBeGreaterThan(0);
    expect(events[1]!.data.reason).toBe('sessionEnded');
    // Running the sweep again records nothing twice.
    expect(await drainSweep(liveViewAuditSweep(t.database.db))).toBe(0);
  });

  it('checks the session at the socket, and never streams on when the view cannot be recorded', async () => {
    // Session and camera are checked in one query when the socket authenticates: revoked → refused.
    const opUser = await makeUser(t.database, ['operator']);
    const s = await signIn(app, opUser.email);
    const nonce = newNonce();
    const res = await token(s, cam[1]!, nonce);
    expect(res.statusCode, res.body).toBe(200);
    await revokeSession(t.database.db, sessionIdOf(s.cookie.split('=')[1]!), 'test');
    const refused = openLive(res.json().url, res.json().token, nonce);
    expect((await refused.closed).code).toBe(liveCloseCodes.sessionEnded);
    expect(refused.binaries).toHaveLength(0);

    // The stream starts while the live_view row is written; if the write fails the socket closes.
    const views = async () => {
      const r = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM live_view WHERE camera_id = ${cam[1]}::uuid`);
      return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
    };
    const before = await views();
    await t.database.db.execute(
      sql.raw(`CREATE FUNCTION test_refuse_view() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`),
    );
    await t.database.db.execute(
      sql.raw(
        `CREATE TRIGGER test_refuse_view BEFORE INSERT ON live_view FOR EACH ROW WHEN (NEW.camera_id = '${cam[1]}'::uuid) EXECUTE FUNCTION test_refuse_view()`,
      ),
    );
    try {
      const v = await watch(operator, cam[1]!);
      const closed = await v.closed;
      expect(closed).toMatchObject({ code: liveCloseCodes.upstreamFailed, reason: 'view not recorded' });
      expect(await views()).toBe(before);
    } finally {
      await t.database.db.execute(sql.raw('DROP TRIGGER test_refuse_view ON live_view'));
      await t.database.db.execute(sql.raw('DROP FUNCTION test_refuse_view()'));
    }
    // Without the failure the same camera streams and its view is recorded.
    const ok = await watch(operator, cam[1]!);
    await ok.waitBinaries(3);
    await until(async () => (await views()) === before + 1);
    ok.close();
    await until(() => node.upstreams.stats.open === 0);
  });

  it('serves cameras open to the public to anonymous viewers, and only those', async () => {
    const v = await watch(null, cam[2]!);
    await v.waitBinaries(3);
    v.close();
    const closed = await token(null, cam[0]!, newNonce());
    expect(closed.statusCode).toBe(404);
    // A user outside the camera's scope gets "not found" too (partner user of another partner).
    const [other] = await t.database.db
      .insert(partners)
      .values({ kind: 'municipality', name: 'Outro', document: randomUUID(), municipalityIbge: '5103403' })
      .returning();
    const pu = await makeUser(t.database, ['partner_user'], { partnerId: other!.id });
    const ps = await signIn(app, pu.email);
    expect((await token(ps, cam[0]!, newNonce())).statusCode).toBe(404);
    await until(() => node.upstreams.stats.open === 0);
  });

  it('opens an ONVIF camera at the path it reports (LAN address rewritten to the registered host and RTSP port)', async () => {
    // The ONVIF device is a loopback responder (no ONVIF server in Debian) reporting the simulator's /cam2.
    const onvif = await startOnvifResponder({ username: sim.user, password: sim.password, streamPath: '/cam2' });
    try {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/cameras/${cam[1]}`,
        headers: authHeaders(admin),
        payload: { streamSource: 'onvif', httpPort: onvif.port, rtspPath: '/caminho-que-nao-existe' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const v = await watch(operator, cam[1]!);
      await v.waitBinaries(3);
      expect(v.texts.find((m) => m.type === 'codec')).toMatchObject({ width: 640, height: 360 });
      expect(onvif.calls).toEqual(['GetSystemDateAndTime', 'GetCapabilities', 'GetProfiles', 'GetStreamUri']);
      v.close();
      await v.closed;
      await until(() => node.upstreams.stats.open === 0);
    } finally {
      await onvif.close();
    }
  });

  it('tells the API when no media node is alive', async () => {
    await t.database.db.execute(sql`UPDATE media_node SET heartbeat_at = now() - interval '1 hour' WHERE id = 'test-node'`);
    const res = await token(operator, cam[0]!, newNonce());
    // The node's next heartbeat brings it back.
    expect([200, 503]).toContain(res.statusCode);
    if (res.statusCode === 503) expect(res.json().error.code).toBe('MEDIA_NODE_UNAVAILABLE');
    await until(async () => (await token(operator, cam[0]!, newNonce())).statusCode === 200);
  });
});
