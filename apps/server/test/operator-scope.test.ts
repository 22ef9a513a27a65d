import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { integratorAuthorisations } from '../src/db/tables/partners.js';
import { complianceCases } from '../src/db/tables/sanctions.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((c) => c.id);

let partnerA: string;
let partnerB: string;
let partnerSinop: string;
let camA: string;
let camBPrivate: string;
let camBPublic: string;
let camSinop: string;
let regionCuiaba: string;
let regionSinop: string;

beforeAll(async () => {
  partnerA = await f.partner();
  partnerB = await f.partner();
  partnerSinop = await f.partner(SINOP);
  camA = await f.camera(partnerA);
  camBPrivate = await f.camera(partnerB);
  camBPublic = await f.camera(partnerB, 'cuiaba', { openToPublic: true });
  camSinop = await f.camera(partnerSinop, 'sinop');
  regionCuiaba = await f.region([CUIABA]);
  regionSinop = await f.region([SINOP]);
});

describe('camera scope in the query (SPEC §3.5)', () => {
  it('Art. 26 §2 — partners see own and public cameras', async () => {
    const a = await f.user(['partner_user'], { partnerId: partnerA });
    const list = ids(await f.send(a.session, 'GET', '/api/cameras'));
    expect(list.sort()).toEqual([camA, camBPublic].sort());
    const map = (await f.send(a.session, 'GET', '/api/cameras/map')).json().items.map((c: { id: string }) => c.id);
    expect(map.sort()).toEqual([camA, camBPublic].sort());
    expect((await f.send(a.session, 'GET', `/api/cameras/${camBPrivate}`)).statusCode).toBe(404);
    // Another partner's open camera: watchable, but its address, ports and path are not shown.
    const open = (await f.send(a.session, 'GET', `/api/cameras/${camBPublic}`)).json();
    expect(open).toMatchObject({ id: camBPublic, host: '', rtspPort: 0, rtspPath: '' });
    expect((await f.send(a.session, 'GET', `/api/cameras/${camA}`)).json().host).toMatch(/ddns\.net$/);
    // ...and cannot be changed.
    expect((await f.send(a.session, 'PATCH', `/api/cameras/${camBPublic}`, { heading: 10 })).statusCode).toBe(404);
  });

  it('a regional operator of region X does not see region Y cameras by list, map or direct URL', async () => {
    const regional = await f.user(['regional_operator'], { securityRegionId: regionCuiaba });
    const list = ids(await f.send(regional.session, 'GET', '/api/cameras'));
    expect(list).toEqual(expect.arrayContaining([camA, camBPrivate, camBPublic]));
    expect(list).not.toContain(camSinop);
    const map = (await f.send(regional.session, 'GET', '/api/cameras/map')).json().items.map((c: { id: string }) => c.id);
    expect(map).not.toContain(camSinop);
    expect((await f.send(regional.session, 'GET', `/api/cameras/${camSinop}`)).statusCode).toBe(404);
    expect((await f.send(regional.session, 'POST', `/api/live/${camSinop}/token`, { nonceHash: 'a'.repeat(64) })).statusCode).not.toBe(200);
  });

  it('CIOSP operators see by area of interest: region, municipality, drawn polygon, or their unit’s', async () => {
    const admin = await f.user(['admin']);
    const op = await f.user(['operator'], { unit: 'civil_police' });
    // No area at all: the state CIOSP's statewide view.
    expect(ids(await f.send(op.session, 'GET', '/api/cameras'))).toEqual(expect.arrayContaining([camA, camSinop]));

    // A polygon around central Cuiabá ([lng, lat]).
    const square = [
      [-56.2, -15.7],
      [-56.0, -15.7],
      [-56.0, -15.5],
      [-56.2, -15.5],
    ];
    const poly = await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
      userId: op.id,
      label: 'Centro de Cuiabá',
      kind: 'polygon',
      polygon: square,
    });
    expect(poly.statusCode, poly.body).toBe(200);
    let list = ids(await f.send(op.session, 'GET', '/api/cameras'));
    expect(list).toEqual(expect.arrayContaining([camA, camBPrivate]));
    expect(list).not.toContain(camSinop);
    expect((await f.send(op.session, 'GET', `/api/cameras/${camSinop}`)).statusCode).toBe(404);
    expect((await f.send(op.session, 'GET', '/api/cameras/map')).json().items.map((c: { id: string }) => c.id)).not.toContain(camSinop);

    // A concave polygon (an "L") whose notch holds Cuiabá: ray casting must exclude it.
    const op2 = await f.user(['operator'], { unit: 'firefighters' });
    const lShape = [
      [-56.3, -15.8],
      [-56.05, -15.8],
      [-56.05, -15.65],
      [-55.9, -15.65],
      [-55.9, -15.4],
      [-56.3, -15.4],
    ];
    // (-56.0979, -15.6014) is inside the L (west part); a camera at (-55.95, -15.7) is in the notch.
    const notch = await f.camera(partnerA, { municipalityIbge: CUIABA, latitude: -15.7, longitude: -55.95 });
    expect(
      (
        await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
          userId: op2.id,
          label: 'Área em L',
          kind: 'polygon',
          polygon: lShape,
        })
      ).statusCode,
    ).toBe(200);
    list = ids(await f.send(op2.session, 'GET', '/api/cameras'));
    expect(list).toContain(camA);
    expect(list).not.toContain(notch);
    expect(list).not.toContain(camSinop);

    // A unit-wide area: every operator of the unit sees Sinop's region only.
    const op3 = await f.user(['operator'], { unit: 'penal_police' });
    expect(
      (
        await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
          unit: 'penal_police',
          label: 'Norte',
          kind: 'security_region',
          securityRegionId: regionSinop,
        })
      ).statusCode,
    ).toBe(200);
    expect(ids(await f.send(op3.session, 'GET', '/api/cameras'))).toEqual([camSinop]);

    // A municipality area adds to the user's own polygon.
    await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
      userId: op.id,
      label: 'Sinop',
      kind: 'municipality',
      municipalityIbge: SINOP,
    });
    expect(ids(await f.send(op.session, 'GET', '/api/cameras'))).toContain(camSinop);

    // Only admins manage areas, and only for operators.
    expect(
      (
        await f.send(op.session, 'POST', '/api/admin/areas-of-interest', {
          userId: op.id,
          label: 'Área x',
          kind: 'municipality',
          municipalityIbge: SINOP,
        })
      ).statusCode,
    ).toBe(403);
    const notOperator = await f.user(['auditor']);
    expect(
      (
        await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
          userId: notOperator.id,
          label: 'Área x',
          kind: 'municipality',
          municipalityIbge: SINOP,
        })
      ).statusCode,
    ).toBe(400);
    const areas = (await f.send(admin.session, 'GET', `/api/admin/areas-of-interest?userId=${op.id}`)).json().areas;
    expect(areas).toHaveLength(2);
    expect((await f.send(admin.session, 'DELETE', `/api/admin/areas-of-interest/${areas[0].id}`)).statusCode).toBe(204);
  });

  it('municipal managers see the cameras of their municipality’s partners', async () => {
    const manager = await f.user(['municipal_manager'], { municipalityIbge: SINOP });
    expect(ids(await f.send(manager.session, 'GET', '/api/cameras'))).toEqual([camSinop]);
    expect((await f.send(manager.session, 'GET', `/api/cameras/${camA}`)).statusCode).toBe(404);
    expect((await f.send(manager.session, 'GET', `/api/cameras/${camSinop}`)).json().host).toBe('');
  });

  it('integrators see a partner’s cameras only while its authorisation lasts', async () => {
    const integrator = await f.user(['integrator']);
    expect(ids(await f.send(integrator.session, 'GET', '/api/cameras'))).toEqual([]);
    const [auth] = await ctx.t.database.db
      .insert(integratorAuthorisations)
      .values({
        partnerId: partnerB,
        integratorUserId: integrator.id,
        validUntil: new Date(Date.now() + 86_400_000),
        grantedBy: integrator.id,
      })
      .returning();
    expect(ids(await f.send(integrator.session, 'GET', '/api/cameras')).sort()).toEqual([camBPrivate, camBPublic].sort());
    await ctx.t.database.db
      .update(integratorAuthorisations)
      .set({ revokedAt: new Date() })
      .where(eq(integratorAuthorisations.id, auth!.id));
    expect(ids(await f.send(integrator.session, 'GET', '/api/cameras'))).toEqual([]);
    expect((await f.send(integrator.session, 'GET', `/api/cameras/${camBPrivate}`)).statusCode).toBe(404);
  });
});

