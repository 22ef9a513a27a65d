import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mediaNodes } from '../src/db/tables/live.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

/**
 * Live tokens for a whole console layout in one request (issue 17, first-frame time): each item is
 * answered like the single route — a token, 404 out of scope, 409 not eligible — never more.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const hash = () => randomBytes(32).toString('hex');

describe('POST /api/live/tokens', () => {
  it('answers each camera as POST /api/live/:id/token would, in one round trip', async () => {
    await ctx.t.database.db.insert(mediaNodes).values({ id: 'node-batch', publicUrl: 'http://127.0.0.1:9' });
    const partner = await f.partner();
    const ok1 = await f.camera(partner);
    const ok2 = await f.camera(partner);
    const notEligible = await f.camera(partner, 'cuiaba', { eligible: false });
    const elsewhere = await f.camera(await f.partner(SINOP), 'sinop');
    const region = await f.region([CUIABA]);
    const op = await f.user(['regional_operator'], { securityRegionId: region });
    const items = [ok1, ok2, notEligible, elsewhere].map((cameraId) => ({ cameraId, nonceHash: hash() }));
    const res = await f.send(op.session, 'POST', '/api/live/tokens', { items });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json().items as Array<{ cameraId: string; ok: boolean; status?: number; code?: string; token?: { url: string } }>;
    expect(out.map((i) => i.cameraId)).toEqual(items.map((i) => i.cameraId));
    expect(out[0]!.ok && out[0]!.token!.url).toBe(`ws://127.0.0.1:9/live/${ok1}`);
    expect(out[1]!.ok).toBe(true);
    // A camera that may not stream is outside a public authority's scope at all; another region's too.
    expect(out[2]).toMatchObject({ ok: false, status: 404, code: 'NOT_FOUND' });
    expect(out[3]).toMatchObject({ ok: false, status: 404, code: 'NOT_FOUND' });
    for (const id of [notEligible, elsewhere])
      expect((await f.send(op.session, 'POST', `/api/live/${id}/token`, { nonceHash: hash() })).statusCode).toBe(404);
    // Its owner sees it, and is told it may not stream yet (409), as by the single route.
    const owner = await f.user(['partner_user'], { partnerId: partner });
    const mine = await f.send(owner.session, 'POST', '/api/live/tokens', { items: [items[2], items[0]] });
    expect(mine.json().items).toMatchObject([
      { ok: false, status: 409, code: 'CAMERA_NOT_ELIGIBLE' },
      { ok: true, cameraId: ok1 },
    ]);
    expect((await f.send(owner.session, 'POST', `/api/live/${notEligible}/token`, { nonceHash: hash() })).statusCode).toBe(409);
    // Roles that may not watch live are refused the batch route as a whole.
    const requester = await f.user(['external_requester']);
    expect((await f.send(requester.session, 'POST', '/api/live/tokens', { items })).statusCode).toBe(403);
  });

  it("carries the viewer's privacy masks (single and batch): the polygons, none with an unmask grant", async () => {
    await ctx.t.database.db.insert(mediaNodes).values({ id: 'node-masks', publicUrl: 'http://127.0.0.1:9' }).onConflictDoNothing();
    const partner = await f.partner();
    const masked = await f.camera(partner);
    const plain = await f.camera(partner);
    const square = [
      [0.1, 0.1],
      [0.4, 0.1],
      [0.4, 0.4],
    ];
    const owner = await f.user(['partner_user'], { partnerId: partner });
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/cameras/${masked}/privacy-masks`,
      headers: { cookie: owner.session.cookie, 'x-csrf-token': owner.session.csrf },
      payload: { polygons: [square] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const op = await f.user(['operator'], { unit: 'civil_police' });
    const tokens = async () => {
      const batch = await f.send(op.session, 'POST', '/api/live/tokens', {
        items: [masked, plain].map((cameraId) => ({ cameraId, nonceHash: hash() })),
      });
      const one = await f.send(op.session, 'POST', `/api/live/${masked}/token`, { nonceHash: hash() });
      return [...batch.json().items.map((i: { token: { masks: unknown } }) => i.token.masks), one.json().masks];
    };
    expect(await tokens()).toEqual([[square], [], [square]]);
    const admin = await f.user(['admin']);
    const g = await f.send(admin.session, 'POST', '/api/admin/privacy-unmask', {
      userId: op.id,
      reason: 'Investigação 42/2026 — sem máscara',
    });
    expect(g.statusCode, g.body).toBe(200);
    expect(await tokens()).toEqual([[], [], []]);
  });
});
