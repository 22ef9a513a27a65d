import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { installErrorHandler } from '../src/http/error-handler.js';
import { safeError, serverLoggerOptions } from '../src/http/log-safe-error.js';
import { COMPLAINTS_PER_HOUR } from '../src/modules/complaints/complaints.service.js';
import { api, CUIABA, count, JPEG, partnerFor, pointAt, postPublic, SINOP, signUpBody, uploadId } from './accreditation.fixtures.js';
import { anonymous, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * Issue 12 ("Hostile users") items 5, 8, 9 and part of 10: each test performs the attack over real
 * HTTP (app.inject) on a real database and asserts the refusal and that nothing was written.
 */
let t: TestDatabase;
const apps: App[] = [];
let webDist: string;

async function appWith(env: Record<string, string>): Promise<App> {
  const app = await testApp(t.database, t.dataDir, env);
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await createTestDatabase();
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  fs.writeFileSync(path.join(webDist, 'app.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  fs.writeFileSync(path.join(webDist, 'assets', 'portal-Ab12Cd34.js'), 'console.log(1);');
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.drop();
  fs.rmSync(webDist, { recursive: true, force: true });
});

async function failedLogin(app: App, remoteAddress: string, forwardedFor?: string) {
  const anon = await anonymous(app);
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    payload: { email: `ninguem-${Math.random().toString(36).slice(2)}@teste.local`, password: 'senha-errada-123' },
  });
}

async function lastLoginOrigin(): Promise<string> {
  const res = (await t.database.db.execute(
    sql`SELECT origin FROM audit_event WHERE action LIKE 'auth.login%' ORDER BY seq DESC LIMIT 1`,
  )) as unknown as { rows: { origin: string }[] };
  return res.rows[0]!.origin;
}

describe('item 5 — client address: X-Forwarded-For only from configured proxies', () => {
  it('by default a forged X-Forwarded-For is ignored: rotating it does not escape the per-address limit', async () => {
    const app = await appWith({ LOGIN_IP_MAX_FAILURES: '3' });
    const peer = '203.0.113.9';
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await failedLogin(app, peer, `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const refused = await failedLogin(app, peer, '198.51.100.99');
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Muitas requisições. Aguarde um momento e tente novamente.',
    });
    // The audit trail records the real peer, not the forged header.
    await failedLogin(app, '203.0.113.10', '198.51.100.50');
    expect(await lastLoginOrigin()).toMatch(/^203\.0\.113\.10\b/);
  });

  it('the complaint limit cannot be escaped by rotating X-Forwarded-For', async () => {
    const app = await appWith({});
    const before = await count(t.database, 'complaint');
    const codes: number[] = [];
    for (let i = 0; i < COMPLAINTS_PER_HOUR + 2; i++) {
      const anon = await anonymous(app);
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/complaints',
        remoteAddress: '203.0.113.30',
        headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: {
          anonymous: true,
          about: 'site',
          subject: 'Câmera da praça',
          municipalityIbge: CUIABA,
          description: `Denúncia de teste número ${i}.`,
        },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, COMPLAINTS_PER_HOUR).every((c) => c === 200)).toBe(true);
    expect(codes.slice(COMPLAINTS_PER_HOUR)).toEqual([429, 429]);
    expect(await count(t.database, 'complaint')).toBe(before + COMPLAINTS_PER_HOUR);
  });

  it('production mode does not believe the header either unless TRUSTED_PROXIES names the peer', async () => {
    const app = await appWith({ NODE_ENV: 'production', LOGIN_IP_MAX_FAILURES: '2' });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await failedLogin(app, '203.0.113.20', `192.0.2.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 429]);
  });

  it("a configured proxy's forwarded address is used (and only the hop the proxy appended)", async () => {
    const app = await appWith({ LOGIN_IP_MAX_FAILURES: '3', TRUSTED_PROXIES: '10.9.0.0/16, 127.0.0.2' });
    const proxy = '10.9.0.5';
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await failedLogin(app, proxy, '198.51.100.200')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await failedLogin(app, proxy, '198.51.100.201')).statusCode).toBe(401); // another client behind the proxy
    // A client that forges its own header in front of the proxy's entry is still seen as itself.
    expect((await failedLogin(app, proxy, '192.0.2.77, 198.51.100.200')).statusCode).toBe(429);
    await failedLogin(app, proxy, '198.51.100.202');
    expect(await lastLoginOrigin()).toMatch(/^198\.51\.100\.202\b/);
  });

  it('refuses a malformed TRUSTED_PROXIES at start-up', async () => {
    await expect(appWith({ TRUSTED_PROXIES: 'qualquer-um' })).rejects.toThrow(/TRUSTED_PROXIES/);
  });
});