describe('misuse of images', () => {
  it('Art. 27 §2 — misuse suspends and flags', async () => {
    const admin = await f.user(['admin']);
    const culprit = await f.user(['partner_user'], { partnerId: partnerA });
    const committee = await f.user(['committee_member']);
    const partnerUser = await f.user(['partner_user'], { partnerId: partnerA });
    expect(
      (await f.send(partnerUser.session, 'POST', `/api/admin/users/${culprit.id}/misuse`, { reason: 'Divulgou imagens em rede social.' }))
        .statusCode,
    ).toBe(403);

    const res = await f.send(admin.session, 'POST', `/api/admin/users/${culprit.id}/misuse`, {
      reason: 'Divulgou imagens de câmera em rede social.',
      flagPartner: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      userId: culprit.id,
      suspended: true,
      flags: [{ partnerId: partnerA, userId: culprit.id, status: 'open' }],
    });
    // The suspension ends the session at once.
    expect((await f.send(culprit.session, 'GET', '/api/cameras')).statusCode).toBe(401);
    // The committee sees the case beside the other cases (sanction process, art. 30).
    const cases = (await f.send(committee.session, 'GET', '/api/sanctions/cases')).json().cases;
    expect(cases).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'image_misuse', partnerId: partnerA, subjectId: culprit.id })]),
    );
    expect((await f.send(admin.session, 'GET', '/api/admin/misuse-flags')).json().flags.map((x: { userId: string }) => x.userId)).toContain(
      culprit.id,
    );
    const [kase] = await ctx.t.database.db
      .select()
      .from(complianceCases)
      .where(and(eq(complianceCases.subjectId, culprit.id), eq(complianceCases.kind, 'image_misuse')));
    expect(kase).toBeDefined();
    const trail = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, culprit.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['user.suspended', 'user.misuse_reported']));
    const flagged = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'partner.misuse_flagged'), eq(auditEvents.targetId, partnerA)));
    expect(flagged).toHaveLength(1);
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });
});
