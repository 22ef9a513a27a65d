import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts } from '../src/db/tables/alerts.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { partners } from '../src/db/tables/partners.js';
import { cameraPtz } from '../src/db/tables/ptz.js';
import { cameraViewChecks } from '../src/db/tables/view-change.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { cameraDepsOf } from '../src/modules/cameras/camera-deps.js';
import { viewChangeSweep } from '../src/modules/view-change/view-change.sweep.js';
import { authHeaders, testConfig, useTestApp } from './helpers/app.js';
import { releaseFixtures, SINOP } from './releases.fixtures.js';

/**
 * View-change detection against the real simulator: its PTZ camera is a crop window over a larger
 * scene, so moving it changes what the camera films exactly as turning a real one would. The
 * reference is the camera's self-test snapshot.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;
const db = () => ctx.t.database.db;
const USER = 'tecnico';
const PASSWORD = 'senha-da-camera';
const email = `parceiro-vista-${Date.now()}@teste.local`;

let sim: Simulator;
let cam: string;
let operator: U;
let regionalSinop: U;
let partnerUser: U;

const sweep = () =>
  drainSweep(
    viewChangeSweep({
      ...cameraDepsOf(db(), testConfig(ctx.t.dataDir)),
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      cfg: { intervalMs: 0, threshold: 12 },
    }),
  );
const check = async () => (await db().select().from(cameraViewChecks).where(eq(cameraViewChecks.cameraId, cam)))[0];
/** Runs checks until `done` (each one decodes a fresh keyframe), at most 10. */
const sweepUntil = async (what: string, done: () => Promise<boolean>) => {
  for (let i = 0; i < 10 && !(await done()); i++) await sweep();
  expect(await done(), what).toBe(true);
};

beforeAll(async () => {
  sim = await startSimulator({ count: 0, ptzCount: 1, size: '640x360', fps: 10, bitrateKbps: 600, user: USER, password: PASSWORD });
  const partner = await f.partner();
  await db().update(partners).set({ email }).where(eq(partners.id, partner));
  cam = await f.camera(partner, 'cuiaba', { name: 'Câmera da escola' });
  const admin = await f.user(['admin']);
  const patch = await f.send(admin.session, 'PATCH', `/api/cameras/${cam}`, {
    host: '127.0.0.1',
    rtspPort: sim.port,
    rtspPath: '/ptz1',
    credentials: { username: USER, password: PASSWORD },
  });
  expect(patch.statusCode, patch.body).toBe(200);
  const selfTest = await f.send(admin.session, 'POST', `/api/cameras/${cam}/self-test`);
  expect(selfTest.statusCode, selfTest.body).toBe(200);
  expect(selfTest.json().steps.find((s: { key: string }) => s.key === 'snapshot').outcome).toBe('ok');
  operator = await f.user(['operator']);
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: await f.region([SINOP]) });
  partnerUser = await f.user(['partner_user'], { partnerId: partner });
}, 180_000);

afterAll(async () => {
  await sim?.stop();
});

describe('view-change detection', () => {
  it('takes the self-test snapshot as the approved view and finds the camera unchanged', async () => {
    await sweep();
    const c = await check();
    expect(c).toMatchObject({ referenceSource: 'self_test', changedSince: null });
    expect(c!.lastDistance).not.toBeNull();
    expect(c!.lastDistance!).toBeLessThanOrEqual(12);
    expect(await db().select().from(alerts).where(eq(alerts.cameraId, cam))).toHaveLength(0);
  });

  it('a camera turned away raises "câmera reposicionada" once: event with both pictures, CIOSP alert, e-mail to the partner', async () => {
    sim.ptz(1, { pan: 1, tilt: -1, zoom: 1 });
    await sweepUntil('the change is detected', async () => (await check())?.changedSince != null);
    await sweep(); // the same episode: nothing new
    const events = (await f.send(operator.session, 'GET', `/api/events?kind=view_changed&cameraId=${cam}`)).json().events;
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatch(/^Imagem diferente da vista aprovada \(distância \d+ de 64\)$/);
    const ref = await f.send(operator.session, 'GET', events[0].images.reference);
    const cur = await f.send(operator.session, 'GET', events[0].images.current);
    expect([ref.statusCode, cur.statusCode]).toEqual([200, 200]);
    expect(ref.headers['content-type']).toBe('image/jpeg');
    expect(cur.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(cur.rawPayload.equals(ref.rawPayload)).toBe(false);
    const raised = await db().select().from(alerts).where(eq(alerts.cameraId, cam));
    expect(raised.map((a) => a.kind)).toEqual(['view_changed']);
    expect(raised[0]!.message).toContain('reposicionada ou obstruída');
    const listed = (await f.send(operator.session, 'GET', '/api/alerts')).json().alerts;
    expect(listed.map((a: { kind: string }) => a.kind)).toContain('view_changed');
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('reposicionada ou obstruída')]);
    // The partner sees the event of its own camera; another region sees neither event nor pictures.
    expect((await f.send(partnerUser.session, 'GET', `/api/events?kind=view_changed`)).json().events).toHaveLength(1);
    expect((await f.send(regionalSinop.session, 'GET', `/api/events/${events[0].id}`)).statusCode).toBe(404);
    const foreign = await ctx.app.inject({ method: 'GET', url: events[0].images.current, headers: authHeaders(regionalSinop.session) });
    expect(foreign.statusCode).toBe(404);
  });

  it('a PTZ camera an operator moved away from its approved preset is not checked until it returns', async () => {
    const before = (await check())!.lastCheckedAt;
    await db()
      .insert(cameraPtz)
      .values({ cameraId: cam, supported: true, checkedAt: new Date(), approvedPresetToken: '1', awayFromApproved: true });
    await sweep();
    expect((await check())!.lastCheckedAt).toEqual(before);
    await db().update(cameraPtz).set({ awayFromApproved: false }).where(eq(cameraPtz.cameraId, cam));
    await sweep();
    expect((await check())!.lastCheckedAt!.getTime()).toBeGreaterThan(before!.getTime());
  });

  it('back to the approved view, the episode closes', async () => {
    sim.ptz(1, { pan: 0, tilt: 0, zoom: 0 });
    await sweepUntil('the camera is back', async () => (await check())?.changedSince === null);
    expect(await db().select().from(alerts).where(eq(alerts.cameraId, cam))).toHaveLength(1);
  });
});
