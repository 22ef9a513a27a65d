import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, cameraNvrs } from '../src/db/schema.js';
import { anonymous, authHeaders, type Session, useTestApp } from './helpers/app.js';
import { makeStreamEligible } from './helpers/eligible-camera.js';
import { releaseFixtures } from './releases.fixtures.js';

/**
 * Issue 12 "Hostile users", items 3, 4 and 10 (server side; the media node's share is in
 * apps/media-node/test/hostile-streams.test.ts). Each test performs the attack as described in the
 * issue and checks that the refusal wrote nothing (no audit row, no export job).
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const db = () => ctx.t.database.db;
const nonceHash = () => createHash('sha256').update(randomBytes(16)).digest('hex');

async function counts(): Promise<{ audit: number; exports: number; playbacks: number }> {
  const r = (await db().execute(
    sql`SELECT (SELECT count(*)::int FROM audit_event) AS audit, (SELECT count(*)::int FROM export_job) AS exports,
               (SELECT count(*)::int FROM playback_session) AS playbacks`,
  )) as unknown as { rows: { audit: number; exports: number; playbacks: number }[] };
  return r.rows[0]!;
}

let port = 41000;
function openCameraBody() {
  port += 2;
  return {
    name: 'Padrão de teste — Rua das Flores, 123',
    kind: 'partner_own',
    host: 'parceiro-b.ddns.net',
    rtspPort: port,
    httpPort: port + 1,
    rtspPath: '/push',
    latitude: -15.60137,
    longitude: -56.09791,
    municipalityIbge: '5103403',
    heading: 45,
    fieldOfView: 90,
    mounting: 'facade',
    openToPublic: true,
  };
}

let partnerB: string;
let b: { session: Session };
let operator: { session: Session };
let admin: { session: Session };
let committee: { session: Session };
let visitor: Session;

beforeAll(async () => {
  partnerB = await f.partner();
  // Partner B: an account from public sign-up whose application is still a draft (no cooperation term).
  const bUser = await f.user(['partner_user'], { partnerId: partnerB });
  b = bUser;
  await db()
    .insert(applications)
    .values({
      number: `D-${randomBytes(4).toString('hex')}`,
      partnerId: partnerB,
      status: 'draft',
      propertyOwnership: 'own',
      createdBy: bUser.id,
    });
  operator = await f.user(['operator']);
  admin = await f.user(['admin']);
  committee = await f.user(['committee_member']);
  visitor = await anonymous(ctx.app);
});

describe('item 3 — an unapproved partner cannot put video on the public portal or in the CIOSP', () => {
  it('a draft partner’s "open" camera with push credentials reaches nobody; refusals write nothing', async () => {
    const created = await f.send(b.session, 'POST', '/api/cameras', openCameraBody());
    expect(created.statusCode, created.body).toBe(201);
    const cam = created.json();
    expect(cam).toMatchObject({ openToPublic: true, publicAccess: 'requested', streamEligible: false });
    expect((await f.send(b.session, 'POST', `/api/cameras/${cam.id}/push-credentials`)).statusCode).toBe(201);

    const before = await counts();
    // Not on the public map, neither as an open camera nor as a participating site.
    const map = (await ctx.app.inject({ method: 'GET', url: '/api/public/map' })).json();
    expect(map.openCameras.map((c: { id: string }) => c.id)).not.toContain(cam.id);
    expect(map.sites).toEqual([]);
    // Anonymous live token: not found (stable code, pt-BR message).
    const anon = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/live/${cam.id}/token`,
      headers: authHeaders(visitor),
      payload: { nonceHash: nonceHash() },
    });
    expect(anon.statusCode).toBe(404);
    expect(anon.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Câmera não encontrada.' });
    // Operators: not in the list, not on the map, no live token, no export.
    expect((await f.send(operator.session, 'GET', '/api/cameras')).json().items).toEqual([]);
    expect((await f.send(operator.session, 'GET', '/api/cameras/map')).json().items).toEqual([]);
    const opLive = await f.send(operator.session, 'POST', `/api/live/${cam.id}/token`, { nonceHash: nonceHash() });
    expect(opLive.statusCode).toBe(404);
    expect(opLive.json().error.code).toBe('NOT_FOUND');
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() - 60_000).toISOString() };
    const opExport = await f.send(operator.session, 'POST', '/api/exports', {
      cameraIds: [cam.id],
      ...range,
      reason: 'Ocorrência 123/2026 — teste',
    });
    expect(opExport.statusCode).toBe(404);
    // Even the administrator (who sees every camera) gets no export, and the owner no live view.
    const adminExport = await f.send(admin.session, 'POST', '/api/exports', {
      cameraIds: [cam.id],
      ...range,
      reason: 'Ocorrência 123/2026 — teste',
    });
    expect(adminExport.statusCode).toBe(409);
    expect(adminExport.json().error.code).toBe('CAMERA_NOT_ELIGIBLE');
    const own = await f.send(b.session, 'POST', `/api/live/${cam.id}/token`, { nonceHash: nonceHash() });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('CAMERA_NOT_ELIGIBLE');
    expect(own.json().error.message).toMatch(/termo de cooperação vigente.*ponto aprovado do projeto executivo/);
    expect(await counts()).toEqual(before);
  });

  it('with a term and an authorised point the camera streams to the CIOSP, but opens to the public only on the committee’s approval', async () => {
    const cam = (await f.send(b.session, 'POST', '/api/cameras', openCameraBody())).json();
    await makeStreamEligible(ctx.t.database, cam.id);
    expect((await f.send(operator.session, 'GET', '/api/cameras')).json().items.map((c: { id: string }) => c.id)).toContain(cam.id);
    const publicIds = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/api/public/map' })).json().openCameras.map((c: { id: string }) => c.id);
    expect(await publicIds()).not.toContain(cam.id); // requested, not approved
    const anon = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/public/live/${cam.id}/token`,
        headers: authHeaders(visitor),
        payload: { nonceHash: nonceHash() },
      });
    expect((await anon()).statusCode).toBe(404);

    // Only the committee decides; the partner cannot approve its own request.
    const decision = { approve: true, reason: 'Local de interesse público; imagem sem áreas privadas.' };
    expect((await f.send(b.session, 'POST', `/api/cameras/${cam.id}/public-access/decision`, decision)).statusCode).toBe(403);
    const approved = await f.send(committee.session, 'POST', `/api/cameras/${cam.id}/public-access/decision`, decision);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ publicAccess: 'approved', streamEligible: true });
    const [audit] = (
      (await db().execute(
        sql`SELECT reason, data FROM audit_event WHERE action = 'camera.public_access_decided' AND target_id = ${cam.id}`,
      )) as unknown as { rows: { reason: string; data: { approve: boolean } }[] }
    ).rows;
    expect(audit).toMatchObject({ reason: decision.reason, data: { approve: true } });
    expect(await publicIds()).toContain(cam.id);
    expect((await anon()).json().error?.code).toBe('MEDIA_NODE_UNAVAILABLE'); // past the camera check (no node in this test)

    // Withdrawing the request ends the approval: asking again needs a new decision.
    expect((await f.send(b.session, 'PATCH', `/api/cameras/${cam.id}`, { openToPublic: false })).statusCode).toBe(200);
    const again = await f.send(b.session, 'PATCH', `/api/cameras/${cam.id}`, { openToPublic: true });
    expect(again.json().publicAccess).toBe('requested');
    expect(await publicIds()).not.toContain(cam.id);
  });
});

describe('item 4 and item 10 — another partner’s open camera is live only, and shown as the public map shows it', () => {
  let partnerA: string;
  let a: { session: Session };
  let openB: string;

  beforeAll(async () => {
    partnerA = await f.partner();
    a = await f.user(['partner_user'], { partnerId: partnerA });
    openB = await f.camera(partnerB, 'cuiaba', { openToPublic: true, name: 'Portaria da Rua das Flores, 123' });
    // B's recorder, as B would declare it (address and template are B's business only).
    await db()
      .insert(cameraNvrs)
      .values({ cameraId: openB, preset: 'hikvision', urlTemplate: 'rtsp://nvr-b.ddns.net:554/Streaming/tracks/101', channel: 1 });
  });

  it('partner A gets 404 for playback, NVR playback and NVR settings of B’s open camera, and nothing is written', async () => {
    expect((await f.send(a.session, 'GET', `/api/cameras/${openB}`)).statusCode).toBe(200); // live view scope
    const before = await counts();
    const req = { nonceHash: nonceHash(), from: new Date(Date.now() - 600_000).toISOString(), reason: 'Curiosidade do parceiro A' };
    for (const [method, url, body] of [
      ['POST', `/api/playback/${openB}/token`, req],
      ['POST', `/api/playback/${openB}/nvr/token`, req],
      ['GET', `/api/cameras/${openB}/nvr`, undefined],
      [
        'GET',
        `/api/recordings/${openB}/timeline?from=${encodeURIComponent(req.from)}&to=${encodeURIComponent(new Date().toISOString())}`,
        undefined,
      ],
    ] as const) {
      const res = await f.send(a.session, method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('Streaming/tracks');
    }
    expect(await counts()).toEqual(before);
    // The owner still reaches its own NVR settings.
    expect((await f.send(b.session, 'GET', `/api/cameras/${openB}/nvr`)).json()).toMatchObject({ configured: true });
  });

  it('partner A’s list and map give B’s open camera only what the public map gives', async () => {
    const pub = (await ctx.app.inject({ method: 'GET', url: '/api/public/map' }))
      .json()
      .openCameras.find((c: { id: string }) => c.id === openB);
    expect(pub).toBeTruthy();
    const item = (await f.send(a.session, 'GET', '/api/cameras/map')).json().items.find((c: { id: string }) => c.id === openB);
    expect(item).toMatchObject({
      id: openB,
      latitude: pub.latitude,
      longitude: pub.longitude,
      municipalityIbge: pub.municipalityIbge,
      partnerId: '',
    });
    expect(item.name).toMatch(/^Câmera aberta ao público — Cuiabá$/);
    const one = (await f.send(a.session, 'GET', `/api/cameras/${openB}`)).json();
    const listed = (await f.send(a.session, 'GET', '/api/cameras')).json().items.find((c: { id: string }) => c.id === openB);
    for (const c of [one, listed]) {
      expect(c).toMatchObject({ latitude: pub.latitude, longitude: pub.longitude, partnerId: '', host: '', assetSerial: null, heading: 0 });
      expect(JSON.stringify(c)).not.toContain('Rua das Flores');
    }
    // The owner still sees its exact data.
    const ownView = (await f.send(b.session, 'GET', `/api/cameras/${openB}`)).json();
    expect(ownView.name).toBe('Portaria da Rua das Flores, 123');
    expect(ownView.latitude).not.toBe(pub.latitude);
  });
});
