import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { api, count, partnerFor, postPublic, signUp, signUpBody, staff, validCnpj } from './accreditation.fixtures.js';
import { testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

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

const SIGN_UP = '/api/public/partners/sign-up';
const counts = async () => ({
  partners: await count(t.database, 'partner'),
  users: await count(t.database, 'app_user'),
  audit: await count(t.database, 'audit_event'),
});

describe('Art. 3 — public sign-up of a partner (ente proponente)', () => {
  it('creates the partner and its partner_user account in one step; the account sees its own profile', async () => {
    const { partner, session, body } = await partnerFor(app, 'cooperative');
    const me = await api(app, session).get('/api/partner/profile');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: partner.id,
      kind: 'cooperative',
      document: body.document,
      address: { cep: '78005000', municipalityIbge: '5103403' },
    });
    expect(me.json().legalRepresentative.phone).toBe('65999990000');
  });

  it('individuals sign up with a CPF (Art. 10, II, b)', async () => {
    const { session } = await partnerFor(app, 'individual');
    expect((await api(app, session).get('/api/partner/profile')).json().kind).toBe('individual');
  });

  it.each([
    ['wrong CNPJ check digits', { document: '11.222.333/0001-82' }, 'document', 'CNPJ inválido: dígitos verificadores não conferem.'],
    ['a CNPJ for an individual', { kind: 'individual', document: '11.222.333/0001-81' }, 'document', 'CPF inválido'],
    [
      'wrong CPF of the legal representative',
      {
        legalRepresentative: {
          name: 'Fulano de Tal',
          cpf: '123.456.789-00',
          position: 'Diretor',
          email: 'f@t.local',
          phone: '65 3613-0000',
        },
      },
      'legalRepresentative.cpf',
      'CPF inválido',
    ],
    [
      'a CEP outside Mato Grosso (Art. 3 sole §)',
      { address: { cep: '01001-000', street: 'Praça da Sé', number: '1', district: 'Sé', municipalityIbge: '5103403' } },
      'address.cep',
      'CEP fora de Mato Grosso',
    ],
    [
      'a municipality of another state',
      { address: { cep: '78005-000', street: 'Rua A', number: '1', district: 'Centro', municipalityIbge: '3550308' } },
      'address.municipalityIbge',
      'Mato Grosso',
    ],
    ['a bad phone', { phone: '12345' }, 'phone', 'Telefone inválido'],
  ])('refuses %s with a pt-BR message and writes nothing', async (_name, override, path, message) => {
    const before = await counts();
    const res = await postPublic(app, SIGN_UP, signUpBody('company', '5103403', override));
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details.find((d: { path: string }) => d.path === path);
    expect(detail?.message, res.body).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('Art. 3 — reports a wrong CNPJ check digit in the same response as the other field errors', async () => {
    const before = await counts();
    const res = await postPublic(
      app,
      SIGN_UP,
      signUpBody('company', '5103403', { document: '11.222.333/0001-82', phone: '12345', email: 'sem-arroba' }),
    );
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(res.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath).toMatchObject({
      document: 'CNPJ inválido: dígitos verificadores não conferem.',
      phone: expect.stringContaining('Telefone inválido'),
      email: 'E-mail inválido.',
    });
    const cpf = await postPublic(app, SIGN_UP, signUpBody('individual', '5103403', { document: '529.982.247-26', name: '' }));
    const cpfPaths = cpf.json().error.details.map((d: { path: string }) => d.path);
    expect(cpfPaths).toEqual(expect.arrayContaining(['document', 'name']));
    expect(await counts()).toEqual(before);
  });

  it('does not register a CPF/CNPJ twice, and answers as for a new one (no enumeration; the owner is told by e-mail)', async () => {
    const document = validCnpj();
    const first = await signUp(app, signUpBody('company', '5103403', { document }));
    expect(first.statusCode).toBe(202);
    const before = await counts();
    const again = await signUp(app, signUpBody('company', '5103403', { document }));
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect((await counts()).partners).toBe(before.partners);
    expect((await counts()).users).toBe(before.users);
  });
});

describe('partner scope — a partner sees and changes only its own data', () => {
  it('updates its own profile (audited); the partner id comes from the grant, not the request', async () => {
    const a = await partnerFor(app, 'company');
    const b = await partnerFor(app, 'company');
    const body = { ...a.body, name: 'Nome alterado pelo parceiro', id: b.partner.id };
    delete (body as Record<string, unknown>).account;
    const res = await api(app, a.session).put('/api/partner/profile', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: a.partner.id, name: 'Nome alterado pelo parceiro' });
    expect((await api(app, b.session).get('/api/partner/profile')).json().name).toBe(b.body.name);
  });

  it('a partner_user without a partner grant gets 404, never another partner', async () => {
    const orphan = await staff(app, t.database, ['partner_user']);
    const res = await api(app, orphan).get('/api/partner/profile');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PARTNER_PROFILE_MISSING');
  });
});
