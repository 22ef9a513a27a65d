import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { alerts } from '../src/db/tables/alerts.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { partners } from '../src/db/tables/partners.js';
import { cameraHealth } from '../src/db/tables/recordings.js';
import { cameraMonitoring, cameraOutages } from '../src/db/tables/sanctions.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { healthAlertSweep } from '../src/modules/health/health-alerts.sweep.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;
const MIN = 60_000;
const cfg = { alertAfterMs: 10 * MIN, staleMs: 2 * MIN };
const db = () => ctx.t.database.db;
const sweep = () => drainSweep(healthAlertSweep(db(), cfg));

let partner: string;
let camDown: string;
let camShort: string;
let camNode: string;
let camSinop: string;
let operator: U;
let regionalSinop: U;
let partnerUser: U;
let committee: U;
const email = `parceiro-${Date.now()}@teste.local`;

beforeAll(async () => {
  partner = await f.partner();
  await db().update(partners).set({ email }).where(eq(partners.id, partner));
  camDown = await f.camera(partner, 'cuiaba', { name: 'Câmera caída' });
  camShort = await f.camera(partner, 'cuiaba', { name: 'Câmera piscando' });
  camNode = await f.camera(partner, 'cuiaba', { name: 'Câmera do nó morto' });
  camSinop = await f.camera(await f.partner(SINOP), 'sinop', { name: 'Câmera de Sinop' });
  await f.region([CUIABA]);
  const sinopRegion = await f.region([SINOP]);
  operator = await f.user(['operator']);
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: sinopRegion });
  partnerUser = await f.user(['partner_user'], { partnerId: partner });
  committee = await f.user(['committee_member']);
  const now = Date.now();
  const monthStart = new Date(now - 3 * 86_400_000);
  for (const c of [camDown, camShort, camNode, camSinop])
    await db().insert(cameraMonitoring).values({ cameraId: c, monitoredSince: monthStart });
  // The clock moves through data: outages started in the past, a health row last refreshed long ago.
  await db()
    .insert(cameraOutages)
    .values({ cameraId: camDown, startedAt: new Date(now - 15 * MIN), cause: 'camera_unreachable' });
  await db()
    .insert(cameraOutages)
    .values({ cameraId: camShort, startedAt: new Date(now - 3 * MIN), cause: 'stream_stalled' });
  await db()
    .insert(cameraHealth)
    .values({ cameraId: camNode, nodeId: 'node-x', connected: true, receiving: true, updatedAt: new Date(now - 20 * MIN) });
  await db().insert(cameraHealth).values({ cameraId: camSinop, nodeId: 'node-y', connected: true, receiving: true, updatedAt: new Date() });
});

describe('health alerts', () => {
  it('alerts after the threshold (CIOSP + partner e-mail), opens node-lost outages, alerts on recovery, idempotently', async () => {
    await sweep();
    // Node death: an outage from the last report, cause node_lost; a fresh health row is left alone.
    const nodeOut = await db().select().from(cameraOutages).where(eq(cameraOutages.cameraId, camNode));
    expect(nodeOut).toHaveLength(1);
    expect(nodeOut[0]).toMatchObject({ cause: 'node_lost', endedAt: null });
    expect(await db().select().from(cameraOutages).where(eq(cameraOutages.cameraId, camSinop))).toHaveLength(0);
    // 15 min down → alert; 3 min → not yet; the node-lost outage is 20 min old → alert too.
    const raised = await db().select().from(alerts);
    expect(raised.map((a) => [a.cameraId, a.kind]).sort()).toEqual(
      [
        [camDown, 'camera_down'],
        [camNode, 'camera_down'],
      ].sort(),
    );
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject).join()).toContain('Câmera caída');

    await sweep(); // idempotent
    expect(await db().select().from(alerts)).toHaveLength(2);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(2);

    // Back: the media node closes the outage → recovery alert + e-mail, once.
    await db()
      .update(cameraOutages)
      .set({ endedAt: new Date() })
      .where(and(eq(cameraOutages.cameraId, camDown), isNull(cameraOutages.endedAt)));
    await sweep();
    await sweep();
    expect((await db().select().from(alerts).where(eq(alerts.cameraId, camDown))).map((a) => a.kind).sort()).toEqual([
      'camera_down',
      'camera_recovered',
    ]);
    const after = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(after).toHaveLength(3);
    expect(after.some((m) => m.subject.includes('de volta'))).toBe(true);
  });

  it('lists alerts in scope and acknowledges them; other regions see nothing (404 on ack)', async () => {
    const list = await f.send(operator.session, 'GET', '/api/alerts?open=true');
    expect(list.statusCode, list.body).toBe(200);
    const mine = list.json().alerts as { id: string; cameraId: string }[];
    expect(mine.length).toBe(3);
    expect((await f.send(regionalSinop.session, 'GET', '/api/alerts')).json().alerts).toHaveLength(0);
    expect((await f.send(regionalSinop.session, 'POST', `/api/alerts/${mine[0]!.id}/ack`)).statusCode).toBe(404);
    expect((await f.send(partnerUser.session, 'GET', '/api/alerts')).statusCode).toBe(403);
    const ack = await f.send(operator.session, 'POST', `/api/alerts/${mine[0]!.id}/ack`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await f.send(operator.session, 'GET', '/api/alerts?open=true')).json().alerts).toHaveLength(2);
  });

  it('dashboard: down by region and partner, longest outages, worst partners of the month', async () => {
    const res = await f.send(committee.session, 'GET', '/api/health/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.down.map((x: { cameraId: string }) => x.cameraId)).toEqual([camNode, camShort]); // longest first
    expect(d.down[0]).toMatchObject({ cause: 'node_lost' });
    const cuiabaRegion = d.byRegion.find((r: { down: number }) => r.down === 2);
    expect(cuiabaRegion).toMatchObject({ total: 3 });
    expect(d.byPartner.find((p: { partnerId: string }) => p.partnerId === partner)).toMatchObject({ down: 2, total: 3 });
    expect(d.worstPartners[0]).toMatchObject({ partnerId: partner });
    expect(d.worstPartners[0].percent).toBeLessThan(100);
    expect(d.openAlerts.length).toBe(2);
    // A regional operator sees only its region.
    const regional = (await f.send(regionalSinop.session, 'GET', '/api/health/dashboard')).json();
    expect(regional.down).toHaveLength(0);
    expect(regional.byPartner).toHaveLength(1);
    expect((await f.send(partnerUser.session, 'GET', '/api/health/dashboard')).statusCode).toBe(403);
  });
});
