import { createHash, randomBytes } from 'node:crypto';
import { cameraImportColumns, clientImportColumns } from '@vigia/contracts';
import { streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  cameraAssignments,
  cameraMonitoring,
  cameraOutages,
  cameraPoints,
  cameras,
  mediaNodes,
  partners,
} from '../src/db/schema.js';
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
    await db().insert(cameraAssignments).values({ cameraId: cam, nodeId: 'node-test', epoch: 1, generation: 1 });
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

/** Valid check digits (CNPJ algorithm, numeric), distinct per call. */
function cnpj(): string {
  const d = [...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)), 0, 0, 0, 1];
  for (const len of [12, 13]) {
    const weights = len === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const r = d.slice(0, len).reduce((s, n, i) => s + n * weights[i]!, 0) % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join('');
}

const CLIENT_HEADERS = [...clientImportColumns, ...cameraImportColumns].map((c) => c.header);

/** One row of the integrator's spreadsheet: client cells, then a valid camera on its own port. */
async function sheetRow(client: { name: string; document: string; email: string }, overrides: Record<string, string> = {}) {
  const cam = await cameraBody();
  const values: Record<string, string> = {
    clientName: client.name,
    clientDocument: client.document,
    clientEmail: client.email,
    name: cam.name,
    kind: 'Compartilhada',
    assetSerial: '',
    host: cam.host,
    rtspPort: String(cam.rtspPort),
    httpPort: String(cam.httpPort),
    rtspPath: '/stream',
    username: 'vigiamais',
    password: 'S3nh@-Da-Camera',
    latitude: '-15,6',
    longitude: '-56.1',
    municipality: 'Cuiabá',
    heading: '0',
    fieldOfView: '90',
    mounting: 'Fachada',
    openToPublic: 'Não',
    cameraPointId: cam.cameraPointId,
    streamSource: '',
    ...overrides,
  };
  return [...clientImportColumns, ...cameraImportColumns].map((c) => values[c.key] ?? '');
}

