import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { identityChanges, identityHistory } from '../src/db/tables/partner-identity.js';
import { partners } from '../src/db/tables/partners.js';
import { A, api, count, partnerFor, readyDraft, SINOP, staff, validCnpj, validCpf } from './accreditation.fixtures.js';
import { testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/** Issue 12, item 7 — a partner's identity is frozen after its first submission; it changes only by a committee decision. */

let t: TestDatabase;
let app: App;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const partnerRow = async (id: string) => (await t.database.db.select().from(partners).where(eq(partners.id, id)))[0]!;
const profileOf = (body: Record<string, unknown>) => {
  const { account: _account, ...profile } = body;
  return profile;
};

async function submittedPartner() {
  const p = await partnerFor(app, 'cooperative');
  const draft = await readyDraft(app, p.session);
  const sent = await api(app, p.session).post(`${A}/applications/${draft.id}/submit`, {});
  if (sent.statusCode !== 200) throw new Error(`submit failed: ${sent.body}`);
  return p;
}

describe('identity rewrite after submission (the "Prefeitura Municipal de Sinop" attack)', () => {
  it('refuses to turn a submitted cooperative into a municipality, with a pt-BR message, and changes nothing', async () => {
    const p = await submittedPartner();
    const before = await partnerRow(p.partner.id);
    const audit = await count(t.database, 'audit_event');
    const res = await api(app, p.session).put('/api/partner/profile', {
      ...profileOf(p.body),
      kind: 'municipality',
      name: 'Prefeitura Municipal de Sinop',
      address: { ...p.body.address, municipalityIbge: SINOP },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PARTNER_IDENTITY_LOCKED');
    expect(res.json().error.message).toContain('alteração cadastral');
    expect(await partnerRow(p.partner.id)).toEqual(before);
    expect(await count(t.database, 'audit_event')).toBe(audit);

    for (const change of [{ document: validCnpj() }, { legalRepresentative: { ...p.body.legalRepresentative, cpf: validCpf() } }]) {
      const r = await api(app, p.session).put('/api/partner/profile', { ...profileOf(p.body), ...change });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('PARTNER_IDENTITY_LOCKED');
    }
    expect(await partnerRow(p.partner.id)).toEqual(before);
  });

  it('still lets the partner update contact data that is not identity', async () => {
    const p = await submittedPartner();
    const res = await api(app, p.session).put('/api/partner/profile', { ...profileOf(p.body), phone: '(65) 3613-9999' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '6536139999', name: p.body.name, kind: 'cooperative' });
  });
});

describe('alteração cadastral — the committee decides, the history is kept', () => {
  it('an approved request changes the partner row and keeps the previous identity', async () => {
    const p = await submittedPartner();
    const before = await partnerRow(p.partner.id);
    const proposed = {
      kind: 'cooperative',
      name: `${p.body.name} (nova razão social)`,
      document: p.body.document,
      legalRepresentative: { ...p.body.legalRepresentative, name: 'João Pereira' },
    };
    const filed = await api(app, p.session).post('/api/partner/identity-changes', {
      proposed,
      reason: 'Mudança de razão social aprovada em assembleia geral.',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'pending', partnerId: p.partner.id });
    expect(await partnerRow(p.partner.id)).toEqual(before);

    const second = await api(app, p.session).post('/api/partner/identity-changes', {
      proposed,
      reason: 'Outra tentativa enquanto a primeira espera.',
    });
    expect(second.statusCode).toBe(409);

    const committee = await staff(app, t.database, ['committee_member']);
    const queue = await api(app, committee).get('/api/accreditation/identity-changes?status=pending');
    expect(queue.json().changes.map((c: { id: string }) => c.id)).toContain(filed.json().id);

    const audit = await count(t.database, 'audit_event');
    const decided = await api(app, committee).post(`/api/accreditation/identity-changes/${filed.json().id}/decide`, {
      approve: true,
      reason: 'Ata da assembleia e novo estatuto conferidos.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('approved');
    const after = await partnerRow(p.partner.id);
    expect(after).toMatchObject({ name: proposed.name, kind: 'cooperative', document: p.body.document });
    expect(after.legalRepresentative?.name).toBe('João Pereira');
    const history = await t.database.db.select().from(identityHistory).where(eq(identityHistory.partnerId, p.partner.id));
    expect(history).toHaveLength(1);
    expect(history[0]!.previous).toMatchObject({ name: before.name, kind: before.kind, document: before.document });
    expect(history[0]!.next).toMatchObject({ name: proposed.name });
    expect(await count(t.database, 'audit_event')).toBe(audit + 1);

    const twice = await api(app, committee).post(`/api/accreditation/identity-changes/${filed.json().id}/decide`, {
      approve: false,
      reason: 'Tentativa de decidir de novo a mesma solicitação.',
    });
    expect(twice.statusCode).toBe(409);
    expect((await api(app, p.session).get('/api/partner/profile')).json().name).toBe(proposed.name);
  });

  it('a rejected request changes nothing and writes no history', async () => {
    const p = await submittedPartner();
    const before = await partnerRow(p.partner.id);
    const filed = await api(app, p.session).post('/api/partner/identity-changes', {
      proposed: {
        kind: 'municipality',
        name: 'Prefeitura Municipal de Sinop',
        document: p.body.document,
        legalRepresentative: p.body.legalRepresentative,
      },
      reason: 'Queremos passar a ser tratados como município.',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const committee = await staff(app, t.database, ['committee_member']);
    const decided = await api(app, committee).post(`/api/accreditation/identity-changes/${filed.json().id}/decide`, {
      approve: false,
      reason: 'Cooperativa não é município (Decreto 1.522/2022, art. 4º, II).',
    });
    expect(decided.json().status).toBe('rejected');
    expect(await partnerRow(p.partner.id)).toEqual(before);
    expect(await t.database.db.select().from(identityHistory).where(eq(identityHistory.partnerId, p.partner.id))).toEqual([]);
    const [row] = await t.database.db.select().from(identityChanges).where(eq(identityChanges.id, filed.json().id));
    expect(row?.decisionReason).toContain('art. 4º');
  });

  it('a partner cannot decide its own request', async () => {
    const p = await submittedPartner();
    const filed = await api(app, p.session).post('/api/partner/identity-changes', {
      proposed: {
        kind: 'cooperative',
        name: 'Nome que eu mesmo aprovaria',
        document: p.body.document,
        legalRepresentative: p.body.legalRepresentative,
      },
      reason: 'Tentativa de aprovar a própria alteração.',
    });
    const before = await partnerRow(p.partner.id);
    const res = await api(app, p.session).post(`/api/accreditation/identity-changes/${filed.json().id}/decide`, {
      approve: true,
      reason: 'Aprovado por mim mesmo.',
    });
    expect(res.statusCode).toBe(403);
    expect(await partnerRow(p.partner.id)).toEqual(before);
  });
});
