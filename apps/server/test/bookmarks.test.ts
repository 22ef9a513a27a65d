import { authHeaders, type Session } from '@vigia/testkit/test-app';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { cameraPtz } from '../src/db/tables/ptz.js';
import { evidenceLocks } from '../src/db/tables/releases.js';
import { useTestApp } from './helpers/app.js';
import { releaseFixtures } from './releases.fixtures.js';

/** Bookmarks and console layouts (issue 17): unit scope, search, attachment, audit. */
const ctx = useTestApp();
const f = releaseFixtures(ctx);

let cam: string;
let otherCam: string;
let civilA: Awaited<ReturnType<typeof f.user>>;
let civilB: Awaited<ReturnType<typeof f.user>>;
let military: Awaited<ReturnType<typeof f.user>>;
let bookmarkId = '';
const from = new Date(Date.UTC(2026, 10, 3, 14, 0, 0));
const to = new Date(from.getTime() + 30_000);

const put = (s: Session, url: string, payload: object) => ctx.app.inject({ method: 'PUT', url, headers: authHeaders(s), payload });

beforeAll(async () => {
  const partner = await f.partner();
  cam = await f.camera(partner);
  otherCam = await f.camera(partner);
  civilA = await f.user(['operator'], { unit: 'civil_police' });
  civilB = await f.user(['operator'], { unit: 'civil_police' });
  military = await f.user(['operator'], { unit: 'military_police' });
});

describe('bookmarks (issue 17)', () => {
  it('an operator bookmarks a moment; the unit finds it by camera, time, text and tag; the creation is audited', async () => {
    const res = await f.send(civilA.session, 'POST', '/api/bookmarks', {
      cameraId: cam,
      from: from.toISOString(),
      to: to.toISOString(),
      title: 'Veículo suspeito',
      note: 'Placa parcialmente visível',
      tags: ['Veiculo', 'ronda'],
    });
    expect(res.statusCode, res.body).toBe(201);
    bookmarkId = res.json().id;
    expect(res.json()).toMatchObject({ unit: 'civil_police', tags: ['veiculo', 'ronda'], cameraId: cam });

    const search = async (q: string) =>
      (await f.send(civilB.session, 'GET', `/api/bookmarks?${q}`)).json().items.map((b: { id: string }) => b.id);
    expect(await search(`cameraId=${cam}`)).toEqual([bookmarkId]);
    expect(await search(`cameraId=${otherCam}`)).toEqual([]);
    expect(await search(`from=${encodeURIComponent(new Date(from.getTime() + 10_000).toISOString())}`)).toEqual([bookmarkId]);
    expect(await search(`from=${encodeURIComponent(new Date(to.getTime() + 1_000).toISOString())}`)).toEqual([]);
    expect(await search('q=placa')).toEqual([bookmarkId]);
    expect(await search('q=bicicleta')).toEqual([]);
    expect(await search('tag=veiculo')).toEqual([bookmarkId]);
    expect(await search('tag=furto')).toEqual([]);
    expect((await f.send(civilB.session, 'GET', `/api/bookmarks/${bookmarkId}`)).statusCode).toBe(200);

    const audit = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, bookmarkId));
    expect(audit.map((a) => a.action).sort()).toEqual(['bookmark.created', 'bookmark.viewed']);
  });

  it("another unit's bookmarks are 404 and never in its searches", async () => {
    expect((await f.send(military.session, 'GET', `/api/bookmarks/${bookmarkId}`)).statusCode).toBe(404);
    expect((await put(military.session, `/api/bookmarks/${bookmarkId}/attachment`, { evidenceLockId: null })).statusCode).toBe(404);
    const list = await f.send(military.session, 'GET', `/api/bookmarks?cameraId=${cam}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    // A partner user never reaches the route at all.
    const partnerUser = await f.user(['partner_user'], { partnerId: await f.partner() });
    expect((await f.send(partnerUser.session, 'GET', `/api/bookmarks/${bookmarkId}`)).statusCode).toBe(403);
  });

  it('a bookmark is attached to an evidence lock of its camera, not to one of another camera (audited)', async () => {
    const [lock] = await ctx.t.database.db
      .insert(evidenceLocks)
      .values({ cameraId: cam, fromAt: from, toAt: to, reason: 'Investigação' })
      .returning();
    const [foreign] = await ctx.t.database.db
      .insert(evidenceLocks)
      .values({ cameraId: otherCam, fromAt: from, toAt: to, reason: 'Outra investigação' })
      .returning();
    const wrong = await put(civilB.session, `/api/bookmarks/${bookmarkId}/attachment`, { evidenceLockId: foreign!.id });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('BOOKMARK_ATTACHMENT_INVALID');
    const ok = await put(civilB.session, `/api/bookmarks/${bookmarkId}/attachment`, { evidenceLockId: lock!.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidenceLockId).toBe(lock!.id);
    const audit = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, bookmarkId), eq(auditEvents.action, 'bookmark.attached')));
    expect(audit).toHaveLength(1);
  });
});

describe('console layouts (issue 17)', () => {
  it('a shared layout is seen by its unit only; only its owner changes it', async () => {
    const body = { name: 'Centro 2×2', scope: 'shared', grid: '2x2', cameras: [cam, otherCam, null, null], tourSeconds: null };
    const res = await f.send(civilA.session, 'POST', '/api/console/layouts', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const mine = await f.send(civilA.session, 'POST', '/api/console/layouts', { ...body, name: 'Só meu', scope: 'personal' });
    const names = async (s: Session) => (await f.send(s, 'GET', '/api/console/layouts')).json().items.map((l: { name: string }) => l.name);
    expect((await names(civilA.session)).sort()).toEqual(['Centro 2×2', 'Só meu']);
    expect(await names(civilB.session)).toEqual(['Centro 2×2']);
    expect(await names(military.session)).toEqual([]);
    expect((await put(civilB.session, `/api/console/layouts/${id}`, { ...body, name: 'Tomado' })).statusCode).toBe(404);
    expect((await f.send(military.session, 'DELETE', `/api/console/layouts/${mine.json().id}`)).statusCode).toBe(404);
    const tour = await put(civilA.session, `/api/console/layouts/${id}`, { ...body, tourSeconds: 20 });
    expect(tour.json()).toMatchObject({ tourSeconds: 20, mine: true, unit: 'civil_police' });
  });

  it('the camera tree names region, municipality and partner of cameras in scope', async () => {
    const res = await f.send(civilA.session, 'GET', '/api/console/cameras');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((c: { id: string }) => c.id === cam);
    expect(item).toMatchObject({ municipalityName: 'Cuiabá', ptz: null });
    expect(item.partnerName.length).toBeGreaterThan(0);
  });

  it('the tree says which cameras report PTZ once it is known (the console shows their control)', async () => {
    await ctx.t.database.db.insert(cameraPtz).values({ cameraId: otherCam, supported: true, checkedAt: new Date() });
    const items = (await f.send(civilA.session, 'GET', '/api/console/cameras')).json().items as { id: string; ptz: boolean | null }[];
    expect(items.find((c) => c.id === otherCam)?.ptz).toBe(true);
    expect(items.find((c) => c.id === cam)?.ptz).toBeNull();
  });
});
