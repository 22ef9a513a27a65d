import { randomUUID } from 'node:crypto';
import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { CoalescedRateLimit } from '../src/modules/accounts/rate-limit.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { documentRenderSweep } from '../src/modules/documents/deferred-render.js';
import { localFileStorage } from '../src/modules/files/file-storage.js';
import { multipart } from './accreditation.fixtures.js';
import { anonymous, authHeaders, makeUser, type Session, signIn, testApp, testConfig } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const [bronze, prata, ouro] = govbrDemoAccounts as [
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
];
/** A person with a record (inquiry, served sentence, final conviction) and one whose name another person shares. */
const withRecord = {
  cpf: '93541134780',
  name: 'Diego Registro Costa',
  email: 'diego@cidadao.local',
  password: 'senha-govbr-4',
  level: 'ouro' as const,
};
const homonym = {
  cpf: '71428793860',
  name: 'João Homônimo Pereira',
  email: 'joao@cidadao.local',
  password: 'senha-govbr-5',
  level: 'prata' as const,
};

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let staff: Session;

beforeAll(async () => {
  setClock('2026-03-10T13:00:00Z');
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: [...govbrDemoAccounts, withRecord, homonym],
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  staff = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const request = (s: CitizenSessionCookies, purpose = 'emprego') =>
  app.inject({ method: 'POST', url: '/api/citizen/criminal-certificates', headers: asCitizen(s), payload: { purpose } });
/** The certificate's PDF once it is rendered (after commit): waits on the list's `pdfReady`, then downloads it. */
async function renderedPdf(s: CitizenSessionCookies, id: string) {
  const until = Date.now() + 20_000;
  for (;;) {
    const mine = (await app.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: { cookie: s.cookie } })).json();
    if (mine.certificates.find((c: { id: string }) => c.id === id)?.pdfReady) break;
    if (Date.now() > until) throw new Error('the certificate PDF was not rendered');
    await new Promise((r) => setTimeout(r, 50));
  }
  const pdf = await app.inject({ method: 'GET', url: `/api/citizen/criminal-certificates/${id}/pdf`, headers: { cookie: s.cookie } });
  expect(pdf.statusCode).toBe(200);
  return pdf;
}
const addRecord = async (record: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url: '/api/criminal-records', headers: authHeaders(staff), payload: record });
  expect(res.statusCode, res.body).toBe(200);
};

describe('gov.br sign-in through the local provider (OIDC code + PKCE S256)', () => {
  it.each([
    [bronze, 'bronze'],
    [prata, 'prata'],
    [ouro, 'ouro'],
  ] as const)('signs in %s with CPF as subject and reads the level %s', async (account, level) => {
    const s = await signInWithGovbr(app, account.cpf, account.password);
    const session = (await app.inject({ method: 'GET', url: '/api/citizen/session', headers: { cookie: s.cookie } })).json();
    expect(session.citizen).toEqual({ name: account.name, cpf: account.cpf, email: account.email, level });
    expect(session.signInAvailable).toBe(true);
  });

  it('refuses a wrong password at the provider (no code comes back)', async () => {
    await expect(signInWithGovbr(app, prata.cpf, 'senha-errada')).rejects.toThrow(/gov.br stopped/);
  });

  it('sends the PKCE challenge with S256 and refuses a replayed state', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/citizen/auth/login' });
    const url = new URL(String(start.headers.location));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile govbr_confiabilidades');
    const forged = await app.inject({ method: 'GET', url: `/api/citizen/auth/callback?code=x&state=${url.searchParams.get('state')}x` });
    expect(forged.json().error.code).toBe('GOVBR_SIGN_IN_FAILED');
  });

  it('keeps the citizen session apart from the staff session', async () => {
    const staffOnCitizen = await app.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: authHeaders(staff) });
    expect(staffOnCitizen.statusCode).toBe(401);
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const citizenOnStaff = await app.inject({ method: 'GET', url: '/api/criminal-certificates/queue', headers: { cookie: s.cookie } });
    expect(citizenOnStaff.statusCode).toBe(401);
  });

  it('without gov.br configuration, says why sign-in is unavailable', async () => {
    const plain = await testApp(t.database, t.dataDir);
    const session = (await plain.inject({ method: 'GET', url: '/api/citizen/session' })).json();
    expect(session.signInAvailable).toBe(false);
    expect(session.unavailableReason).toMatch(/não está configurado/);
    const login = await plain.inject({ method: 'GET', url: '/api/citizen/auth/login' });
    expect(login.json().error.code).toBe('CITIZEN_SIGN_IN_UNAVAILABLE');
    await plain.close();
  });
});

