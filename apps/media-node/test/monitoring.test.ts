import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { freePort } from '@vigia/testkit/server-process';
import { makeUser, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { cameraHealth, cameraMonitoring, cameraOutages, recordingPolicies, recordingSegments } from '../../server/src/db/schema.js';
import { todayInCuiaba } from '../../server/src/modules/calendar/local-date.js';
import { monthlyScorecard } from '../../server/src/modules/sanctions/uptime.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  RECORDING_TEST_ENV,
  registerCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/**
 * Every active camera watched 24/7 (issue 17), with the production defaults: RECORDING_DEFAULT=on
 * and MEDIA_MONITOR=all. Three eligible cameras of one partner: one recorded by default, one whose
 * camera policy turns recording off, and one not recorded whose address answers nothing.
 */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let partnerId = '';
let recorded = '';
let notRecorded = '';
let unreachable = '';

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp());
  sim = await startSimulator({ count: 2, extraPorts: 1, size: '640x360', bitrateKbps: 400 });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  partnerId = await createPartner(t.database, 'Parceiro monitorado');
  const credentials = { username: sim.user, password: sim.password };
  recorded = (await registerCamera(app, admin, { partnerId, name: 'Gravada', rtspPort: sim.port, httpPort: 50_011, credentials })).id;
  notRecorded = (
    await registerCamera(app, admin, {
      partnerId,
      name: 'Não gravada',
      rtspPort: sim.extraPorts[0]!,
      rtspPath: '/cam2',
      httpPort: 50_012,
      credentials,
    })
  ).id;
  unreachable = (await registerCamera(app, admin, { partnerId, name: 'Inacessível', rtspPort: await freePort(), httpPort: 50_013 })).id;
  await t.database.db.insert(recordingPolicies).values([
    { cameraId: notRecorded, enabled: false, retentionDays: 7 },
    { cameraId: unreachable, enabled: false, retentionDays: 7 },
  ]);
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'monitor-node',
    ...RECORDING_TEST_ENV,
    // Long enough that a busy machine's frame stall does not count as an outage of a reachable camera.
    MEDIA_WATCHDOG_MS: '3000',
    MEDIA_RECONNECT_MAX_MS: '2000',
    RECORDING_DEFAULT: 'on',
    MEDIA_MONITOR: 'all',
  });
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('every active camera monitored (issue 17)', () => {
  it('Art. 25 §3 — every active camera has health and uptime whether recorded or not', async () => {
    const all = [recorded, notRecorded, unreachable];
    const health = async () => t.database.db.select().from(cameraHealth).where(inArray(cameraHealth.cameraId, all));
    const openOutage = async (id: string) =>
      (await t.database.db.select().from(cameraOutages).where(eq(cameraOutages.cameraId, id))).find((o) => !o.endedAt);
    await until(async () => {
      const rows = await health();
      const receiving = rows.filter((r) => r.receiving).map((r) => r.cameraId);
      return receiving.includes(recorded) && receiving.includes(notRecorded) && !!(await openOutage(unreachable));
    }, 90_000);

    // Health rows for all three; the two reachable cameras stream, the third is down with a cause.
    const rows = await health();
    expect(rows.map((r) => r.cameraId).sort()).toEqual([...all].sort());
    expect(rows.find((r) => r.cameraId === notRecorded)!.fps).toBeGreaterThan(0);
    expect(rows.find((r) => r.cameraId === unreachable)!.receiving).toBe(false);
    expect((await openOutage(unreachable))!.cause).toBe('camera_unreachable');
    expect(await openOutage(notRecorded)).toBeUndefined();
    const monitored = await t.database.db.select().from(cameraMonitoring).where(inArray(cameraMonitoring.cameraId, all));
    expect(monitored).toHaveLength(3);

    // One upstream each, kept open with no viewer; only the recorded camera writes segments.
    expect(node!.viewers.size).toBe(0);
    expect(node!.upstreams.sessionsByCamera.get(recorded)).toBe(1);
    expect(node!.upstreams.sessionsByCamera.get(notRecorded)).toBe(1);
    await until(
      async () => (await t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, recorded))).length > 0,
      60_000,
    );
    expect(await t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, notRecorded))).toHaveLength(0);
    expect([...node!.recording.recorders.keys()]).toEqual([recorded]);

    // Uptime (the partner's monthly scorecard): every camera measured, the unreachable one below 100 %.
    const now = new Date(Date.now() + 1_000);
    const card = await monthlyScorecard(t.database.db, partnerId, todayInCuiaba(now).slice(0, 7), now);
    const byId = new Map(card.cameras.map((c) => [c.cameraId, c]));
    for (const id of all) expect(byId.get(id)!.measured, id).toBe(true);
    expect(byId.get(notRecorded)!.percent).toBe(100);
    expect(byId.get(unreachable)!.percent!).toBeLessThan(100);
  });

  it('a camera whose policy turns recording on later starts recording on the upstream it already holds', async () => {
    await t.database.db.update(recordingPolicies).set({ enabled: true }).where(eq(recordingPolicies.cameraId, notRecorded));
    await until(
      async () => (await t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, notRecorded))).length > 0,
      60_000,
    );
    expect(node!.upstreams.sessionsByCamera.get(notRecorded)).toBe(1);
  });
});
