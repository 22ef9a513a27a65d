import { addYears } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { todayInCuiaba } from '../src/modules/calendar/local-date.js';
import { A, api, CUIABA, count, JPEG, partnerFor, pointAt, uploadId } from './accreditation.fixtures.js';
import { makeUser, signIn, testApp } from './helpers/app.js';
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

async function integrator() {
  const u = await makeUser(t.database, ['integrator']);
  return { email: u.email, session: await signIn(app, u.email) };
}

describe('Art. 15 — a partner authorises an integrator, for a limited time, to prepare its applications', () => {
  it('the integrator prepares a draft and its camera points for that partner only; it cannot submit', async () => {
    const partner = await partnerFor(app, 'cooperative');
    const other = await partnerFor(app, 'company');
    const it1 = await integrator();
    const granted = await api(app, partner.session).post('/api/partner/integrators', {
      integratorEmail: it1.email,
      validUntil: addYears(todayInCuiaba(), 1),
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ partnerId: partner.partner.id, active: true, integratorEmail: it1.email });

    const mine = (await api(app, it1.session).get('/api/integrator/authorisations')).json().authorisations;
    expect(mine.map((a: { partnerId: string }) => a.partnerId)).toEqual([partner.partner.id]);

    const c = api(app, it1.session);
    const created = await c.post(`${A}/applications`, { propertyOwnership: 'own', partnerId: partner.partner.id });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    expect(created.json().partnerId).toBe(partner.partner.id);
    const photo = await uploadId(app, it1.session, JPEG, 'foto.jpg');
    const points = await c.put(`${A}/applications/${id}/camera-points`, {
      points: [pointAt(CUIABA, { mounting: photo, view: photo }), pointAt(CUIABA)],
    });
    expect(points.statusCode, points.body).toBe(200);
    expect((await c.get(`${A}/applications`)).json().applications.map((a: { id: string }) => a.id)).toEqual([id]);
    // The partner sees what the integrator prepared.
    expect((await api(app, partner.session).get(`${A}/applications/${id}`)).json().cameraPoints).toHaveLength(2);
    // Submitting stays with the partner.
    expect((await c.post(`${A}/applications/${id}/submit`, {})).statusCode).toBe(403);

    // Another partner's application and a partner that did not authorise it: 404.
    const foreign = (await api(app, other.session).post(`${A}/applications`, { propertyOwnership: 'own' })).json().id;
    expect((await c.get(`${A}/applications/${foreign}`)).statusCode).toBe(404);
    expect((await c.put(`${A}/applications/${foreign}/camera-points`, { points: [pointAt(CUIABA)] })).statusCode).toBe(404);
    expect((await c.post(`${A}/applications`, { propertyOwnership: 'own', partnerId: other.partner.id })).statusCode).toBe(404);
    // Nor can a partner revoke another partner's authorisation.
    expect((await api(app, other.session).post(`/api/partner/integrators/${granted.json().id}/revoke`)).statusCode).toBe(404);

    // Revoked: the integrator loses access at once (the scope is in the SQL).
    const revoked = await api(app, partner.session).post(`/api/partner/integrators/${granted.json().id}/revoke`);
    expect(revoked.json()).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await c.get(`${A}/applications/${id}`)).statusCode).toBe(404);
    expect((await c.get(`${A}/applications`)).json().applications).toEqual([]);
    expect((await c.post(`${A}/applications`, { propertyOwnership: 'own', partnerId: partner.partner.id })).statusCode).toBe(404);
  });

  it('an expired authorisation gives no access', async () => {
    const partner = await partnerFor(app, 'company');
    const it2 = await integrator();
    const granted = (
      await api(app, partner.session).post('/api/partner/integrators', { integratorEmail: it2.email, validUntil: todayInCuiaba() })
    ).json();
    const id = (await api(app, it2.session).post(`${A}/applications`, { propertyOwnership: 'own' })).json().id;
    expect((await api(app, it2.session).get(`${A}/applications/${id}`)).statusCode).toBe(200);
    await t.database.db.execute(
      sql`UPDATE integrator_authorisation SET valid_until = now() - interval '1 minute' WHERE id = ${granted.id}`,
    );
    expect((await api(app, it2.session).get(`${A}/applications/${id}`)).statusCode).toBe(404);
    const none = await api(app, it2.session).post(`${A}/applications`, { propertyOwnership: 'own' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('INTEGRATOR_PARTNER_REQUIRED');
  });

  it('refuses an e-mail that is not an integrator account, and a date beyond 5 years, writing nothing', async () => {
    const partner = await partnerFor(app, 'company');
    const it3 = await integrator();
    const before = [await count(t.database, 'integrator_authorisation'), await count(t.database, 'audit_event')];
    const unknown = await api(app, partner.session).post('/api/partner/integrators', {
      integratorEmail: partner.body.account.email,
      validUntil: addYears(todayInCuiaba(), 1),
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'INTEGRATOR_UNKNOWN', message: expect.stringContaining('integradora') });
    const tooLong = await api(app, partner.session).post('/api/partner/integrators', {
      integratorEmail: it3.email,
      validUntil: addYears(todayInCuiaba(), 6),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0]).toMatchObject({ path: 'validUntil', message: expect.stringContaining('5 anos') });
    expect([await count(t.database, 'integrator_authorisation'), await count(t.database, 'audit_event')]).toEqual(before);
  });
});
