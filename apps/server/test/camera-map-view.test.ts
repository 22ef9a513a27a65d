import { cameraMapItemSchema } from '@vigia/contracts';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cameras } from '../src/db/tables/cameras.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

/** Issue 13: the operations map clustered on the server by viewport and zoom; the paged camera list and pickers. */
const ctx = useTestApp();
const f = releaseFixtures(ctx);

const STATE = 'west=-61.7&south=-18.1&east=-50.2&north=-7.3';
const view = (s: Parameters<typeof f.send>[0], query: string) => f.send(s, 'GET', `/api/cameras/map/view?${query}`);
type View = {
  clusters: {
    id: number;
    count: number;
    latitude: number;
    longitude: number;
    expansionZoom: number;
    statusCounts: Record<string, number>;
  }[];
  cameras: { id: string; name: string; partnerId: string }[];
  total: number;
  statusCounts: Record<string, number>;
  bounds: number[] | null;
  truncated: boolean;
};
const counted = (v: View) => v.clusters.reduce((n, c) => n + c.count, 0) + v.cameras.length;

let partnerA: string;
let partnerB: string;
const camsA: string[] = [];
const camsB: string[] = [];
let openB: string;
const camsSinop: string[] = [];

beforeAll(async () => {
  partnerA = await f.partner();
  partnerB = await f.partner();
  const partnerSinop = await f.partner(SINOP);
  // A dozen of A's cameras and four of B's in central Cuiabá, a few hundred metres apart.
  for (let i = 0; i < 12; i++) {
    const at = { municipalityIbge: CUIABA, latitude: -15.6 + i * 0.003, longitude: -56.1 + (i % 4) * 0.003 };
    camsA.push(await f.camera(partnerA, at, { name: `Alfa ${String(i).padStart(2, '0')}` }));
  }
  for (let i = 0; i < 4; i++) {
    camsB.push(
      await f.camera(partnerB, { municipalityIbge: CUIABA, latitude: -15.59 + i * 0.002, longitude: -56.09 }, { name: `Beta ${i}` }),
    );
  }
  openB = await f.camera(
    partnerB,
    { municipalityIbge: CUIABA, latitude: -15.595, longitude: -56.095 },
    { openToPublic: true, name: 'Portaria Segredo' },
  );
  for (let i = 0; i < 3; i++) camsSinop.push(await f.camera(partnerSinop, 'sinop', { name: `Sinop ${i}` }));
  await ctx.t.database.db
    .update(cameras)
    .set({ status: 'online' })
    .where(inArray(cameras.id, camsA.slice(0, 5)));
});

