import { createHash, randomBytes } from 'node:crypto';
import { streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cameraAssignments, cameraMonitoring, cameraOutages, cameraPoints, cameras, mediaNodes } from '../src/db/schema.js';
import { PDF, uploadId } from './accreditation.fixtures.js';
import { anonymous, authHeaders, type Session, useTestApp } from './helpers/app.js';
import { tokenMailedTo } from './helpers/mail.js';
import { releaseFixtures } from './releases.fixtures.js';

/**
 * Issue 18: security companies share their clients' cameras (seed 002, BH + Segura; Decree
 * 1.522/2022 Art. 15), each client's consent recorded, revocable at any time, scoped per company.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const db = () => ctx.t.database.db;
const nonceHash = () => createHash('sha256').update(randomBytes(16)).digest('hex');

let company: string;
let integrator: { session: Session };
let otherIntegrator: { session: Session };
let operator: { session: Session };
/** The integrator's authorised executive project (its accreditation), where client cameras get their points. */
let projectId: string;
let port = 52000;

/** Valid check digits, distinct per call (CPF algorithm). */
function cpf(): string {
  const d = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((s, n, i) => s + n * (len + 1 - i), 0);
    const r = (sum * 10) % 11;
    d.push(r === 10 ? 0 : r);
  }
  return d.join('');
}

async function point(): Promise<string> {
  const [p] = await db()
    .insert(cameraPoints)
    .values({
      applicationId: projectId,
      ordinal: port,
      address: 'Rua da Integradora, 1',
      municipalityIbge: '5103403',
      latitude: -15.6,
      longitude: -56.1,
      mounting: 'facade',
      films: 'via pública',
    })
    .returning();
  return p!.id;
}

async function cameraBody() {
  port += 2;
  return {
    name: `Fachada ${port}`,
    kind: 'partner_own',
    host: 'cliente.ddns.net',
    rtspPort: port,
    httpPort: port + 1,
    rtspPath: '/stream',
    latitude: -15.6,
    longitude: -56.1,
    municipalityIbge: '5103403',
    heading: 0,
    fieldOfView: 90,
    mounting: 'facade',
    cameraPointId: await point(),
  };
}

