import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { users } from '../src/db/tables/accounts.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { partners } from '../src/db/tables/partners.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { unconfirmedSignUpSweep } from '../src/modules/accounts/unconfirmed-sign-up.sweep.js';
import { api, confirmMailedAccount, partnerFor, signUp, signUpBody } from './accreditation.fixtures.js';
import { testApp, testConfig } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * Issue 12: a sign-up nobody confirms must not hold a CPF/CNPJ for ever. The sweep is given the
 * time (`now`), so the test moves it past the window instead of waiting.
 */

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

const partnerByDocument = async (document: string) =>
  (await t.database.db.select().from(partners).where(eq(partners.document, document)))[0];
const userByEmail = async (email: string) =>
  (await t.database.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`))[0];
const removals = async () => t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.unconfirmed_removed'));

describe('unconfirmed sign-ups are removed after the confirmation window', () => {
  it('frees a squatted CNPJ, keeps confirmed accounts, pending ones inside the window and partners with an application', async () => {
    const ttl = testConfig(t.dataDir).accountSecurity.confirmTtlMs;
    const sweepAt = (at: number) => unconfirmedSignUpSweep(t.database.db, { confirmTtlMs: ttl, now: () => new Date(at) });
    const startedAt = Date.now();

    // Someone signs up with another organisation's CNPJ and never confirms.
    const owner = signUpBody('company');
    const squat = { ...signUpBody('company'), document: owner.document };
    expect((await signUp(app, squat)).statusCode).toBe(202);
    const squatPartner = await partnerByDocument(owner.document);
    expect(squatPartner?.name).toBe(squat.name);

    // A confirmed account, and a partner whose only account is pending but which has an application.
    const confirmed = await partnerFor(app, 'company');
    const withApplication = await partnerFor(app, 'company');
    const draft = await api(app, withApplication.session).post('/api/accreditation/applications', { propertyOwnership: 'own' });
    expect(draft.statusCode).toBe(200);
    await t.database.db.update(users).set({ status: 'pending_email' }).where(eq(users.email, withApplication.body.account.email));
    const signedUpBy = Date.now();

    // Inside the window (link expired less than EMAIL_CONFIRM_HOURS ago): nothing is touched.
    expect(await drainSweep(sweepAt(startedAt + 2 * ttl - 60_000))).toBe(0);
    expect(await userByEmail(squat.account.email)).toBeDefined();

    // Past it: the squatter and its partner go, with one audit row holding ids only.
    expect(await drainSweep(sweepAt(signedUpBy + 2 * ttl + 60_000))).toBe(2);
    expect(await userByEmail(squat.account.email)).toBeUndefined();
    expect(await partnerByDocument(owner.document)).toBeUndefined();
    expect((await userByEmail(confirmed.body.account.email))?.status).toBe('active');
    expect(await partnerByDocument(confirmed.body.document)).toBeDefined();
    expect(await userByEmail(withApplication.body.account.email)).toBeUndefined();
    expect((await partnerByDocument(withApplication.body.document))?.id).toBe(withApplication.partner.id);

    const audit = await removals();
    expect(audit.map((a) => a.data)).toHaveLength(2);
    expect(audit.map((a) => a.data)).toEqual(
      expect.arrayContaining([
        { userId: expect.any(String), removedPartnerIds: [squatPartner!.id], keptPartnerIds: [] },
        { userId: expect.any(String), removedPartnerIds: [], keptPartnerIds: [withApplication.partner.id] },
      ]),
    );
    const text = JSON.stringify(audit.map((a) => a.data));
    for (const personal of [squat.account.email, squat.account.name, squat.name, owner.document]) expect(text).not.toContain(personal);

    // Idempotent: a second run finds nothing and writes nothing.
    expect(await drainSweep(sweepAt(signedUpBy + 2 * ttl + 60_000))).toBe(0);
    expect((await removals()).length).toBe(2);

    // The real owner can now sign up with its CNPJ and confirm.
    expect((await signUp(app, owner)).statusCode).toBe(202);
    expect((await partnerByDocument(owner.document))?.name).toBe(owner.name);
    await confirmMailedAccount(app, owner.account.email);
    expect((await userByEmail(owner.account.email))?.status).toBe('active');
  });
});
