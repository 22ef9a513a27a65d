import net from 'node:net';
import type { CameraSelfTest } from '@vigia/contracts';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { captureSnapshot } from '../src/media-tools/ffmpeg.adapter.js';
import { authHeaders, makeUser, type Session, signIn, testApp, useTestApp } from './helpers/app.js';
import {
  CUIABA,
  CAMERA_PASSWORD as PASSWORD,
  registerSelfTestCamera,
  runSelfTest,
  signInPartnerUser,
  stepOf,
  CAMERA_USER as USER,
} from './helpers/camera-self-test.js';

const ctx = useTestApp();

let sim: Simulator;
let httpServer: net.Server;
let httpPort: number;
let partnerId: string;
let s: Session;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

beforeAll(async () => {
  sim = await startSimulator({ count: 1, user: USER, password: PASSWORD });
  httpServer = net.createServer((sock) => sock.end());
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  httpPort = (httpServer.address() as net.AddressInfo).port;
  ({ partnerId, session: s } = await signInPartnerUser(ctx, 'Parceiro do autoteste'));
});

afterAll(async () => {
  await sim?.stop();
  await new Promise((r) => httpServer?.close(r));
});

const camera = async (app: App, session: Session, overrides: Record<string, unknown> = {}) =>
  (await registerSelfTestCamera(app, session, { rtspPort: sim.port, httpPort, ...overrides })).id;
const selfTest = (id: string, app: App = ctx.app, session: Session = s) => runSelfTest(app, session, id);

