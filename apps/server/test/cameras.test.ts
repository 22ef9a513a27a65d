import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Role, RoleGrant } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { partners } from '../src/db/schema.js';
import { securityRegionMunicipalities, securityRegions } from '../src/db/tables/regions.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { cameraKeyFile } from '../src/modules/cameras/camera-keys.js';
import { authHeaders, makeUser, type Session, signIn, useTestApp } from './helpers/app.js';
import { makeStreamEligible } from './helpers/eligible-camera.js';

const ctx = useTestApp();
const CUIABA = '5103403';
const SINOP = '5107909';

async function newPartner(): Promise<string> {
  const [p] = await ctx.t.database.db
    .insert(partners)
    .values({
      kind: 'company',
      name: `Parceiro ${randomBytes(3).toString('hex')}`,
      document: randomBytes(7).toString('hex'),
      municipalityIbge: CUIABA,
    })
    .returning({ id: partners.id });
  return p!.id;
}

async function session(roles: Role[], scope: Partial<RoleGrant> = {}): Promise<Session> {
  const u = await makeUser(ctx.t.database, roles, scope);
  return signIn(ctx.app, u.email);
}

let port = 20000;
function cameraBody(overrides: Record<string, unknown> = {}) {
  port += 2;
  return {
    name: 'Câmera da fachada',
    kind: 'partner_own',
    host: 'loja-centro.ddns.net',
    rtspPort: port,
    httpPort: port + 1,
    rtspPath: '/Streaming/Channels/101',
    latitude: -15.6014,
    longitude: -56.0979,
    municipalityIbge: CUIABA,
    heading: 90,
    fieldOfView: 100,
    mounting: 'facade',
    openToPublic: false,
    credentials: { username: 'instalador', password: 'Sup3r-S3cr3t-Cam!' },
    ...overrides,
  };
}

const send = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: authHeaders(s), ...(payload === undefined ? {} : { payload: payload as object }) });