describe('operations map clustered on the server (issue 13)', () => {
  it('state-wide at a low zoom: clusters with counts by status; zoomed in: single cameras with only the marker fields', async () => {
    const admin = await f.user(['admin']);
    const far = (await view(admin.session, `${STATE}&zoom=5`)).json() as View;
    expect(far.total).toBe(20);
    expect(counted(far)).toBe(20);
    expect(far.cameras).toEqual([]); // Cuiabá's 17 and Sinop's 3 fall in two clusters at zoom 5
    expect(far.clusters.map((c) => c.count).sort((x, y) => y - x)).toEqual([17, 3]);
    const cuiaba = far.clusters.find((c) => c.count === 17)!;
    expect(cuiaba.statusCounts).toEqual({ online: 5, offline: 0, pending: 12, disabled: 0 });
    expect(cuiaba.expansionZoom).toBeGreaterThan(5);
    expect(far.statusCounts).toEqual({ online: 5, offline: 0, pending: 15, disabled: 0 });
    expect(far.bounds).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);

    const near = (await view(admin.session, 'west=-56.2&south=-15.65&east=-56.0&north=-15.5&zoom=18')).json() as View;
    expect(near.clusters).toEqual([]);
    expect(near.cameras.map((c) => c.id).sort()).toEqual([...camsA, ...camsB, openB].sort());
    for (const c of near.cameras) expect(Object.keys(c).sort()).toEqual(Object.keys(cameraMapItemSchema.shape).sort());
    expect(JSON.stringify(near)).not.toMatch(/ddns|rtsp|host|credentials/);

    // Another viewport: only what is inside it; the status filter.
    const sinop = (await view(admin.session, 'west=-55.6&south=-11.9&east=-55.4&north=-11.8&zoom=18')).json() as View;
    expect(sinop.cameras.map((c) => c.id).sort()).toEqual([...camsSinop].sort());
    const online = (await view(admin.session, `${STATE}&zoom=5&status=online`)).json() as View;
    expect([online.total, counted(online)]).toEqual([5, 5]);
    expect((await view(admin.session, `${STATE}&zoom=5&status=`)).json().total).toBe(0);
    expect((await view(admin.session, `${STATE}&zoom=5&status=lost`)).statusCode).toBe(400);
    expect((await view(admin.session, 'west=-56&south=-15&east=-55&north=-14')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/cameras/map/view?${STATE}&zoom=5` })).statusCode).toBe(401);
  });

  it("a partner's clusters count only its own cameras and the open ones; another partner's open camera as the public map shows it", async () => {
    const a = await f.user(['partner_user'], { partnerId: partnerA });
    const far = (await view(a.session, `${STATE}&zoom=5`)).json() as View;
    expect([far.total, counted(far)]).toEqual([13, 13]);
    const near = (await view(a.session, 'west=-56.2&south=-15.65&east=-56.0&north=-15.5&zoom=18')).json() as View;
    expect(near.cameras.map((c) => c.id).sort()).toEqual([...camsA, openB].sort());
    const open = near.cameras.find((c) => c.id === openB)!;
    expect(open).toMatchObject({ partnerId: '', name: 'Câmera aberta ao público — Cuiabá' });
    expect(JSON.stringify(near)).not.toContain('Segredo');
    // Partner B sees its five, A's none.
    const b = await f.user(['partner_user'], { partnerId: partnerB });
    expect(counted((await view(b.session, `${STATE}&zoom=5`)).json())).toBe(5);
  });

  it('an operator with an area of interest clusters only the cameras inside it', async () => {
    const admin = await f.user(['admin']);
    const op = await f.user(['operator']);
    const area = await f.send(admin.session, 'POST', '/api/admin/areas-of-interest', {
      userId: op.id,
      label: 'Sinop',
      kind: 'municipality',
      municipalityIbge: SINOP,
    });
    expect(area.statusCode, area.body).toBe(200);
    const far = (await view(op.session, `${STATE}&zoom=5`)).json() as View;
    expect([far.total, counted(far)]).toEqual([3, 3]);
    expect((await view(op.session, 'west=-56.2&south=-15.65&east=-56.0&north=-15.5&zoom=18')).json().cameras).toEqual([]);
    // A state-wide operator (no area) sees the 20.
    const state = await f.user(['operator']);
    expect((await view(state.session, `${STATE}&zoom=5`)).json().total).toBe(20);
  });
});

describe('camera list and pickers a page at a time (issue 13)', () => {
  it('pages by name with a cursor until the last page; the picker shape has no technical field', async () => {
    const a = await f.user(['partner_user'], { partnerId: partnerA });
    for (const url of ['/api/cameras', '/api/cameras/options']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await f.send(a.session, 'GET', `${url}?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: { id: string; name: string }[]; nextCursor: string | null };
        seen.push(...body.items.map((c) => c.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(13);
      expect([...seen].sort()).toEqual([...camsA, openB].sort());
      // By name: B's open camera (seen as public, generic label) first, then A's in order.
      expect(seen).toEqual([openB, ...camsA]);
    }
    const option = (await f.send(a.session, 'GET', '/api/cameras/options?limit=1')).json().items[0];
    expect(Object.keys(option).sort()).toEqual(['id', 'municipalityIbge', 'name', 'partnerId', 'status', 'streamEligible']);
    expect(option).toMatchObject({ id: openB, partnerId: '', name: 'Câmera aberta ao público — Cuiabá' });
  });

  it("searches the name; another partner's open camera is never found by its real name; a cursor outside the scope is 404", async () => {
    const a = await f.user(['partner_user'], { partnerId: partnerA });
    const b = await f.user(['partner_user'], { partnerId: partnerB });
    const hit = (await f.send(a.session, 'GET', '/api/cameras/options?q=alfa%200')).json();
    expect(hit.items.map((c: { id: string }) => c.id)).toEqual(camsA.slice(0, 10));
    expect((await f.send(a.session, 'GET', '/api/cameras/options?q=segredo')).json().items).toEqual([]);
    expect((await f.send(b.session, 'GET', '/api/cameras/options?q=segredo')).json().items.map((c: { id: string }) => c.id)).toEqual([
      openB,
    ]);
    expect((await f.send(a.session, 'GET', '/api/cameras?q=%25')).json().items).toEqual([]); // LIKE wildcards are literal
    expect((await f.send(a.session, 'GET', `/api/cameras/options?cursor=${camsB[0]}`)).statusCode).toBe(404);
  });
});