async function workbook(rows: string[][], headers = CLIENT_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Câmeras');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function uploadSheet(s: Session, file: Buffer, url = '/api/integrator/import') {
  const boundary = `----vigia${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="clientes.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { ...authHeaders(s), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function counts() {
  const r = (await db().execute(
    sql`SELECT (SELECT count(*)::int FROM camera) AS cameras, (SELECT count(*)::int FROM partner) AS partners,
      (SELECT count(*)::int FROM integrator_client) AS clients, (SELECT count(*)::int FROM camera_sharing_consent) AS consents,
      (SELECT count(*)::int FROM mail_outbox) AS mails`,
  )) as unknown as { rows: { cameras: number; partners: number; clients: number; consents: number; mails: number }[] };
  return r.rows[0]!;
}

describe('Issue 18 — an integrator imports a spreadsheet of clients and their cameras', () => {
  it('serves the integrator template with the client columns in front of the camera columns', async () => {
    const res = await f.send(integrator.session, 'GET', '/api/integrator/import/template?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body.replace('\ufeff', '').split(';').slice(0, 4)).toEqual([
      'Nome do cliente *',
      'CPF ou CNPJ do cliente *',
      'E-mail do cliente *',
      'Nome da câmera *',
    ]);
    expect((await f.send(operator.session, 'GET', '/api/integrator/import/template')).statusCode).toBe(403);
  });

  it('creates or links each client, registers its cameras as managed, asks consent by e-mail (pending); cameras stream once consented', async () => {
    const known = await client();
    const [knownRow] = await db().select().from(partners).where(eq(partners.id, known.id));
    const maria = { name: 'Maria Importada', document: cpf(), email: `maria-${randomBytes(3).toString('hex')}@exemplo.com.br` };
    const condo = { name: 'Condomínio Importado', document: cnpj(), email: `sindico-${randomBytes(3).toString('hex')}@exemplo.com.br` };
    const file = await workbook([
      await sheetRow(maria),
      await sheetRow({
        ...condo,
        document: `${condo.document.slice(0, 2)}.${condo.document.slice(2, 5)}.${condo.document.slice(5, 8)}/${condo.document.slice(8, 12)}-${condo.document.slice(12)}`,
      }),
      await sheetRow(condo),
      await sheetRow({ name: knownRow!.name, document: knownRow!.document, email: known.email }),
    ]);
    const before = await counts();

    const dry = await uploadSheet(integrator.session, file, '/api/integrator/import?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().outcome).toBe('validated');
    expect(await counts()).toEqual(before);

    const res = await uploadSheet(integrator.session, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.outcome).toBe('imported');
    expect(report.createdCount).toBe(4);
    expect(report.rows.map((r: { client: string; consent: string }) => [r.client, r.consent])).toEqual([
      [maria.name, 'pending'],
      [condo.name, 'pending'],
      [condo.name, 'pending'],
      [knownRow!.name, 'pending'],
    ]);
    expect(report.clients.map((c: { name: string; created: boolean; cameraCount: number }) => [c.name, c.created, c.cameraCount])).toEqual([
      [maria.name, true, 1],
      [condo.name, true, 2],
      [knownRow!.name, false, 1],
    ]);
    const after = await counts();
    expect(after.cameras - before.cameras).toBe(4);
    expect(after.partners - before.partners).toBe(2); // the known CPF is linked, not duplicated
    expect(after.consents - before.consents).toBe(3);

    // Managed by the company, in its portfolio, consent pending: not eligible yet.
    const portfolio = (await f.send(integrator.session, 'GET', '/api/integrator/clients')).json().clients as {
      name: string;
      partnerId: string;
      kind: string;
      cameras: { id: string; consent: string; streamEligible: boolean }[];
    }[];
    const condoClient = portfolio.find((c) => c.name === condo.name)!;
    expect(condoClient.kind).toBe('company');
    expect(condoClient.cameras.map((c) => [c.consent, c.streamEligible])).toEqual([
      ['pending', false],
      ['pending', false],
    ]);
    for (const c of condoClient.cameras) expect(await eligible(c.id)).toBe(false);

    // The consent link reached the condominium: confirming it makes both its cameras eligible.
    const token = await tokenMailedTo(ctx.t.database, condo.email, 'autorizacao-cameras');
    const ok = await publicPost('/api/public/camera-consents/confirm', { token, name: 'Síndico do Condomínio' });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const c of condoClient.cameras) expect(await eligible(c.id)).toBe(true);
    expect(await eligible(portfolio.find((c) => c.name === maria.name)!.cameras[0]!.id)).toBe(false);

    const audits = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(sql`${auditEvents.data}->>'sha256' = ${report.sha256}`);
    expect(audits.map((a) => a.action)).toContain('camera.imported');
  });

  it('refuses the whole file with per-row pt-BR problems and stable codes; nothing is written', async () => {
    const [companyRow] = await db().select().from(partners).where(eq(partners.id, company));
    const companyCnpj = cnpj();
    await db().update(partners).set({ document: companyCnpj }).where(eq(partners.id, company));
    try {
      const ana = { name: 'Ana Cliente', document: cpf(), email: 'ana@exemplo.com.br' };
      const file = await workbook([
        await sheetRow(ana),
        await sheetRow({ ...ana, document: '111.222.333-44' }),
        await sheetRow({ ...ana, email: 'ana-arroba-exemplo' }),
        await sheetRow({ ...ana, email: 'outra@exemplo.com.br' }),
        await sheetRow({ name: '', document: '', email: '' }),
        await sheetRow({ name: 'A Própria Empresa', document: companyCnpj, email: 'empresa@exemplo.com.br' }),
        await sheetRow(ana, { latitude: '-23.55', longitude: '-46.63' }),
      ]);
      const before = await counts();
      const res = await uploadSheet(integrator.session, file);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report.outcome).toBe('refused');
      expect(report.createdCount).toBe(0);
      const codes = report.rows.map((r: { problems: { code?: string }[] }) => r.problems.map((p) => p.code ?? null));
      expect(codes).toEqual([
        [],
        ['IMPORT_CLIENT_DOCUMENT_INVALID'],
        ['IMPORT_CLIENT_EMAIL_INVALID'],
        ['IMPORT_CLIENT_CONFLICT'],
        ['IMPORT_CLIENT_MISSING'],
        ['IMPORT_CLIENT_IS_COMPANY'],
        [null],
      ]);
      expect(report.rows[1].problems[0]).toEqual({
        column: 'CPF ou CNPJ do cliente',
        code: 'IMPORT_CLIENT_DOCUMENT_INVALID',
        message: 'CPF inválido: dígitos verificadores não conferem.',
      });
      expect(report.rows[3].problems[0].message).toContain('linha 2');
      expect(await counts()).toEqual(before);
    } finally {
      await db().update(partners).set({ document: companyRow!.document }).where(eq(partners.id, company));
    }
  });

  it('client columns are the integrator’s: a partner user’s camera import with clients is refused; an integrator sheet without them too', async () => {
    const partnerUser = await f.user(['partner_user'], { partnerId: await f.partner() });
    const file = await workbook([await sheetRow({ name: 'Zé Cliente', document: cpf(), email: 'ze@exemplo.com.br' })]);
    const before = await counts();
    const plain = await uploadSheet(partnerUser.session, file, '/api/cameras/import');
    expect(plain.statusCode, plain.body).toBe(403);
    expect(plain.json().error.code).toBe('IMPORT_CLIENTS_INTEGRATOR_ONLY');
    expect((await uploadSheet(partnerUser.session, file)).statusCode).toBe(403);

    const cameraOnly = await workbook(
      [(await sheetRow({ name: '', document: '', email: '' })).slice(clientImportColumns.length)],
      cameraImportColumns.map((c) => c.header),
    );
    const res = await uploadSheet(integrator.session, cameraOnly);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('CAMERA_IMPORT_COLUMNS');
    expect(await counts()).toEqual(before);
  });
});

describe('Art. 25 §2 — the integrator may keep its own copy, recorded as the client camera’s NVR', () => {
  const nvrBody = (keptByIntegrator?: boolean) => ({
    preset: 'hikvision',
    urlTemplate:
      "rtsp://{host}:{port}/Streaming/tracks/{channel}01?starttime={start@utc:yyyyMMdd'T'HHmmss'Z'}&endtime={end@utc:yyyyMMdd'T'HHmmss'Z'}",
    channel: 1,
    ...(keptByIntegrator === undefined ? {} : { keptByIntegrator }),
  });
  const putNvr = (s: Session, cameraId: string, body: object) =>
    ctx.app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/nvr`, headers: authHeaders(s), payload: body });

  it('the managing integrator records its recorder as the client’s NVR (audited); the client sees who keeps it; nobody else may claim it', async () => {
    const c = await client();
    const cam = await clientCamera(c.id);
    const [companyRow] = await db().select({ name: partners.name }).from(partners).where(eq(partners.id, company));

    const res = await putNvr(integrator.session, cam, nvrBody(true));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ configured: true, keptBy: { partnerId: company, name: companyRow!.name } });
    const [audit] = await db()
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'camera.nvr_updated' AND ${auditEvents.targetId} = ${cam}`);
    expect(audit!.data).toMatchObject({ keeperPartnerId: company });

    // Absent: unchanged; false: the client's own recorder.
    expect((await putNvr(integrator.session, cam, nvrBody())).json().keptBy).toMatchObject({ partnerId: company });
    expect((await putNvr(integrator.session, cam, nvrBody(false))).json().keptBy).toBeNull();
    await putNvr(integrator.session, cam, nvrBody(true));

    // The client (a partner user of its own) sees that the company keeps the copy.
    const clientUser = await f.user(['partner_user'], { partnerId: c.id });
    const seen = await f.send(clientUser.session, 'GET', `/api/cameras/${cam}/nvr`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().keptBy).toMatchObject({ partnerId: company });

    // The client itself cannot name the integrator as keeper; another integrator does not even see the camera.
    const byClient = await putNvr(clientUser.session, cam, nvrBody(true));
    expect(byClient.statusCode).toBe(400);
    expect(byClient.json().error.details[0].path).toBe('keptByIntegrator');
    expect((await putNvr(otherIntegrator.session, cam, nvrBody(true))).statusCode).toBe(404);
  });
});