describe('camera self-test against the GStreamer simulator', () => {
  let id: string;
  const patch = async (body: Record<string, unknown>) => {
    const res = await ctx.app.inject({ method: 'PATCH', url: `/api/cameras/${id}`, headers: authHeaders(s), payload: body });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('passes every step with the right password: H.264, 1280x720, a JPEG snapshot', async () => {
    id = await camera(ctx.app, s);
    const r = await selfTest(id);
    expect(r.steps.map((x) => [x.key, x.outcome])).toEqual([
      ['dns', 'ok'],
      ['rtsp_port', 'ok'],
      ['http_port', 'ok'],
      ['rtsp_stream', 'ok'],
      ['snapshot', 'ok'],
    ]);
    expect(r.ok).toBe(true);
    expect(r.stream).toMatchObject({ codec: 'h264', width: 1280, height: 720, fps: 15 });
    expect(r.hasSnapshot).toBe(true);

    const jpeg = await ctx.app.inject({ method: 'GET', url: `/api/cameras/${id}/self-tests/${r.id}/snapshot`, headers: authHeaders(s) });
    expect(jpeg.statusCode).toBe(200);
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect([...jpeg.rawPayload.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.rawPayload.subarray(-2)]).toEqual([0xff, 0xd9]);

    const cam = await ctx.app.inject({ method: 'GET', url: `/api/cameras/${id}`, headers: authHeaders(s) });
    expect(cam.json()).toMatchObject({ status: 'online' });
    expect(cam.json().lastSelfTestAt).not.toBeNull();

    const history = await ctx.app.inject({ method: 'GET', url: `/api/cameras/${id}/self-tests`, headers: authHeaders(s) });
    expect(history.json().items.map((x: CameraSelfTest) => x.id)).toEqual([r.id]);
  });

  it('reports a wrong password with the credentials hint', async () => {
    await patch({ httpPort: await freePort(), credentials: { username: USER, password: 'errada' } });
    const r = await selfTest(id);
    expect(r.ok).toBe(false);
    expect(stepOf(r, 'rtsp_stream')).toMatchObject({ outcome: 'fail', code: 'RTSP_AUTH_FAILED' });
    expect(stepOf(r, 'rtsp_stream').hint).toMatch(/^Usuário ou senha da câmera incorretos/);
    expect(stepOf(r, 'snapshot').outcome).toBe('skipped');
    expect(stepOf(r, 'http_port')).toMatchObject({ outcome: 'fail' });
    expect(stepOf(r, 'http_port').hint).toMatch(/Porta HTTP fechada/);
    const cam = await ctx.app.inject({ method: 'GET', url: `/api/cameras/${id}`, headers: authHeaders(s) });
    expect(cam.json().status).toBe('offline');
  });

  it('reports a closed RTSP port with the port hint', async () => {
    const id = await camera(ctx.app, s, { rtspPort: await freePort(), httpPort: await freePort() });
    const r = await selfTest(id);
    expect(stepOf(r, 'rtsp_port')).toMatchObject({
      outcome: 'fail',
      code: 'rtsp_port_closed',
      hint: expect.stringMatching(/^Porta RTSP fechada ou bloqueada no roteador/),
    });
    expect(stepOf(r, 'rtsp_stream').outcome).toBe('skipped');
  });

  it('reports an unknown RTSP path', async () => {
    await patch({ rtspPath: '/cam99', credentials: { username: USER, password: PASSWORD } });
    const r = await selfTest(id);
    expect(stepOf(r, 'rtsp_stream')).toMatchObject({ code: 'RTSP_NOT_FOUND', hint: expect.stringMatching(/^Caminho RTSP não encontrado/) });
  });

  it('reports a name that does not resolve', async () => {
    const id = await camera(ctx.app, s, { host: 'camera-inexistente.invalid', httpPort: await freePort() });
    const r = await selfTest(id);
    expect(stepOf(r, 'dns')).toMatchObject({
      outcome: 'fail',
      code: 'dns_failed',
      hint: expect.stringMatching(/^Endereço não resolvido \(DNS\)/),
    });
    expect(r.steps.slice(1).every((x) => x.outcome === 'skipped')).toBe(true);
  });

  it('in production, refuses private addresses (SSRF guard) at registration and at self-test', async () => {
    const id = await camera(ctx.app, s, { rtspPort: await freePort(), httpPort: await freePort() });
    const prod = await testApp(ctx.t.database, ctx.t.dataDir, { NODE_ENV: 'production' });
    try {
      const u = await makeUser(ctx.t.database, ['partner_user'], { partnerId });
      const ps = await signIn(prod, u.email);
      const r = await selfTest(id, prod, ps);
      expect(stepOf(r, 'dns')).toMatchObject({
        outcome: 'fail',
        code: 'blocked_address',
        hint: expect.stringMatching(/^Endereço privado ou reservado não permitido/),
      });
      const res = await prod.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: authHeaders(ps),
        payload: {
          name: 'Interna',
          kind: 'partner_own',
          host: '192.168.0.10',
          rtspPort: 554,
          httpPort: 80,
          rtspPath: '/live',
          latitude: -15.6,
          longitude: -56.1,
          municipalityIbge: CUIABA,
          heading: 0,
          fieldOfView: 90,
          mounting: 'pole',
        },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('CAMERA_ADDRESS_NOT_ALLOWED');
    } finally {
      await prod.close();
    }
  });

  it('audits every run', async () => {
    const { sql } = await import('drizzle-orm');
    const rows = (await ctx.t.database.db.execute(
      sql`SELECT data::text AS d FROM audit_event WHERE action = 'camera.self_test'`,
    )) as unknown as { rows: { d: string }[] };
    expect(rows.rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.rows.map((r) => r.d).join()).not.toContain(PASSWORD);
  });
});

describe('ffmpeg snapshot adapter', () => {
  function recorder() {
    const lines: unknown[] = [];
    const log = {
      info: (o: unknown) => lines.push(o),
      warn: (o: unknown) => lines.push(o),
      error: (o: unknown) => lines.push(o),
    } as unknown as FastifyBaseLogger;
    return { lines, log };
  }

  it('logs command, stderr and exit code without the password', async () => {
    const ok = recorder();
    const shot = await captureSnapshot(
      { address: '127.0.0.1', port: sim.port, path: '/cam1', credentials: { username: USER, password: PASSWORD } },
      ok.log,
    );
    expect(shot.ok).toBe(true);
    expect(shot.jpeg![0]).toBe(0xff);
    expect(shot.jpeg![1]).toBe(0xd8);
    const bad = recorder();
    const failed = await captureSnapshot(
      { address: '127.0.0.1', port: sim.port, path: '/cam1', credentials: { username: USER, password: 'Errada#123' } },
      bad.log,
    );
    expect(failed.ok).toBe(false);
    expect(failed.exitCode).not.toBe(0);
    const text = JSON.stringify([...ok.lines, ...bad.lines]);
    expect(text).toContain('ffmpeg');
    expect(text).toContain('exitCode');
    expect(text).toContain(':***@127.0.0.1');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain('Errada');
  });
});