describe('item 8 — security headers on pages and API, HSTS in production', () => {
  it('an HTML page carries a CSP without inline script, with the tile server and the media nodes', async () => {
    await t.database.db.execute(
      sql`INSERT INTO media_node (id, public_url) VALUES ('node-csp-test', 'https://video.example.org:8443') ON CONFLICT DO NOTHING`,
    );
    const app = await appWith({ WEB_DIST: webDist });
    for (const url of ['/', '/app/', '/app/cameras', '/denuncias']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
      expect(csp).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:3001/);
      expect(csp).toMatch(/connect-src [^;]*wss:\/\/video\.example\.org:8443/);
      expect(csp).toMatch(/media-src [^;]*https:\/\/video\.example\.org:8443/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('an API response carries a deny-all CSP and nosniff', async () => {
    const app = await appWith({});
    for (const url of ['/healthz', '/api/nao-existe', '/api/reference/municipalities']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('production adds HSTS to pages and API', async () => {
    const app = await appWith({ NODE_ENV: 'production', WEB_DIST: webDist });
    for (const url of ['/', '/healthz']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});

describe('item 9 — caching: only hashed assets are immutable; a missing asset is 404', () => {
  it('pages are no-cache, assets immutable, a missing asset a JSON 404 and never the page', async () => {
    const app = await appWith({ WEB_DIST: webDist });
    for (const url of ['/', '/app/', '/app/cameras', '/transparencia']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/portal-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Recurso não encontrado.' });
  });
});

describe('item 10 — /metrics is not public', () => {
  it('answers loopback only by default; a remote or proxied scrape is refused', async () => {
    const app = await appWith({});
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    for (const attempt of [
      { remoteAddress: '203.0.113.5', headers: {} },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } },
      { remoteAddress: '203.0.113.5', headers: { authorization: 'Bearer qualquer-coisa-bem-longa' } },
    ]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', ...attempt });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(res.json().error.message).toContain('métricas');
      expect(res.body).not.toContain('vigia_http_request_duration_seconds');
    }
  });

  it('with METRICS_TOKEN a remote scraper presenting the bearer is served, a wrong one is refused', async () => {
    const token = 'token-de-metricas-1234567890';
    const app = await appWith({ METRICS_TOKEN: token });
    const ok = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.5',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('vigia_http_request_duration_seconds');
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.5',
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.statusCode).toBe(403);
  });
});

describe('item 10 — hostile input: impossible dates, NUL bytes, English messages', () => {
  let app: App;
  beforeAll(async () => {
    app = await appWith({});
  });

  const numberOf = (n: string) => Number(n.split('/')[1]);

  it('an impossible date is a 400 on the field and does not burn an application number', async () => {
    const { session } = await partnerFor(app, 'company');
    const c = api(app, session);
    const first = await c.post('/api/accreditation/applications', { propertyOwnership: 'own' });
    expect(first.statusCode).toBe(200);
    const before = await count(t.database, 'application');
    // Dates that exist in no calendar (31 February, 29 February of a common year, month 13, 31 April):
    // invalid on any day the test runs.
    for (const leaseEndsOn of ['2027-02-31', '2027-02-29', '2030-13-01', '2030-04-31']) {
      const res = await c.post('/api/accreditation/applications', { propertyOwnership: 'leased', leaseEndsOn });
      expect(res.statusCode, leaseEndsOn).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toContainEqual({
        path: 'leaseEndsOn',
        message: 'Data inexistente: confira o dia e o mês (AAAA-MM-DD).',
      });
    }
    expect(await count(t.database, 'application')).toBe(before);
    const next = await c.post('/api/accreditation/applications', { propertyOwnership: 'own' });
    expect(numberOf(next.json().number)).toBe(numberOf(first.json().number) + 1);
  });

  it('a NUL byte (or another control character) in any text is a 400 with a pt-BR message and writes nothing', async () => {
    const complaintsBefore = await count(t.database, 'complaint');
    const complaint = {
      anonymous: true,
      about: 'site',
      subject: 'Câmera da praça',
      municipalityIbge: CUIABA,
      description: 'Texto com um byte nulo \u0000 no meio da descrição.',
    };
    const res = await postPublic(app, '/api/public/complaints', complaint);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().error.details).toEqual([
      {
        path: 'description',
        message: 'O texto contém caracteres de controle não permitidos (como o caractere nulo). Remova-os e tente novamente.',
      },
    ]);
    expect(
      (await postPublic(app, '/api/public/complaints', { ...complaint, description: 'Escape \u001b[31m vermelho no log.' })).statusCode,
    ).toBe(400);
    expect(await count(t.database, 'complaint')).toBe(complaintsBefore);

    const partnersBefore = await count(t.database, 'partner');
    const signUp = signUpBody('company', CUIABA);
    (signUp as { name: string }).name = 'Empresa\u0000 Ltda';
    const refused = await postPublic(app, '/api/public/partners/sign-up', signUp);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('name');
    expect(await count(t.database, 'partner')).toBe(partnersBefore);
    // Tabs and line breaks remain ordinary text.
    expect(
      (await postPublic(app, '/api/public/complaints', { ...complaint, description: 'Linha um\nLinha dois\tcom tabulação.' })).statusCode,
    ).toBe(200);
  });

  it('a database error is logged without the query parameters (CPFs, e-mails)', async () => {
    const email = 'fulano.da.silva@exemplo.com.br';
    const error = await t.database.db.execute(sql`SELECT ${email}::int AS n`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain(email); // what used to reach the log
    const logged = JSON.stringify(safeError(error));
    expect(logged).not.toContain(email);
    expect(logged).not.toContain('fulano');
    expect(logged).toContain('22P02');
    expect(logged).toContain('Failed query');
  });

  it("the server's logger writes a failed insert's error without its CPF and e-mail (the 500 path)", async () => {
    const lines: string[] = [];
    const logged = Fastify({ logger: { ...serverLoggerOptions('info'), stream: { write: (line: string) => lines.push(line) } } });
    installErrorHandler(logged);
    const cpf = '529.982.247-25';
    const email = 'beltrana.souza@exemplo.com.br';
    logged.post('/boom', async () => {
      await t.database.db.execute(sql`SELECT ${cpf}::int AS a, ${email}::int AS b`);
      return {};
    });
    const res = await logged.inject({
      method: 'POST',
      url: '/boom',
      payload: {},
      headers: { authorization: 'Bearer segredo-que-nao-vai-ao-log' },
    });
    await logged.close();
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    const all = lines.join('\n');
    expect(all).toContain('unhandled error');
    expect(all).toContain('22P02');
    for (const secret of [cpf, email, 'beltrana', 'segredo-que-nao-vai-ao-log']) expect(all).not.toContain(secret);
  });

  it('validation messages without a schema-specific text are pt-BR, not zod English defaults', async () => {
    const { session } = await partnerFor(app, 'company');
    const c = api(app, session);
    const res = await c.post('/api/accreditation/applications', { propertyOwnership: 'own', consortiumMunicipalities: 'x' });
    expect(res.statusCode).toBe(400);
    const missing = await postPublic(app, '/api/public/complaints', { anonymous: true });
    expect(missing.statusCode).toBe(400);
    const messages = [...res.json().error.details, ...missing.json().error.details].map((d: { message: string }) => d.message);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m).not.toMatch(/\b(expected|Invalid|received|Too (small|big)|Required)\b/);
    expect(messages).toContain('Campo obrigatório.');
  });
});

describe('item 10 — a camera point filed under another municipality is flagged for the committee', () => {
  it('keeps the point (no municipal boundaries to decide on) and tells the committee it is far from the declared seat', async () => {
    const app = await appWith({});
    const { session } = await partnerFor(app, 'company');
    const c = api(app, session);
    const id = (await c.post('/api/accreditation/applications', { propertyOwnership: 'own' })).json().id;
    const photo = await uploadId(app, session, JPEG, 'foto.jpg');
    const cuiaba = pointAt(CUIABA, { mounting: photo, view: photo });
    const borrowed = { ...cuiaba, municipalityIbge: SINOP }; // Cuiabá's coordinates, Sinop's IBGE code
    const res = await c.put(`/api/accreditation/applications/${id}/camera-points`, { points: [cuiaba, borrowed] });
    expect(res.statusCode).toBe(200);
    const [honest, flagged] = res.json().cameraPoints;
    expect(honest.locationWarning).toBeNull();
    expect(flagged.locationWarning).toMatch(/km da sede de Sinop, o município informado, e a 0 km da sede de Cuiabá/);
    const seen = (await c.get(`/api/accreditation/applications/${id}`)).json().cameraPoints[1];
    expect(seen.locationWarning).toBe(flagged.locationWarning);
    // Outside the state it is still refused.
    const outside = await c.put(`/api/accreditation/applications/${id}/camera-points`, {
      points: [{ ...cuiaba, latitude: -23.55, longitude: -46.63 }],
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('LOCATION_OUTSIDE_MT');
  });
});