async function client(as = integrator, email = `cliente-${randomBytes(3).toString('hex')}@exemplo.com.br`) {
  const res = await f.send(as.session, 'POST', '/api/integrator/clients', {
    kind: 'individual',
    name: 'Maria Cliente',
    document: cpf(),
    email,
    municipalityIbge: '5103403',
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().partnerId as string, email };
}

async function clientCamera(clientId: string, as = integrator): Promise<string> {
  const res = await f.send(as.session, 'POST', `/api/integrator/clients/${clientId}/cameras`, await cameraBody());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function eligible(cameraId: string): Promise<boolean> {
  // The very predicate the media node's recorder, lease claim and viewers evaluate.
  const r = (await db().execute(sql.raw(`SELECT ${streamEligibleSql('c')} AS ok FROM camera c WHERE c.id = '${cameraId}'`))) as unknown as {
    rows: { ok: boolean }[];
  };
  return r.rows[0]!.ok === true;
}

async function linkConsent(clientId: string, email: string, cameraIds: string[]) {
  const req = await f.send(integrator.session, 'POST', `/api/integrator/clients/${clientId}/consents`, { cameraIds, means: 'email_link' });
  expect(req.statusCode, req.body).toBe(200);
  const token = await tokenMailedTo(ctx.t.database, email, 'autorizacao-cameras');
  return { consent: req.json(), token };
}

/** Status of an operator's live-token request (a live media node is on record, as when one runs). */
async function liveToken(cameraId: string): Promise<number> {
  await db()
    .insert(mediaNodes)
    .values({ id: 'node-test', publicUrl: 'http://127.0.0.1:1', heartbeatAt: new Date() })
    .onConflictDoUpdate({ target: mediaNodes.id, set: { heartbeatAt: new Date() } });
  return (await f.send(operator.session, 'POST', `/api/live/${cameraId}/token`, { nonceHash: nonceHash() })).statusCode;
}

async function publicPost(url: string, payload: object) {
  const s = await anonymous(ctx.app);
  return ctx.app.inject({ method: 'POST', url, headers: authHeaders(s), payload });
}

beforeAll(async () => {
  company = await f.partner();
  // The company's accreditation: an active term and an authorised executive project.
  const own = await f.camera(company);
  const [c] = await db().select({ point: cameras.cameraPointId }).from(cameras).where(eq(cameras.id, own));
  const [p] = await db().select({ app: cameraPoints.applicationId }).from(cameraPoints).where(eq(cameraPoints.id, c!.point!));
  projectId = p!.app;
  integrator = await f.user(['integrator'], { partnerId: company });
  otherIntegrator = await f.user(['integrator'], { partnerId: await f.partner() });
  operator = await f.user(['operator']);
});

describe('Art. 15 — a client camera shared by an integrator needs the client’s consent', () => {
  it('without consent the camera cannot stream (no live token, not on the operator’s map); the e-mailed link grants it', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    expect(await eligible(cam)).toBe(false);
    expect(await liveToken(cam)).toBe(404);
    const map = (await f.send(operator.session, 'GET', '/api/cameras/map')).json();
    expect(map.items.map((i: { id: string }) => i.id)).not.toContain(cam);

    const { consent, token: link } = await linkConsent(c.id, c.email, [cam]);
    expect(consent).toMatchObject({ status: 'pending', means: 'email_link', cameras: [{ id: cam }] });
    expect(await eligible(cam)).toBe(false);
    const view = await publicPost('/api/public/camera-consents/lookup', { token: link });
    expect(view.json()).toMatchObject({ clientName: 'Maria Cliente', status: 'pending', cameras: [{ name: expect.any(String) }] });
    expect(view.json().cameras[0]).not.toHaveProperty('host');

    const ok = await publicPost('/api/public/camera-consents/confirm', { token: link, name: 'Maria Cliente' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('granted');
    expect(await eligible(cam)).toBe(true);
    expect(await liveToken(cam)).toBe(200);
    const listed = (await f.send(integrator.session, 'GET', `/api/integrator/clients/${c.id}`)).json();
    expect(listed.cameras).toEqual([expect.objectContaining({ id: cam, consent: 'granted', streamEligible: true })]);
    expect(listed.consents[0]).toMatchObject({ consentedBy: 'Maria Cliente', consentedAt: expect.any(String) });
    // A second confirmation and a forged token change nothing.
    expect((await publicPost('/api/public/camera-consents/confirm', { token: link, name: 'Outro' })).statusCode).toBe(409);
    expect((await publicPost('/api/public/camera-consents/confirm', { token: 'x'.repeat(43), name: 'Outro' })).statusCode).toBe(404);
  });

  it('the signed-term route: the platform issues the term with an authenticity code; the consent counts once the signed copy is recorded', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    const req = await f.send(integrator.session, 'POST', `/api/integrator/clients/${c.id}/consents`, {
      cameraIds: [cam],
      means: 'signed_term',
    });
    expect(req.statusCode, req.body).toBe(200);
    const consent = req.json();
    expect(consent.termDocument).toMatchObject({ code: expect.any(String) });
    const pdf = await f.send(integrator.session, 'GET', `/api/integrator/consents/${consent.id}/term`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${consent.termDocument.code}` });
    expect(verified.statusCode).toBe(200);
    // The link cannot confirm a signed-term consent; another company cannot read its term.
    const link = await tokenMailedTo(ctx.t.database, c.email, 'autorizacao-cameras');
    expect((await publicPost('/api/public/camera-consents/confirm', { token: link, name: 'Maria' })).statusCode).toBe(409);
    expect((await f.send(otherIntegrator.session, 'GET', `/api/integrator/consents/${consent.id}/term`)).statusCode).toBe(404);
    expect(await eligible(cam)).toBe(false);
    const scan = await uploadId(ctx.app, integrator.session, PDF, 'termo-assinado.pdf');
    const signed = await f.send(integrator.session, 'POST', `/api/integrator/consents/${consent.id}/signed-term`, {
      signedFileId: scan,
      signerName: 'Maria Cliente',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'granted', consentedBy: 'Maria Cliente' });
    expect(await eligible(cam)).toBe(true);
  });

  it('a camera already under a pending or granted consent cannot be asked again', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    await linkConsent(c.id, c.email, [cam]);
    const again = await f.send(integrator.session, 'POST', `/api/integrator/clients/${c.id}/consents`, {
      cameraIds: [cam],
      means: 'email_link',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSENT_CAMERA_TAKEN');
  });
});

describe('Art. 15 — revocation by the client stops live, recording and health at once, audited', () => {
  it('by link: not eligible, lease row gone, monitoring ended, open outage closed, no live token; audit rows written', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    const keep = await clientCamera(c.id);
    const { token } = await linkConsent(c.id, c.email, [cam, keep]);
    await publicPost('/api/public/camera-consents/confirm', { token, name: 'Maria Cliente' });
    // The camera is being served, monitored and has an open outage, as the media node writes them.
    await db()
      .insert(cameraAssignments)
      .values({ cameraId: cam, nodeId: 'node-test', expiresAt: new Date(Date.now() + 60_000) });
    await db()
      .insert(cameraMonitoring)
      .values({ cameraId: cam, monitoredSince: new Date(Date.now() - 3_600_000) });
    await db()
      .insert(cameraOutages)
      .values({ cameraId: cam, startedAt: new Date(Date.now() - 60_000), cause: 'camera_unreachable' });
    expect(await liveToken(cam)).toBe(200);

    const revoked = await publicPost('/api/public/camera-consents/revoke', { token });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect(await eligible(cam)).toBe(false);
    expect(await eligible(keep)).toBe(false);
    expect(await db().select().from(cameraAssignments).where(eq(cameraAssignments.cameraId, cam))).toEqual([]);
    expect(await db().select().from(cameraMonitoring).where(eq(cameraMonitoring.cameraId, cam))).toEqual([]);
    const [outage] = await db().select().from(cameraOutages).where(eq(cameraOutages.cameraId, cam));
    expect(outage!.endedAt).not.toBeNull();
    expect(await liveToken(cam)).toBe(404);
    const map = (await f.send(operator.session, 'GET', '/api/cameras/map')).json();
    expect(map.items.map((i: { id: string }) => i.id)).not.toContain(cam);

    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'camera.sharing_stopped'));
    expect(audit.map((a) => a.targetId)).toEqual(expect.arrayContaining([cam, keep]));
    const [rev] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'camera_sharing_consent.revoked'))
      .orderBy(sql`seq desc`)
      .limit(1);
    expect(rev).toMatchObject({ targetId: c.id, data: expect.objectContaining({ via: 'link' }) });
    // Revoking twice is refused and writes nothing more.
    const before = (await db().select().from(auditEvents)).length;
    expect((await publicPost('/api/public/camera-consents/revoke', { token })).statusCode).toBe(409);
    expect((await db().select().from(auditEvents)).length).toBe(before);
  });

  it('from the portal: the client sees its cameras and who manages them, and revokes; another partner’s consent is 404', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    const { consent, token } = await linkConsent(c.id, c.email, [cam]);
    await publicPost('/api/public/camera-consents/confirm', { token, name: 'Maria Cliente' });
    const me = await f.user(['partner_user'], { partnerId: c.id });
    const stranger = await f.user(['partner_user'], { partnerId: await f.partner() });
    const mine = (await f.send(me.session, 'GET', '/api/partner/camera-sharing')).json().consents;
    expect(mine).toEqual([
      expect.objectContaining({
        id: consent.id,
        integratorPartnerId: company,
        status: 'granted',
        cameras: [{ id: cam, name: expect.any(String) }],
      }),
    ]);
    expect((await f.send(me.session, 'GET', `/api/cameras/${cam}`)).statusCode).toBe(200);
    expect((await f.send(stranger.session, 'POST', `/api/partner/camera-sharing/${consent.id}/revoke`)).statusCode).toBe(404);
    expect(await eligible(cam)).toBe(true);
    const r = await f.send(me.session, 'POST', `/api/partner/camera-sharing/${consent.id}/revoke`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'revoked', revokedVia: 'portal' });
    expect(await eligible(cam)).toBe(false);
  });
});

describe('Art. 26 §2 — an integrator sees only its own clients’ cameras', () => {
  it('another integrator’s client, its cameras and consents are 404; the portfolio lists only its own', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    const other = otherIntegrator;
    expect((await f.send(other.session, 'GET', `/api/integrator/clients/${c.id}`)).statusCode).toBe(404);
    expect((await f.send(other.session, 'GET', `/api/cameras/${cam}`)).statusCode).toBe(404);
    expect((await f.send(other.session, 'POST', `/api/integrator/clients/${c.id}/cameras`, await cameraBody())).statusCode).toBe(404);
    expect(
      (await f.send(other.session, 'POST', `/api/integrator/clients/${c.id}/consents`, { cameraIds: [cam], means: 'email_link' }))
        .statusCode,
    ).toBe(404);
    expect((await f.send(other.session, 'GET', '/api/integrator/clients')).json().clients).toEqual([]);
    expect((await f.send(other.session, 'GET', '/api/cameras')).json().items ?? []).not.toContainEqual(
      expect.objectContaining({ id: cam }),
    );
    // Its own integrator reads and manages it; a camera of another partner cannot be put in a consent.
    expect((await f.send(integrator.session, 'GET', `/api/cameras/${cam}`)).statusCode).toBe(200);
    const stranger = await f.camera(await f.partner());
    expect(
      (await f.send(integrator.session, 'POST', `/api/integrator/clients/${c.id}/consents`, { cameraIds: [stranger], means: 'email_link' }))
        .statusCode,
    ).toBe(404);
    expect((await f.send(integrator.session, 'GET', `/api/cameras/${stranger}`)).statusCode).toBe(404);
  });
});

describe('Issue 18 — batch self-test over the client cameras, with progress and a per-camera report', () => {
  it('tests each camera once, reports the failing step and its hint per camera; another company’s batch is 404', async () => {
    const c = await client();
    const a = await clientCamera(c.id);
    const b = await clientCamera(c.id);
    const started = await f.send(integrator.session, 'POST', '/api/integrator/self-test-batches', { clientPartnerId: c.id });
    expect(started.statusCode, started.body).toBe(200);
    const batch = started.json();
    expect(batch).toMatchObject({ total: 2, finishedAt: null });
    expect(batch.cameras.map((x: { cameraId: string }) => x.cameraId).sort()).toEqual([a, b].sort());
    let report = batch;
    const progress: number[] = [];
    while (!report.finishedAt) {
      report = (await f.send(integrator.session, 'GET', `/api/integrator/self-test-batches/${batch.id}`)).json();
      progress.push(report.done);
      await new Promise((r) => setImmediate(r));
    }
    expect(report.done).toBe(2);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress); // never goes back
    // Nothing listens on the registered ports: each line names the failing step and what to do.
    for (const line of report.cameras) {
      expect(line).toMatchObject({ ok: false, clientName: 'Maria Cliente', selfTestId: expect.any(String) });
      expect(line.failedStep).toMatchObject({ key: expect.any(String), hint: expect.any(String) });
    }
    expect((await f.send(otherIntegrator.session, 'GET', `/api/integrator/self-test-batches/${batch.id}`)).statusCode).toBe(404);
    expect((await f.send(otherIntegrator.session, 'POST', '/api/integrator/self-test-batches', { clientPartnerId: c.id })).statusCode).toBe(
      404,
    );
  }, 60_000);
});
