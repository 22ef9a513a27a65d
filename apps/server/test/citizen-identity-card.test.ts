import { createHmac } from 'node:crypto';
import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { desc, eq } from 'drizzle-orm';
import { parsePix } from 'pix-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { mailsTo } from './helpers/mail.js';

const [bronze, prata, ouro] = govbrDemoAccounts as [
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
];
const WEBHOOK_SECRET = 'segredo-do-webhook-de-teste-0123';
const UPF = '251.87';
const UNITS = '1.5';

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let staff: Session;
let postId: string;
let smallPostId: string;

beforeAll(async () => {
  setClock('2026-05-04T13:00:00Z');
  provider = await startGovbrProvider({ clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }] });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, {
    ...govbrEnv(provider.issuer),
    UPF_MT_VALUE: UPF,
    UPF_MT_REFERENCE: '2026-05',
    IDENTITY_CARD_SECOND_COPY_UPF: UNITS,
    PIX_KEY: 'taxas@sesp.mt.gov.br',
    TREASURY_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  staff = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
  const post = async (name: string, dailyCapacity: number) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/identification-posts',
      headers: authHeaders(staff),
      payload: { name, municipality: 'Cuiabá', address: 'Av. Historiador Rubens de Mendonça, 1000', dailyCapacity },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  postId = await post('Posto Ganha Tempo CPA', 50);
  smallPostId = await post('Posto Politec Centro', 1);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const body = (over: Record<string, unknown> = {}) => ({
  birthDate: '1990-02-20',
  motherName: 'Maria das Dores',
  documents: ['Certidão de nascimento, matrícula 0000000000000000000000000000'],
  postId,
  appointmentDate: '2026-05-11',
  ...over,
});
const requestCard = (s: CitizenSessionCookies, over: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: '/api/citizen/identity-cards', headers: asCitizen(s), payload: body(over) });
const advance = (id: string, stage: string, extra: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `/api/identity-cards/${id}/stage`, headers: authHeaders(staff), payload: { stage, ...extra } });
const signWebhook = (payload: string, secret = WEBHOOK_SECRET) => `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;
const webhook = (payload: string, signature: string) =>
  app.inject({
    method: 'POST',
    url: '/api/public/fees/webhook',
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    payload,
  });
const publicStatus = async (protocol: string) =>
  (await app.inject({ method: 'GET', url: `/api/public/identity-cards/${protocol}` })).json();

/** CRC16-CCITT (poly 0x1021, init 0xFFFF) of the BR Code up to and including "6304" — written here, not taken from the library. */
function crc16(s: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('identity card (RG / CIN)', () => {
  it('Lei 7.116/1983 art. 2º §3º — the first copy is free and goes through every stage with an e-mail at each; Decreto 10.977/2022 fixes the validity', async () => {
    const s = await signInWithGovbr(app, bronze.cpf, bronze.password);
    const res = await requestCard(s);
    expect(res.statusCode, res.body).toBe(200);
    const req = res.json();
    expect(req).toMatchObject({ copy: 'first', stage: 'scheduled', fee: null });
    for (const stage of ['biometrics', 'production', 'shipped', 'available']) expect((await advance(req.id, stage)).statusCode).toBe(200);
    expect(await publicStatus(req.protocol)).toEqual({
      protocol: req.protocol,
      stage: 'available',
      stageLabel: 'Disponível no posto',
      post: 'Posto Ganha Tempo CPA — Cuiabá',
    });
    expect((await advance(req.id, 'delivered')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await advance(req.id, 'delivered', { rgNumber: '1234567-8' })).statusCode).toBe(200);
    const mine = (await app.inject({ method: 'GET', url: '/api/citizen/identity-cards', headers: { cookie: s.cookie } })).json().requests;
    // Born 1990-02-20, produced 2026-05-04: 36 years old → 10 years.
    expect(mine[0]).toMatchObject({ stage: 'delivered', validUntil: '2036-05-04' });
    const subjects = (await mailsTo(t.database, bronze.email)).map((m) => m.subject);
    for (const label of ['Agendado', 'Biometria coletada', 'Em produção', 'Enviado ao posto', 'Disponível no posto', 'Entregue'])
      expect(
        subjects.some((x) => x.includes(label)),
        label,
      ).toBe(true);
  });

  it('refuses a stage out of order', async () => {
    const s = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const req = (await requestCard(s, { appointmentDate: '2026-05-12' })).json();
    expect((await advance(req.id, 'shipped')).json().error.code).toBe('INVALID_STATE');
  });

  it('an appointment slot holds its capacity per post and day', async () => {
    const a = await signInWithGovbr(app, prata.cpf, prata.password);
    expect((await requestCard(a, { postId: smallPostId, appointmentDate: '2026-05-13' })).statusCode).toBe(200);
    const full = await requestCard(a, { postId: smallPostId, appointmentDate: '2026-05-13' });
    expect(full.json().error.code).toBe('SLOT_FULL');
    const places = (await app.inject({ method: 'GET', url: '/api/public/identification-posts?date=2026-05-13' })).json().posts;
    expect(places.find((p: { id: string }) => p.id === smallPostId).placesLeft).toBe(0);
  });
});

describe('second copy: UPF-indexed fee with Pix, paid through the signed webhook', () => {
  let s: CitizenSessionCookies;
  let req: { id: string; protocol: string; fee: { id: string; txid: string; brCode: string; amountCents: number; dueDate: string } };

  beforeAll(async () => {
    s = await signInWithGovbr(app, bronze.cpf, bronze.password); // delivered above: this one is a second copy
    const res = await requestCard(s, { appointmentDate: '2026-05-14' });
    expect(res.statusCode, res.body).toBe(200);
    req = res.json();
  });

  it('charges UPF units × UPF-MT value with a valid Pix BR Code (decoded, CRC checked)', () => {
    expect(req).toMatchObject({ copy: 'second', stage: 'awaiting_payment' });
    expect(req.fee.amountCents).toBe(Math.round(Number(UNITS) * Number(UPF) * 100));
    const code = req.fee.brCode;
    expect(code.slice(-4)).toBe(crc16(code.slice(0, -4)));
    const pix = parsePix(code) as { pixKey: string; transactionAmount: number; txid: string; merchantCity: string };
    expect(pix).toMatchObject({
      pixKey: 'taxas@sesp.mt.gov.br',
      transactionAmount: req.fee.amountCents / 100,
      txid: req.fee.txid,
      merchantCity: 'CUIABA',
    });
    expect(req.fee.dueDate).toBe('2026-05-07');
  });

  it('serves the payment slip as a PDF', async () => {
    const slip = await app.inject({ method: 'GET', url: `/api/citizen/fees/${req.fee.id}/slip`, headers: { cookie: s.cookie } });
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(slip.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await signInWithGovbr(app, prata.cpf, prata.password);
    expect(
      (await app.inject({ method: 'GET', url: `/api/citizen/fees/${req.fee.id}/slip`, headers: { cookie: other.cookie } })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/api/citizen/fees/${req.fee.id}/reissue`, headers: asCitizen(other) })).statusCode,
    ).toBe(404);
  });

  it('a paid webhook with a wrong signature changes nothing', async () => {
    const payload = JSON.stringify({ txid: req.fee.txid, amountCents: req.fee.amountCents, endToEndId: 'E00000000202605041300abcdef' });
    const wrong = await webhook(payload, signWebhook(payload, 'outro-segredo-qualquer-0000000'));
    expect(wrong.json().error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const tampered = await webhook(payload.replace(String(req.fee.amountCents), '1'), signWebhook(payload));
    expect(tampered.json().error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const fees = (await app.inject({ method: 'GET', url: '/api/citizen/fees', headers: { cookie: s.cookie } })).json().fees;
    expect(fees.find((f: { id: string }) => f.id === req.fee.id).status).toBe('pending');
    expect((await publicStatus(req.protocol)).stage).toBe('awaiting_payment');
  });

  it('an expired slip is reissued with a new txid; the old one can no longer be paid', async () => {
    expect(
      (await app.inject({ method: 'POST', url: `/api/citizen/fees/${req.fee.id}/reissue`, headers: asCitizen(s) })).json().error.code,
    ).toBe('INVALID_STATE');
    setClock('2026-05-08T13:00:00Z');
    s = await signInWithGovbr(app, bronze.cpf, bronze.password); // the 2-hour citizen session ended meanwhile
    const reissued = await app.inject({ method: 'POST', url: `/api/citizen/fees/${req.fee.id}/reissue`, headers: asCitizen(s) });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const old = req.fee;
    req.fee = reissued.json();
    expect(req.fee.txid).not.toBe(old.txid);
    expect(req.fee.dueDate).toBe('2026-05-11');
    const payload = JSON.stringify({ txid: old.txid, amountCents: old.amountCents, endToEndId: 'E-old' });
    expect((await webhook(payload, signWebhook(payload))).json().error.code).toBe('INVALID_STATE');
  });

  it('a correctly signed webhook pays the fee and unlocks the step; the citizen follows it to "Disponível no posto"', async () => {
    const payload = JSON.stringify({ txid: req.fee.txid, amountCents: req.fee.amountCents, endToEndId: 'E00000000202605081300abcdef' });
    const paid = await webhook(payload, signWebhook(payload));
    expect(paid.json()).toEqual({ ok: true, status: 'paid' });
    expect((await webhook(payload, signWebhook(payload))).json()).toEqual({ ok: true, status: 'paid' }); // idempotent
    expect((await publicStatus(req.protocol)).stage).toBe('scheduled');
    for (const stage of ['biometrics', 'production', 'shipped', 'available']) await advance(req.id, stage);
    const mine = (await app.inject({ method: 'GET', url: '/api/citizen/identity-cards', headers: { cookie: s.cookie } })).json().requests;
    expect(mine.find((r: { id: string }) => r.id === req.id)).toMatchObject({ stageLabel: 'Disponível no posto', fee: { status: 'paid' } });
  });

  it('staff can confirm a payment by hand; an exemption with proof skips the fee when granted', async () => {
    const p = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const ouroReq = (await app.inject({ method: 'GET', url: '/api/citizen/identity-cards', headers: { cookie: p.cookie } })).json()
      .requests[0];
    for (const stage of ['biometrics', 'production', 'shipped', 'available']) await advance(ouroReq.id, stage);
    await advance(ouroReq.id, 'delivered', { rgNumber: '7654321-0' });
    const charged = (await requestCard(p, { appointmentDate: '2026-05-15' })).json();
    const manual = await app.inject({
      method: 'POST',
      url: `/api/fees/${charged.fee.id}/confirm`,
      headers: authHeaders(staff),
      payload: { amountCents: charged.fee.amountCents, reference: 'extrato 2026-05-08 linha 12' },
    });
    expect(manual.json().status).toBe('paid');
    expect((await publicStatus(charged.protocol)).stage).toBe('scheduled');

    const exempt = (await requestCard(p, { appointmentDate: '2026-05-18', exemptionProof: 'NIS 12345678901 (CadÚnico)' })).json();
    expect(exempt).toMatchObject({ stage: 'awaiting_exemption', exemption: 'requested', fee: null });
    const granted = await app.inject({
      method: 'POST',
      url: `/api/identity-cards/${exempt.id}/exemption`,
      headers: authHeaders(staff),
      payload: { granted: true },
    });
    expect(granted.json().stage).toBe('scheduled');
  });
});

describe("Politec's work list", () => {
  it('lists open requests with the name and no CPF, and each view is audited with the count only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/identity-cards', headers: authHeaders(staff) });
    expect(res.statusCode, res.body).toBe(200);
    const requests = res.json().requests as { name: string; stage: string }[];
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.stage !== 'delivered' && r.stage !== 'cancelled')).toBe(true);
    for (const a of [bronze, prata, ouro]) expect(res.body).not.toContain(a.cpf);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'identity_card.work_list_viewed'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(audit!.data).toEqual({ requests: requests.length });
  });
});
