import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { testClock } from '@vigia/testkit/test-clock';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraEvents } from '../src/db/tables/events.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { cameraDepsOf } from '../src/modules/cameras/camera-deps.js';
import { onvifEventsSweep } from '../src/modules/events/onvif-events.sweep.js';
import { testConfig, useTestApp } from './helpers/app.js';
import { releaseFixtures, SINOP } from './releases.fixtures.js';

/**
 * ONVIF motion and tamper events by PullPoint subscription (issue 17), against the loopback ONVIF
 * responder's event service: the sweep subscribes each camera that has one, pulls, and records
 * motion/tamper notifications as camera events — once per kind and minute, never the state a
 * device reports when a subscription starts —, subscribes again after a camera restart, and leaves
 * cameras without an event service alone. The events are listed in the operators' scope only.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;
const db = () => ctx.t.database.db;
const USER = 'onvif';
const PASSWORD = 'senha-onvif';

let onvif: OnvifResponder;
let plain: OnvifResponder;
let cam: string;
let plainCam: string;
let operator: U;
let regionalSinop: U;
let sweep: ReturnType<typeof onvifEventsSweep>;
const T0 = new Date('2026-12-07T15:00:00.000Z');

const events = async (cameraId: string) =>
  (await db().select().from(cameraEvents).where(eq(cameraEvents.cameraId, cameraId))).sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
  );
const pointAt = async (id: string, port: number) => {
  const admin = await f.user(['admin']);
  const patch = await f.send(admin.session, 'PATCH', `/api/cameras/${id}`, {
    host: '127.0.0.1',
    httpPort: port,
    credentials: { username: USER, password: PASSWORD },
  });
  expect(patch.statusCode, patch.body).toBe(200);
};

beforeAll(async () => {
  // The camera is in alarm when the platform subscribes: that "Initialized" state is not an event.
  onvif = await startOnvifResponder({ username: USER, password: PASSWORD, streamPath: '/cam1', events: { motion: true } });
  plain = await startOnvifResponder({ username: USER, password: PASSWORD, streamPath: '/cam1' });
  const partner = await f.partner();
  cam = await f.camera(partner, 'cuiaba', { name: 'Câmera com eventos ONVIF' });
  plainCam = await f.camera(partner, 'cuiaba', { name: 'Câmera sem serviço de eventos' });
  await pointAt(cam, onvif.port);
  await pointAt(plainCam, plain.port);
  operator = await f.user(['operator']);
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: await f.region([SINOP]) });
  testClock.set(T0.toISOString());
  sweep = onvifEventsSweep({ ...cameraDepsOf(db(), testConfig(ctx.t.dataDir)), clock: testClock, log: pino({ level: 'silent' }) }, 10);
});

afterAll(async () => {
  testClock.reset();
  await onvif?.close();
  await plain?.close();
});

describe('ONVIF events by PullPoint subscription', () => {
  it('subscribes the camera that has an event service; the state reported on subscribing is not an event', async () => {
    await drainSweep(sweep);
    expect(onvif.subscriptions).toBe(1);
    expect(onvif.calls).toContain('CreatePullPointSubscription');
    expect(onvif.calls).toContain('PullMessages');
    expect(plain.subscriptions).toBe(0);
    expect(await events(cam)).toHaveLength(0);
    expect(await events(plainCam)).toHaveLength(0);
  });

  it('turns a motion alarm and a tamper notification into camera events, at the device time', async () => {
    onvif.emitEvent({ topic: 'tns1:VideoSource/MotionAlarm', data: { State: 'true' }, utcTime: '2026-12-07T15:00:02.000Z' });
    onvif.emitEvent({ topic: 'tns1:VideoSource/MotionAlarm', data: { State: 'false' }, utcTime: '2026-12-07T15:00:05.000Z' });
    onvif.emitEvent({
      topic: 'tns1:RuleEngine/TamperDetector/Tamper',
      source: { Rule: 'Tamper1' },
      data: { IsTamper: 'true' },
      utcTime: '2026-12-07T15:00:06.000Z',
    });
    onvif.emitEvent({ topic: 'tns1:Device/Trigger/DigitalInput', data: { LogicalState: 'true' } });
    await drainSweep(sweep);
    const got = await events(cam);
    expect(got.map((e) => [e.kind, e.occurredAt.toISOString()])).toEqual([
      ['motion', '2026-12-07T15:00:02.000Z'],
      ['tamper', '2026-12-07T15:00:06.000Z'],
    ]);
    expect(got[1]!.data).toMatchObject({ topic: 'tns1:RuleEngine/TamperDetector/Tamper', source: { Rule: 'Tamper1' } });
  });

  it('a camera repeating its alarm within the minute is recorded once; a device clock far off gives way to ours', async () => {
    onvif.emitEvent({ topic: 'tns1:VideoSource/MotionAlarm', data: { State: 'true' }, utcTime: '2026-12-07T15:00:30.000Z' });
    await drainSweep(sweep);
    expect((await events(cam)).filter((e) => e.kind === 'motion')).toHaveLength(1);
    testClock.set('2026-12-07T15:03:00.000Z');
    onvif.emitEvent({ topic: 'tns1:VideoSource/MotionAlarm', data: { State: 'true' }, utcTime: '2019-01-01T00:00:00.000Z' });
    await drainSweep(sweep);
    const motion = (await events(cam)).filter((e) => e.kind === 'motion');
    expect(motion.map((e) => e.occurredAt.toISOString())).toEqual(['2026-12-07T15:00:02.000Z', '2026-12-07T15:03:00.000Z']);
  });

  it('subscribes again after the camera restarts and keeps receiving', async () => {
    onvif.dropSubscriptions();
    await drainSweep(sweep); // the pull fails: the subscription is dropped
    await drainSweep(sweep); // a new one
    expect(onvif.subscriptions).toBe(1);
    expect(onvif.calls.filter((c) => c === 'CreatePullPointSubscription')).toHaveLength(2);
    testClock.set('2026-12-07T15:05:00.000Z');
    onvif.emitEvent({ topic: 'tns1:VideoSource/GlobalSceneChange/ImagingService', data: { State: 'true' } });
    await drainSweep(sweep);
    expect((await events(cam)).filter((e) => e.kind === 'tamper')).toHaveLength(2);
  });

  it('the events are listed in scope with their detail; another region does not see them', async () => {
    const res = await f.send(operator.session, 'GET', `/api/events?kind=tamper&cameraId=${cam}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events[0].detail).toMatch(/^Enviado pela câmera \(tns1:/);
    const motion = (await f.send(operator.session, 'GET', `/api/events?kind=motion&cameraId=${cam}`)).json().events;
    expect(motion).toHaveLength(2);
    expect((await f.send(regionalSinop.session, 'GET', `/api/events/${motion[0].id}`)).statusCode).toBe(404);
    expect((await f.send(regionalSinop.session, 'GET', '/api/events?kind=motion')).json().events).toHaveLength(0);
  });
});