describe('criminal-record certificate', () => {
  it('a bronze account is refused the certificate with a clear message', async () => {
    const s = await signInWithGovbr(app, bronze.cpf, bronze.password);
    const res = await request(s);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'CITIZEN_LEVEL_TOO_LOW', message: expect.stringMatching(/prata ou ouro/) });
  });

  it('is issued at once when there is no record and no homonym; public verification shows only the minimum', async () => {
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const res = await request(s);
    expect(res.statusCode, res.body).toBe(200);
    const cert = res.json();
    expect(cert).toMatchObject({ status: 'issued', result: 'nada_consta', deadlineAt: null });
    expect(new Date(cert.validUntil).getTime() - new Date(cert.issuedAt).getTime()).toBe(90 * 86_400_000);
    // Request and issue at once: one row written issued, one audit entry for both.
    const audits = await t.database.db.query.auditEvents.findMany({ where: (a, { eq }) => eq(a.targetId, cert.id) });
    expect(audits.map((a) => a.action)).toEqual(['criminal_certificate.issued']);
    expect(audits[0]!.data).toMatchObject({ atOnce: true, code: cert.code, protocol: cert.protocol });
    // The document's entry and the certificate's are written in one insert: consecutive, chained.
    const [docEntry] = await t.database.db.query.auditEvents.findMany({
      where: (a, { and, eq, sql }) => and(eq(a.action, 'document.issued'), sql`${a.data}->>'code' = ${cert.code}`),
    });
    expect(docEntry!.seq).toBe(audits[0]!.seq - 1);
    expect(audits[0]!.prevHash).toBe(docEntry!.hash);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });

    const verified = await app.inject({ method: 'GET', url: `/api/public/criminal-certificates/${cert.code}` });
    expect(Object.keys(verified.json()).sort()).toEqual([
      'code',
      'cpfMasked',
      'issuedAt',
      'name',
      'result',
      'resultText',
      'valid',
      'validUntil',
    ]);
    expect(verified.json()).toMatchObject({ name: prata.name, cpfMasked: '***.444.777-**', valid: true, result: 'nada_consta' });
    expect(verified.body).not.toContain(prata.cpf);
  });

  it('public verification (by code) is logged for the citizen; the issued PDF passes, a tampered copy fails', async () => {
    const s = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const cert = (await request(s)).json();
    const pdf = await renderedPdf(s, cert.id);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const anon = await anonymous(app);
    const check = async (data: Buffer) => {
      const mp = multipart({ name: 'certidao.pdf', data }, { code: cert.code });
      const r = await app.inject({
        method: 'POST',
        url: '/api/public/documents/verify',
        headers: { ...mp.headers, cookie: anon.cookie, 'x-csrf-token': anon.csrf },
        payload: mp.payload,
      });
      return r.json().matches;
    };
    expect(await check(pdf.rawPayload)).toBe(true);
    const tampered = Buffer.from(pdf.rawPayload);
    tampered[Math.floor(tampered.length / 2)] = tampered[Math.floor(tampered.length / 2)]! ^ 0x01;
    expect(await check(tampered)).toBe(false);
    // Someone else's certificate PDF is not found for another citizen.
    const other = await signInWithGovbr(app, prata.cpf, prata.password);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/citizen/criminal-certificates/${cert.id}/pdf`,
      headers: { cookie: other.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    const foreignLink = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(other),
      payload: { grantee: 'Empresa alheia', days: 5 },
    });
    expect(foreignLink.statusCode).toBe(404);
  });

  it('Lei 9.051/1995 — a homonym sends the request to analysis with a 15-day deadline; the analyst issues it', async () => {
    await addRecord({
      cpf: null,
      name: 'JOAO HOMONIMO PEREIRA',
      kind: 'conviction',
      status: 'final',
      description: 'Condenação por furto (art. 155 CP)',
      court: '1ª Vara Criminal de Sinop',
    });
    const s = await signInWithGovbr(app, homonym.cpf, homonym.password);
    const queued = (await request(s)).json();
    expect(queued).toMatchObject({ status: 'in_analysis', code: null });
    expect(new Date(queued.deadlineAt).getTime() - new Date(queued.requestedAt).getTime()).toBe(15 * 86_400_000);

    const queue = (await app.inject({ method: 'GET', url: '/api/criminal-certificates/queue', headers: authHeaders(staff) })).json();
    expect(queue.requests.find((r: { id: string }) => r.id === queued.id)).toMatchObject({
      analysisReason: 'homonym',
      cpfMasked: '***.287.938-**',
    });

    const issued = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'issue' },
    });
    expect(issued.json()).toMatchObject({ status: 'issued', result: 'nada_consta' });
    const mine = (await app.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: { cookie: s.cookie } })).json();
    expect(mine.certificates[0]).toMatchObject({ id: queued.id, status: 'issued' });
  });

  it('CPP art. 20, sole § — the content never includes an inquiry; LEP art. 202 — served or extinguished sentences are not shown', async () => {
    const base = { cpf: withRecord.cpf, name: withRecord.name, court: 'Vara Criminal de Cuiabá' };
    await addRecord({ ...base, kind: 'inquiry', status: 'open', description: 'Inquérito policial 123/2025 (estelionato)' });
    await addRecord({ ...base, kind: 'conviction', status: 'served', description: 'Pena cumprida: lesão corporal' });
    await addRecord({ ...base, kind: 'conviction', status: 'extinguished', description: 'Punibilidade extinta: ameaça' });
    await addRecord({ ...base, kind: 'conviction', status: 'final', description: 'Condenação em vigor: receptação' });
    const s = await signInWithGovbr(app, withRecord.cpf, withRecord.password);
    const queued = (await request(s)).json();
    expect(queued.status).toBe('in_analysis');
    const decided = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'issue' },
    });
    expect(decided.json().result, decided.body).toBe('consta');
    const rows = await t.database.db.query.criminalRecordCertificates.findFirst({ where: (c, { eq }) => eq(c.id, queued.id) });
    expect(rows?.content).toEqual(['Condenação em vigor: receptação — Vara Criminal de Cuiabá']);
    await renderedPdf(s, queued.id);
    // The PDF is rendered from exactly these lines (certificate-content.ts); its streams are compressed.
    const text = JSON.stringify(rows);
    for (const hidden of ['Inquérito', 'estelionato', 'Pena cumprida', 'extinta']) expect(text).not.toContain(hidden);
  });

  it('an analyst may answer with reasons instead of issuing', async () => {
    const s = await signInWithGovbr(app, withRecord.cpf, withRecord.password);
    const queued = (await request(s, 'concurso público')).json();
    const answered = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'answer', reason: 'Compareça à Politec com documento de identidade para conferência biométrica.' },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: expect.stringMatching(/Politec/), code: null });
  });

  it('LEP art. 202 — Politec marks a sentence served on the records base screen: audited, and the next certificate leaves it out', async () => {
    const list = async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/criminal-records?cpf=${withRecord.cpf}&purpose=${encodeURIComponent('revisão de situação')}`,
        headers: authHeaders(staff),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().records as { id: string; description: string; status: string; kind: string }[];
    };
    const inForce = (await list()).find((r) => r.description === 'Condenação em vigor: receptação')!;
    expect(inForce).toMatchObject({ kind: 'conviction', status: 'final' });

    const change = (id: string, payload: Record<string, string>, headers = authHeaders(staff)) =>
      app.inject({ method: 'POST', url: `/api/criminal-records/${id}/status`, headers, payload });
    const partner = await signIn(app, (await makeUser(t.database, ['traffic_police'])).email);
    expect((await change(inForce.id, { status: 'served', reason: 'x' }, authHeaders(partner))).statusCode).toBe(403);
    expect((await change(inForce.id, { status: 'pardoned', reason: 'x' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await change(randomUUID(), { status: 'served', reason: 'Guia de execução' })).statusCode).toBe(404);
    expect((await list()).find((r) => r.id === inForce.id)?.status).toBe('final');

    const changed = await change(inForce.id, { status: 'served', reason: 'Guia de execução 77/2026: pena cumprida' });
    expect(changed.json()).toMatchObject({ id: inForce.id, status: 'served' });
    const audit = await t.database.db.query.auditEvents.findFirst({
      where: (a, { and, eq }) => and(eq(a.action, 'criminal_record.status_changed'), eq(a.targetId, inForce.id)),
    });
    expect(audit).toMatchObject({ reason: 'Guia de execução 77/2026: pena cumprida', data: { from: 'final', to: 'served' } });

    const s = await signInWithGovbr(app, withRecord.cpf, withRecord.password);
    const queued = (await request(s, 'emprego')).json();
    const decided = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'issue' },
    });
    expect(decided.json().result, decided.body).toBe('nada_consta');
  });

  it('consent link answers until it expires, and each use is in "who looked me up"', async () => {
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const cert = (await request(s)).json();
    const link = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(s),
      payload: { grantee: 'Transportadora Exemplo Ltda', days: 7 },
    });
    expect(link.statusCode, link.body).toBe(200);
    const { token } = link.json();
    const answer = await app.inject({ method: 'GET', url: `/api/public/consent/${token}` });
    expect(answer.json()).toMatchObject({ name: prata.name, cpfMasked: '***.444.777-**', certificateValid: true, noRecordAsOfNow: true });

    const lookups = (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups;
    expect(lookups).toContainEqual(
      expect.objectContaining({ by: 'Transportadora Exemplo Ltda', purpose: 'consulta autorizada por link de consentimento' }),
    );

    setClock('2026-03-17T13:00:01Z');
    try {
      const expired = await app.inject({ method: 'GET', url: `/api/public/consent/${token}` });
      expect(expired.json().error.code).toBe('CERTIFICATE_CONSENT_LINK_INVALID');
    } finally {
      setClock('2026-03-10T13:00:00Z');
    }
    const tooLong = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(s),
      payload: { grantee: 'Outra empresa', days: 31 },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('consent-link revocation: owner only, audited; the link then answers "revogado" and the list shows it', async () => {
    const s = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const cert = (await request(s)).json();
    const link = (
      await app.inject({
        method: 'POST',
        url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
        headers: asCitizen(s),
        payload: { grantee: 'Construtora Revogada S.A.', days: 10 },
      })
    ).json();
    const listed = async (who: CitizenSessionCookies) =>
      (await app.inject({ method: 'GET', url: '/api/citizen/consent-links', headers: { cookie: who.cookie } })).json().links;
    expect((await listed(s)).find((l: { id: string }) => l.id === link.id)).toMatchObject({
      grantee: 'Construtora Revogada S.A.',
      status: 'active',
      revokedAt: null,
      protocol: cert.protocol,
    });
    expect((await app.inject({ method: 'GET', url: `/api/public/consent/${link.token}` })).statusCode).toBe(200);

    // Another citizen neither sees nor revokes it (404, nothing changes); staff cannot call the route.
    const other = await signInWithGovbr(app, prata.cpf, prata.password);
    expect((await listed(other)).some((l: { id: string }) => l.id === link.id)).toBe(false);
    const foreign = await app.inject({ method: 'POST', url: `/api/citizen/consent-links/${link.id}/revoke`, headers: asCitizen(other) });
    expect(foreign.statusCode).toBe(404);
    const asStaff = await app.inject({ method: 'POST', url: `/api/citizen/consent-links/${link.id}/revoke`, headers: authHeaders(staff) });
    expect(asStaff.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/public/consent/${link.token}` })).statusCode).toBe(200);

    const revoked = await app.inject({ method: 'POST', url: `/api/citizen/consent-links/${link.id}/revoke`, headers: asCitizen(s) });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: link.id, status: 'revoked', revokedAt: '2026-03-10T13:00:00.000Z' });
    const lookupsBefore = (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups;

    const answer = await app.inject({ method: 'GET', url: `/api/public/consent/${link.token}` });
    expect(answer.statusCode).toBe(410);
    expect(answer.json().error).toMatchObject({ code: 'CERTIFICATE_CONSENT_LINK_REVOKED', message: expect.stringMatching(/revogado/) });
    expect(answer.body).not.toContain(ouro.name);
    // A refused use discloses nothing, so it is no lookup.
    const lookupsAfter = (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups;
    expect(lookupsAfter).toHaveLength(lookupsBefore.length);

    expect((await listed(s)).find((l: { id: string }) => l.id === link.id)).toMatchObject({ status: 'revoked' });
    const again = await app.inject({ method: 'POST', url: `/api/citizen/consent-links/${link.id}/revoke`, headers: asCitizen(s) });
    expect(again.json()).toMatchObject({ status: 'revoked', revokedAt: '2026-03-10T13:00:00.000Z' });
    const audits = await t.database.db.query.auditEvents.findMany({
      where: (a, { and, eq }) => and(eq(a.action, 'criminal_certificate.consent_link_revoked'), eq(a.targetId, cert.id)),
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toMatchObject({ linkId: link.id, grantee: 'Construtora Revogada S.A.' });
  });
});

describe('certificate PDF rendered after commit (deferred render)', () => {
  it('answers 202 "being generated" until rendered, verifies by code at once, and the render sweep picks up what a process left pending', async () => {
    // A process that renders nothing in-process (as after a crash right after commit): the pending render stays in the database.
    const env = { ...govbrEnv(provider.issuer), DOCUMENT_RENDER_QUEUE: '0' };
    const noRender = await testApp(t.database, t.dataDir, env);
    try {
      const s = await signInWithGovbr(noRender, ouro.cpf, ouro.password);
      const issued = await noRender.inject({
        method: 'POST',
        url: '/api/citizen/criminal-certificates',
        headers: asCitizen(s),
        payload: { purpose: 'emprego' },
      });
      const cert = issued.json();
      expect(cert).toMatchObject({ status: 'issued', pdfReady: false, code: expect.any(String) });

      const pending = await noRender.inject({
        method: 'GET',
        url: `/api/citizen/criminal-certificates/${cert.id}/pdf`,
        headers: { cookie: s.cookie },
      });
      expect(pending.statusCode).toBe(202);
      expect(pending.headers['retry-after']).toBe('2');
      expect(pending.json().message).toMatch(/sendo gerado/);

      const lookups = async () =>
        (await noRender.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups;
      const before = await lookups();
      const verified = await noRender.inject({ method: 'GET', url: `/api/public/criminal-certificates/${cert.code}` });
      expect(verified.json()).toMatchObject({ code: cert.code, name: ouro.name, valid: true, result: 'nada_consta' });
      const after = await lookups();
      expect(after).toHaveLength(before.length + 1);
      expect(after.filter((l: { by: string }) => l.by === 'verificação pública por código')).toHaveLength(
        before.filter((l: { by: string }) => l.by === 'verificação pública por código').length + 1,
      );

      const anon = await anonymous(noRender);
      const check = async (data: Buffer) => {
        const mp = multipart({ name: 'certidao.pdf', data }, { code: cert.code });
        return noRender.inject({
          method: 'POST',
          url: '/api/public/documents/verify',
          headers: { ...mp.headers, cookie: anon.cookie, 'x-csrf-token': anon.csrf },
          payload: mp.payload,
        });
      };
      const early = await check(Buffer.from('%PDF-1.7 qualquer coisa'));
      expect(early.json().error.code).toBe('DOCUMENT_RENDERING');

      const config = testConfig(t.dataDir, env);
      const sweep = documentRenderSweep(t.database.db, { storage: localFileStorage(t.dataDir), publicUrl: config.publicUrl }, undefined, 0);
      expect(await sweep.runBatch(100)).toBeGreaterThanOrEqual(1);
      expect(await sweep.runBatch(100)).toBe(0);

      const mine = (
        await noRender.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: { cookie: s.cookie } })
      ).json();
      expect(mine.certificates.find((c: { id: string }) => c.id === cert.id)).toMatchObject({ pdfReady: true });
      const pdf = await noRender.inject({
        method: 'GET',
        url: `/api/citizen/criminal-certificates/${cert.id}/pdf`,
        headers: { cookie: s.cookie },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await check(pdf.rawPayload)).json().matches).toBe(true);
      const tampered = Buffer.from(pdf.rawPayload);
      tampered[Math.floor(tampered.length / 2)] = tampered[Math.floor(tampered.length / 2)]! ^ 0x01;
      expect((await check(tampered)).json().matches).toBe(false);

      const rendered = await t.database.db.query.auditEvents.findMany({
        where: (a, { eq }) => eq(a.action, 'document.rendered'),
      });
      const doc = await t.database.db.query.generatedDocuments.findFirst({ where: (d, { eq }) => eq(d.code, cert.code) });
      expect(rendered.find((a) => a.targetId === doc!.id)?.data).toMatchObject({ code: cert.code, sha256: doc!.sha256 });
    } finally {
      await noRender.close();
    }
  });
});

describe('public checks per address: the shared counter, written in coalesced upserts', () => {
  it('two API processes share one count: each refuses once it has read the total, and every admitted check is counted once', async () => {
    const limit = { max: 5, windowMs: 365 * 86_400_000 };
    const a = new CoalescedRateLimit(t.database.db, 'test-certificate-check', limit);
    const b = new CoalescedRateLimit(t.database.db, 'test-certificate-check', limit);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    for (let i = 0; i < 3; i++) expect(a.hit(ip)).toBe(true);
    await a.flush();
    for (let i = 0; i < 2; i++) expect(b.hit(ip)).toBe(true);
    await b.flush(); // b reads the shared total: 5
    expect(b.hit(ip)).toBe(false);
    // a has not read since its own write (3): it may admit within one flush interval, then it knows.
    expect(a.hit(ip)).toBe(true);
    await a.flush();
    expect(a.hit(ip)).toBe(false);
    const row = await t.database.db.query.rateLimitCounters.findFirst({
      where: (c, { and, eq }) => and(eq(c.bucket, 'test-certificate-check'), eq(c.key, ip)),
    });
    expect(row?.hits).toBe(6);
  });
});