async function count(): Promise<number> {
  const r = (await ctx.t.database.db.execute(sql`SELECT count(*)::int AS n FROM camera`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

let partnerA: string;
let partnerB: string;
let a: Session;
let b: Session;
let integratorA: Session;
let admin: Session;

beforeAll(async () => {
  partnerA = await newPartner();
  partnerB = await newPartner();
  a = await session(['partner_user'], { partnerId: partnerA });
  b = await session(['partner_user'], { partnerId: partnerB });
  integratorA = await session(['integrator'], { partnerId: partnerA });
  admin = await session(['admin']);
});

describe('camera registry', () => {
  it('registers a camera for the own partner and never returns the credentials', async () => {
    const res = await send(a, 'POST', '/api/cameras', cameraBody());
    expect(res.statusCode, res.body).toBe(201);
    const cam = res.json();
    expect(cam).toMatchObject({ partnerId: partnerA, status: 'pending', hasCredentials: true, host: 'loja-centro.ddns.net' });
    expect(res.body).not.toContain('Sup3r-S3cr3t-Cam!');
    expect(res.body).not.toContain('instalador');
    const list = await send(a, 'GET', '/api/cameras');
    expect(list.body).not.toContain('Sup3r-S3cr3t-Cam!');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(cam.id);
    const one = await send(a, 'GET', `/api/cameras/${cam.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('Sup3r-S3cr3t-Cam!');
  });

  it('stores the credentials only sealed (raw dump of the table and the audit trail)', async () => {
    const dump = (await ctx.t.database.db.execute(sql`SELECT c::text AS t FROM camera c`)) as unknown as { rows: { t: string }[] };
    const text = dump.rows.map((r) => r.t).join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('Sup3r-S3cr3t-Cam!');
    expect(text).not.toContain('instalador');
    expect(text).toContain('wrappedKey');
    const audit = (await ctx.t.database.db.execute(sql`SELECT a::text AS t FROM audit_event a`)) as unknown as { rows: { t: string }[] };
    const auditText = audit.rows.map((r) => r.t).join('\n');
    expect(auditText).toContain('camera.created');
    expect(auditText).not.toContain('Sup3r-S3cr3t-Cam!');
    expect(auditText).not.toContain('wrappedKey');
  });

  it('generates the master key once, mode 0600, in DATA_DIR/keys', () => {
    const stat = fs.statSync(cameraKeyFile(ctx.t.dataDir));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(cameraKeyFile(ctx.t.dataDir), 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('answers 404 for another partner’s camera: read, edit, delete, self-test (IDOR)', async () => {
    const created = (await send(a, 'POST', '/api/cameras', cameraBody())).json();
    for (const [method, url, payload] of [
      ['GET', `/api/cameras/${created.id}`, undefined],
      ['PATCH', `/api/cameras/${created.id}`, { name: 'Invadida' }],
      ['DELETE', `/api/cameras/${created.id}`, undefined],
      ['POST', `/api/cameras/${created.id}/self-test`, undefined],
      ['GET', `/api/cameras/${created.id}/self-tests`, undefined],
    ] as const) {
      const res = await send(b, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain(created.host);
    }
    const listB = await send(b, 'GET', '/api/cameras');
    expect(listB.json().items).toEqual([]);
    const still = await send(a, 'GET', `/api/cameras/${created.id}`);
    expect(still.json().name).toBe('Câmera da fachada');
  });

  it('ignores an attempt to register a camera for another partner', async () => {
    const before = await count();
    const res = await send(a, 'POST', '/api/cameras', cameraBody({ partnerId: partnerB }));
    expect(res.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('lets the integrator of the same partner manage, and admins see everything', async () => {
    const created = (await send(integratorA, 'POST', '/api/cameras', cameraBody({ host: '200.101.10.20' }))).json();
    expect(created.partnerId).toBe(partnerA);
    const edited = await send(integratorA, 'PATCH', `/api/cameras/${created.id}`, {
      heading: 180,
      credentials: { username: 'novo', password: 'Outra-Senha-99' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ heading: 180, hasCredentials: true });
    expect(edited.body).not.toContain('Outra-Senha-99');
    const seen = await send(admin, 'GET', `/api/cameras/${created.id}`);
    expect(seen.statusCode).toBe(200);
    const byAdmin = await send(admin, 'POST', '/api/cameras', cameraBody({ partnerId: partnerB }));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json().partnerId).toBe(partnerB);
    const noPartner = await send(admin, 'POST', '/api/cameras', cameraBody());
    expect(noPartner.json().error.code).toBe('CAMERA_PARTNER_REQUIRED');
    const del = await send(integratorA, 'DELETE', `/api/cameras/${created.id}`);
    expect(del.statusCode).toBe(204);
    expect((await send(admin, 'GET', `/api/cameras/${created.id}`)).statusCode).toBe(404);
  });

  it('shows regional operators only the cameras of their security region', async () => {
    const [region] = await ctx.t.database.db
      .insert(securityRegions)
      .values({ name: `RISP teste ${randomUUID()}`, seatIbge: CUIABA })
      .returning();
    await ctx.t.database.db.insert(securityRegionMunicipalities).values({ regionId: region!.id, municipalityIbge: CUIABA });
    const inCuiaba = (await send(a, 'POST', '/api/cameras', cameraBody())).json();
    const inSinop = (
      await send(a, 'POST', '/api/cameras', cameraBody({ municipalityIbge: SINOP, latitude: -11.8604, longitude: -55.5091 }))
    ).json();
    // Public authorities see cameras eligible to stream only (issue 12): both tied to an authorised point.
    await makeStreamEligible(ctx.t.database, inCuiaba.id);
    await makeStreamEligible(ctx.t.database, inSinop.id);
    const regional = await session(['regional_operator'], { securityRegionId: region!.id });
    const ids = (await send(regional, 'GET', '/api/cameras')).json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(inCuiaba.id);
    expect(ids).not.toContain(inSinop.id);
    expect((await send(regional, 'GET', `/api/cameras/${inSinop.id}`)).statusCode).toBe(404);
    const operator = await session(['operator']);
    const all = (await send(operator, 'GET', '/api/cameras')).json().items.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([inCuiaba.id, inSinop.id]));
    expect((await send(operator, 'POST', '/api/cameras', cameraBody())).statusCode).toBe(403);
  });
});

describe('camera validation (pt-BR, nothing written)', () => {
  async function refused(body: Record<string, unknown>, status: number, code: string, message?: RegExp) {
    const before = await count();
    const res = await send(a, 'POST', '/api/cameras', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (message) expect(JSON.stringify(res.json().error)).toMatch(message);
    expect(await count()).toBe(before);
    return res;
  }

  it('refuses a point outside Mato Grosso', async () => {
    await refused(cameraBody({ latitude: -23.5505, longitude: -46.6333 }), 422, 'LOCATION_OUTSIDE_MT', /dentro de Mato Grosso/);
  });

  it('refuses a second camera on the same host and RTSP port', async () => {
    const first = cameraBody({ host: 'condominio.ddns.net' });
    expect((await send(a, 'POST', '/api/cameras', first)).statusCode).toBe(201);
    const res = await refused(
      { ...cameraBody({ host: 'CONDOMINIO.ddns.net' }), rtspPort: first.rtspPort },
      409,
      'CAMERA_ENDPOINT_TAKEN',
      /mesma porta RTSP/,
    );
    expect(res.json().error.message).toMatch(/^Já existe uma câmera/);
    // another partner cannot take it either, and the same on an edit
    const otherB = await send(b, 'POST', '/api/cameras', { ...cameraBody({ host: 'condominio.ddns.net' }), rtspPort: first.rtspPort });
    expect(otherB.json().error.code).toBe('CAMERA_ENDPOINT_TAKEN');
    const second = (await send(a, 'POST', '/api/cameras', cameraBody({ host: 'condominio.ddns.net' }))).json();
    const edit = await send(a, 'PATCH', `/api/cameras/${second.id}`, { rtspPort: first.rtspPort });
    expect(edit.json().error.code).toBe('CAMERA_ENDPOINT_TAKEN');
    expect((await send(a, 'GET', `/api/cameras/${second.id}`)).json().rtspPort).not.toBe(first.rtspPort);
  });

  it('refuses a duplicated HTTP port on the same host and equal RTSP/HTTP ports', async () => {
    const first = cameraBody({ host: '2804:14c:5b70::10' });
    expect((await send(a, 'POST', '/api/cameras', first)).statusCode).toBe(201);
    await refused({ ...cameraBody({ host: '2804:14c:5b70::10' }), httpPort: first.httpPort }, 409, 'CAMERA_HTTP_PORT_TAKEN');
    await refused(cameraBody({ rtspPort: 554, httpPort: 554 }), 400, 'VALIDATION_FAILED', /portas RTSP e HTTP devem ser diferentes/);
  });

  it.each([
    ['2804:14c::zz', /IPv6 inválido/],
    ['2804:::1', /IPv6 inválido/],
    ['[2804:14c::1]', /IPv6 inválido/],
    ['300.1.2.3', /IPv4 inválido/],
    ['10.0.0', /IPv4 inválido/],
    ['-camera.ddns.net', /DDNS\) inválido/],
    ['camera_1.ddns.net', /DDNS\) inválido/],
    ['localhost', /DDNS\) inválido/],
    ['rtsp://cam.ddns.net', /IPv6 inválido/],
  ])('refuses the address %s', async (host, message) => {
    const res = await refused(cameraBody({ host }), 400, 'VALIDATION_FAILED', message);
    expect(res.json().error.details[0].path).toBe('host');
  });

  it('refuses bad RTSP paths, headings, fields of view, mounting and a loaned camera without serial', async () => {
    await refused(cameraBody({ rtspPath: 'live; rm -rf /' }), 400, 'VALIDATION_FAILED', /Caminho RTSP inválido/);
    await refused(cameraBody({ heading: 360 }), 400, 'VALIDATION_FAILED', /Direção/);
    await refused(cameraBody({ fieldOfView: 0 }), 400, 'VALIDATION_FAILED', /Campo de visão/);
    await refused(cameraBody({ mounting: 'roof' }), 400, 'VALIDATION_FAILED', /fixação/);
    await refused(cameraBody({ kind: 'program_loan' }), 400, 'VALIDATION_FAILED', /número de série/);
    await refused(cameraBody({ municipalityIbge: '3550308' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown RTP transport on create and edit; null means the media node default', async () => {
    const res = await refused(cameraBody({ rtspTransport: 'quic' }), 400, 'VALIDATION_FAILED', /Transporte RTP inválido/);
    expect(res.json().error.details[0].path).toBe('rtspTransport');
    const created = await send(a, 'POST', '/api/cameras', cameraBody({ rtspTransport: 'udp' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().rtspTransport).toBe('udp');
    const id = created.json().id as string;
    const bad = await send(a, 'PATCH', `/api/cameras/${id}`, { rtspTransport: 'UDP ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await send(a, 'GET', `/api/cameras/${id}`)).json().rtspTransport).toBe('udp');
    const reset = await send(a, 'PATCH', `/api/cameras/${id}`, { rtspTransport: null });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().rtspTransport).toBeNull();
  });

  it('accepts IPv4, IPv6 and DDNS forms and a loaned camera with serial', async () => {
    for (const host of ['177.12.34.56', '2804:14c:5b70::99', 'Camera-01.Minha-Cidade.com.br']) {
      const res = await send(a, 'POST', '/api/cameras', cameraBody({ host, kind: 'program_loan', assetSerial: 'SESP-000123' }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().host).toBe(host.toLowerCase());
    }
  });

  it('keeps the audit chain intact after all these changes', async () => {
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });
});
