import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { testClock } from '@vigia/testkit/test-clock';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { cameras } from '../src/db/tables/cameras.js';
import { ptzSessions } from '../src/db/tables/ptz.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { ptzDeps } from '../src/modules/ptz/ptz-device.js';
import { ptzReturnSweep } from '../src/modules/ptz/ptz-return.sweep.js';
import { authHeaders, testConfig, useTestApp } from './helpers/app.js';
import { releaseFixtures, SINOP } from './releases.fixtures.js';

/**
 * PTZ over ONVIF against the loopback responder's PTZ service (the e2e drives the real moving
 * picture): who may drive, the lock (one at a time, takeover by priority, expiry), the audit of
 * every move session, and the return to the approved preset after inactivity.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;
const db = () => ctx.t.database.db;
const USER = 'onvif';
const PASSWORD = 'senha-onvif';

let onvif: OnvifResponder;
let cam: string;
let programCam: string;
let operator: U;
let intelligence: U;
let owner: U;
let regionalSinop: U;
let admin: U;

const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok(), what).toBe(true);
};
const later = (ms: number) => testClock.set(new Date(testClock.now().getTime() + ms).toISOString());

beforeAll(async () => {
  onvif = await startOnvifResponder({ username: USER, password: PASSWORD, streamPath: '/ptz1', ptz: { speed: 2 } });
  const partner = await f.partner();
  cam = await f.camera(partner, 'cuiaba', { name: 'Câmera PTZ da praça' });
  programCam = await f.camera(partner, 'cuiaba', { name: 'Câmera PTZ do programa' });
  await db().update(cameras).set({ kind: 'program_loan', assetSerial: 'SESP-PTZ-0001' }).where(eq(cameras.id, programCam));
  admin = await f.user(['admin']);
  const patch = await f.send(admin.session, 'PATCH', `/api/cameras/${cam}`, {
    host: '127.0.0.1',
    httpPort: onvif.port,
    credentials: { username: USER, password: PASSWORD },
  });
  expect(patch.statusCode, patch.body).toBe(200);
  operator = await f.user(['operator'], { unit: 'military_police' });
  intelligence = await f.user(['operator'], { unit: 'intelligence' });
  owner = await f.user(['partner_user'], { partnerId: partner });
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: await f.region([SINOP]) });
});

afterAll(async () => {
  testClock.reset();
  await onvif?.close();
});

const status = async (u: U) => {
  const res = await f.send(u.session, 'GET', `/api/ptz/${cam}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('PTZ', () => {
  it('reports PTZ support and presets; a move needs the lock', async () => {
    expect(await status(operator)).toEqual({ supported: true, lock: null, takenOverBy: null, presets: [], approvedPresetToken: null });
    const move = await f.send(operator.session, 'POST', `/api/ptz/${cam}/move`, { pan: 1, tilt: 0, zoom: 0 });
    expect(move.statusCode).toBe(409);
    expect(move.json().error.code).toBe('PTZ_LOCK_REQUIRED');
  });

  it('the lock holder moves the camera (continuous move, stop) and saves a preset; the committee registers it as the approved view', async () => {
    const lock = await f.send(operator.session, 'POST', `/api/ptz/${cam}/lock`);
    expect(lock.statusCode, lock.body).toBe(200);
    expect(lock.json().lock).toMatchObject({ mine: true, holderName: operator.name });
    expect((await f.send(operator.session, 'POST', `/api/ptz/${cam}/move`, { pan: 1, tilt: 0, zoom: 0.5 })).statusCode).toBe(204);
    await until('the camera pans right', () => onvif.position.pan > 0.2);
    expect((await f.send(operator.session, 'POST', `/api/ptz/${cam}/stop`)).statusCode).toBe(204);
    const stopped = { ...onvif.position };
    expect(stopped.zoom).toBeGreaterThan(0);
    const saved = await f.send(operator.session, 'POST', `/api/ptz/${cam}/presets`, { name: 'Portão principal' });
    expect(saved.statusCode, saved.body).toBe(200);
    const token = saved.json().token as string;
    expect(onvif.presets.get(token)).toEqual({ name: 'Portão principal', position: stopped });
    const approve = await ctx.app.inject({
      method: 'PUT',
      url: `/api/ptz/${cam}/approved-preset`,
      headers: authHeaders(admin.session),
      payload: { token },
    });
    expect(approve.statusCode, approve.body).toBe(204);
    expect(await status(operator)).toMatchObject({ approvedPresetToken: token, presets: [{ token, name: 'Portão principal' }] });
    // The committee's view of it (no lock, no driving); an operator may not read or register it.
    const view = await ctx.app.inject({ method: 'GET', url: `/api/ptz/${cam}/approved-preset`, headers: authHeaders(admin.session) });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toEqual({ supported: true, presets: [{ token, name: 'Portão principal' }], approvedPresetToken: token });
    expect((await f.send(operator.session, 'GET', `/api/ptz/${cam}/approved-preset`)).statusCode).toBe(403);
    const unknown = await ctx.app.inject({
      method: 'PUT',
      url: `/api/ptz/${cam}/approved-preset`,
      headers: authHeaders(admin.session),
      payload: { token: 'nao-existe' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('one operator drives at a time: the same or a lower priority is refused, naming who drives', async () => {
    const res = await f.send(owner.session, 'POST', `/api/ptz/${cam}/lock`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PTZ_LOCKED', message: expect.stringContaining(operator.name) });
    expect((await status(owner)).lock).toMatchObject({ mine: false, holderName: operator.name });
  });

  it('a higher priority (intelligence) takes over; the first operator sees who; a takeover event; the session is audited', async () => {
    const res = await f.send(intelligence.session, 'POST', `/api/ptz/${cam}/lock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lock).toMatchObject({ mine: true, holderName: intelligence.name });
    const first = await status(operator);
    expect(first.takenOverBy).toBe(intelligence.name);
    expect(first.lock).toMatchObject({ mine: false, holderName: intelligence.name });
    const move = await f.send(operator.session, 'POST', `/api/ptz/${cam}/move`, { pan: -1, tilt: 0, zoom: 0 });
    expect(move.statusCode).toBe(409);
    expect(move.json().error.message).toContain(intelligence.name);
    const events = (await f.send(operator.session, 'GET', `/api/events?kind=ptz_takeover&cameraId=${cam}`)).json().events;
    expect(events).toHaveLength(1);
    expect(events[0].detail).toBe(`${intelligence.name} assumiu o controle de ${operator.name}`);
    const [ended] = await db()
      .select()
      .from(ptzSessions)
      .where(and(eq(ptzSessions.cameraId, cam), eq(ptzSessions.userId, operator.id)));
    expect(ended).toMatchObject({ endReason: 'taken_over', takenOverBy: intelligence.id, moves: 1 });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'ptz.session_ended'));
    expect(audit.map((a) => a.data)).toContainEqual(
      expect.objectContaining({
        userId: operator.id,
        reason: 'taken_over',
        moves: 1,
        presetsUsed: [],
        durationSeconds: expect.any(Number),
      }),
    );
  });

  it('presets used are recorded in the session; releasing ends it (audited)', async () => {
    const { approvedPresetToken: token } = await status(intelligence);
    expect((await f.send(intelligence.session, 'POST', `/api/ptz/${cam}/presets/${token}/goto`)).statusCode).toBe(204);
    expect((await f.send(intelligence.session, 'DELETE', `/api/ptz/${cam}/lock`)).statusCode).toBe(204);
    expect((await status(intelligence)).lock).toBeNull();
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'ptz.session_ended'));
    expect(audit.map((a) => a.data)).toContainEqual(
      expect.objectContaining({ userId: intelligence.id, reason: 'released', presetsUsed: [token] }),
    );
  });

  it('the lock expires after inactivity; the camera returns to its approved preset after inactivity', async () => {
    const cfg = testConfig(ctx.t.dataDir);
    const { approvedPresetToken: token } = await status(operator);
    expect((await f.send(owner.session, 'POST', `/api/ptz/${cam}/lock`)).statusCode).toBe(200);
    expect((await f.send(owner.session, 'POST', `/api/ptz/${cam}/move`, { pan: -1, tilt: 1, zoom: 0 })).statusCode).toBe(204);
    await until('the camera moves away', () => onvif.position.tilt > 0.2);
    expect((await f.send(owner.session, 'POST', `/api/ptz/${cam}/stop`)).statusCode).toBe(204);
    // Idle past the lock limit: a lower priority than nobody takes it; the owner's session expired.
    later(cfg.ptz.lockIdleMs);
    expect((await f.send(operator.session, 'POST', `/api/ptz/${cam}/lock`)).statusCode).toBe(200);
    const [expired] = await db()
      .select()
      .from(ptzSessions)
      .where(and(eq(ptzSessions.cameraId, cam), eq(ptzSessions.userId, owner.id)));
    expect(expired).toMatchObject({ endReason: 'expired' });
    // Not yet idle long enough: the sweep leaves the camera where it is.
    const sweep = () => drainSweep(ptzReturnSweep(ptzDeps(db(), cfg, testClock)));
    await sweep();
    expect(onvif.position).not.toEqual(onvif.presets.get(token)!.position);
    later(cfg.ptz.returnAfterMs);
    await sweep();
    expect(onvif.position).toEqual(onvif.presets.get(token)!.position);
    const returned = await db().select().from(auditEvents).where(eq(auditEvents.action, 'ptz.returned_to_approved_view'));
    expect(returned.map((a) => a.targetId)).toEqual([cam]);
    expect((await status(owner)).lock).toBeNull();
    await sweep(); // idempotent
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'ptz.returned_to_approved_view'))).toHaveLength(1);
  });

  it('scope: another region gets 404; a partner never drives a program camera; a camera without PTZ says so', async () => {
    expect((await f.send(regionalSinop.session, 'GET', `/api/ptz/${cam}`)).statusCode).toBe(404);
    expect((await f.send(regionalSinop.session, 'POST', `/api/ptz/${cam}/lock`)).statusCode).toBe(404);
    const program = await f.send(owner.session, 'POST', `/api/ptz/${programCam}/lock`);
    expect(program.statusCode).toBe(403);
    expect(program.json().error.code).toBe('PTZ_NOT_ALLOWED');
    const plain = await startOnvifResponder({ username: USER, password: PASSWORD, streamPath: '/cam1' });
    try {
      const patch = await f.send(admin.session, 'PATCH', `/api/cameras/${programCam}`, {
        host: '127.0.0.1',
        httpPort: plain.port,
        credentials: { username: USER, password: PASSWORD },
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const res = await f.send(operator.session, 'GET', `/api/ptz/${programCam}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ supported: false });
      expect((await f.send(operator.session, 'POST', `/api/ptz/${programCam}/lock`)).json().error.code).toBe('PTZ_NOT_SUPPORTED');
    } finally {
      await plain.close();
    }
  });
});
