import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cameraEvents } from '../src/db/tables/events.js';
import { cameraOutages } from '../src/db/tables/sanctions.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { outageEventsSweep } from '../src/modules/events/outage-events.sweep.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;
const db = () => ctx.t.database.db;
const MIN = 60_000;

let camCuiaba: string;
let camSinop: string;
let regionalCuiaba: U;
let regionalSinop: U;
let partnerCuiaba: U;
let partnerSinop: U;
let operator: U;
const startedAt = new Date(Date.now() - 30 * MIN);
const endedAt = new Date(Date.now() - 10 * MIN);

beforeAll(async () => {
  const pCuiaba = await f.partner();
  const pSinop = await f.partner(SINOP);
  camCuiaba = await f.camera(pCuiaba, 'cuiaba', { name: 'Câmera da praça' });
  camSinop = await f.camera(pSinop, 'sinop', { name: 'Câmera de Sinop' });
  const cuiabaRegion = await f.region([CUIABA]);
  const sinopRegion = await f.region([SINOP]);
  regionalCuiaba = await f.user(['regional_operator'], { securityRegionId: cuiabaRegion });
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: sinopRegion });
  partnerCuiaba = await f.user(['partner_user'], { partnerId: pCuiaba });
  partnerSinop = await f.user(['partner_user'], { partnerId: pSinop });
  operator = await f.user(['operator']);
  await db().insert(cameraOutages).values({ cameraId: camCuiaba, startedAt, endedAt, cause: 'camera_unreachable' });
  await db().insert(cameraOutages).values({ cameraId: camSinop, startedAt, cause: 'stream_stalled' });
});

type Ev = {
  id: string;
  kind: string;
  cameraId: string;
  occurredAt: string;
  detail: string | null;
  links: { live: string; playback: string };
};
const list = async (u: U, query = '') => {
  const res = await f.send(u.session, 'GET', `/api/events${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().events as Ev[];
};

describe('camera events', () => {
  it('turns health transitions into down / up events at the transition time, once', async () => {
    await drainSweep(outageEventsSweep(db()));
    await drainSweep(outageEventsSweep(db()));
    const rows = await db().select().from(cameraEvents);
    expect(rows.map((r) => [r.cameraId, r.kind]).sort()).toEqual(
      [
        [camCuiaba, 'camera_down'],
        [camCuiaba, 'camera_up'],
        [camSinop, 'camera_down'],
      ].sort(),
    );
    const up = rows.find((r) => r.kind === 'camera_up')!;
    expect(up.occurredAt.toISOString()).toBe(endedAt.toISOString());
    expect(rows.find((r) => r.kind === 'camera_down' && r.cameraId === camCuiaba)!.occurredAt.toISOString()).toBe(startedAt.toISOString());
  });

  it('lists events with links to live and to playback at that instant, newest first, filtered by kind and camera', async () => {
    const mine = await list(regionalCuiaba);
    expect(mine.map((e) => e.kind)).toEqual(['camera_up', 'camera_down']);
    expect(mine[0]!.links).toEqual({
      live: `/app/operacoes/ao-vivo/${camCuiaba}`,
      playback: `/app/operacoes/gravacoes/${camCuiaba}?em=${encodeURIComponent(endedAt.toISOString())}`,
    });
    expect(mine[1]!.detail).toBe('Causa: câmera inacessível');
    expect((await list(operator, '?kind=camera_up')).map((e) => e.cameraId)).toEqual([camCuiaba]);
    expect((await list(operator, `?cameraId=${camSinop}`)).map((e) => e.kind)).toEqual(['camera_down']);
  });

  it('event scope by region: an operator of another region gets none, and 404 for an id out of scope', async () => {
    const cuiabaEvents = await list(regionalCuiaba);
    expect((await list(regionalSinop)).every((e) => e.cameraId === camSinop)).toBe(true);
    expect(await list(regionalSinop, `?cameraId=${camCuiaba}`)).toHaveLength(0);
    const foreign = await f.send(regionalSinop.session, 'GET', `/api/events/${cuiabaEvents[0]!.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const own = await f.send(regionalCuiaba.session, 'GET', `/api/events/${cuiabaEvents[0]!.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().cameraId).toBe(camCuiaba);
  });

  it('partners see the events of their own cameras only', async () => {
    expect((await list(partnerCuiaba)).map((e) => e.cameraId)).toEqual([camCuiaba, camCuiaba]);
    expect((await list(partnerSinop)).map((e) => e.cameraId)).toEqual([camSinop]);
    const ev = (await list(partnerCuiaba))[0]!;
    expect((await f.send(partnerSinop.session, 'GET', `/api/events/${ev.id}`)).statusCode).toBe(404);
    expect(await db().select().from(cameraEvents).where(eq(cameraEvents.id, ev.id))).toHaveLength(1);
  });
});
