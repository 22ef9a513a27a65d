import { randomBytes } from 'node:crypto';
import type { Simulator } from '@vigia/testkit/camera-simulator';
import { makeStreamEligible } from '@vigia/testkit/eligible-camera';
import { newNonce, nonceHash, openLive } from '@vigia/testkit/live-client';
import { authHeaders, databaseOf, type Session, testApp } from '@vigia/testkit/test-app';
import { createTestDatabase, serverUrl, type TestDatabase } from '@vigia/testkit/test-database';
import { expect } from 'vitest';
import type { App } from '../../../server/src/app.js';
import type { Database } from '../../../server/src/db/client.js';
import { type SqlGateway, startSqlGateway } from '../../../server/src/db/gateway.js';
import { partners, recordingPolicies } from '../../../server/src/db/schema.js';
import { loadNodeConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';
import { type MediaNode, startMediaNode } from '../../src/node.js';

/** Shared set-up of the media-node integration tests (node, partner, cameras, viewers, teardown). */

/** Bounded wait: polls `cond` every 100 ms, throws after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { untilProgress } from '@vigia/testkit/wait';

/**
 * This run's database (PGlite or PostgreSQL), the API on it (`env` adds settings) and, on PGlite,
 * the SQL gateway the media node reaches it through.
 */
export async function startTestApp(
  env: Record<string, string> = {},
): Promise<{ t: TestDatabase; app: App; gateway: SqlGateway | undefined }> {
  const t = await createTestDatabase();
  try {
    const app = await testApp(t.database, t.dataDir, env);
    const gateway = t.database.kind === 'pglite' ? await startSqlGateway(t.database) : undefined;
    return { t, app, gateway };
  } catch (err) {
    await t.drop();
    throw err;
  }
}

/** Short timers for a node serving live viewers in tests (an upstream without viewers stops after 0.3 s). */
export const LIVE_TEST_ENV = { MEDIA_HEARTBEAT_MS: '500', MEDIA_LEASE_SECONDS: '3', MEDIA_IDLE_GRACE_MS: '300' } as const;

/** Short timers for a recording node in tests (2 s segments of 0.5 s fragments). */
export const RECORDING_TEST_ENV = {
  MEDIA_HEARTBEAT_MS: '300',
  MEDIA_LEASE_SECONDS: '3',
  RECORDING_SEGMENT_SECONDS: '2',
  RECORDING_FRAGMENT_MS: '500',
} as const;

/**
 * Starts a media node in-process on this run's database: PGlite through the SQL gateway, or
 * PostgreSQL directly — exactly as the child process reaches it. `env` adds the test's settings.
 */
export function startTestNode(t: TestDatabase, gateway: SqlGateway | undefined, env: Record<string, string>): Promise<MediaNode> {
  return startMediaNode(
    loadNodeConfig({
      MEDIA_NODE_PORT: '0',
      DATA_DIR: t.dataDir,
      // The production defaults (issue 17) record and watch every eligible camera; these tests
      // exercise the viewer-driven upstream (idle stop, session counts) and opt in per test.
      RECORDING_DEFAULT: 'off',
      MEDIA_MONITOR: 'recorded',
      ...env,
      ...(gateway
        ? { MEDIA_DB_GATEWAY_URL: gateway.url, MEDIA_DB_GATEWAY_TOKEN: gateway.token }
        : { DATABASE_URL: serverUrl() ? t.url! : '' }),
    }),
    createLog('silent'),
  );
}

/** Stops what a test started, in reverse order (each part may be missing if set-up failed). */
export async function stopTestBed(parts: {
  node?: MediaNode;
  gateway?: SqlGateway;
  sim?: Simulator;
  app?: App;
  t?: TestDatabase;
}): Promise<void> {
  await parts.node?.stop();
  await parts.gateway?.close();
  await parts.sim?.stop().catch(() => undefined); // a test may have killed the camera already
  await parts.app?.close();
  await parts.t?.drop();
}

/** Inserts a municipality partner and returns its id. */
export async function createPartner(database: Database, name: string): Promise<string> {
  const [partner] = await database.db
    .insert(partners)
    .values({ kind: 'municipality', name, document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' })
    .returning();
  return partner!.id;
}

/**
 * Registers a camera through the real API as an administrator (defaults: a camera on 127.0.0.1 at
 * /cam1, not open to the public); `fields` override or add payload fields. Returns the created body.
 */
export async function registerCamera(
  app: App,
  admin: Session,
  fields: { partnerId: string; name: string; rtspPort: number; httpPort: number } & Record<string, unknown>,
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: authHeaders(admin),
    payload: {
      kind: 'partner_own',
      host: '127.0.0.1',
      rtspPath: '/cam1',
      latitude: -15.6,
      longitude: -56.1,
      municipalityIbge: '5103403',
      heading: 0,
      fieldOfView: 90,
      mounting: 'pole',
      openToPublic: false,
      ...Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'eligible')),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const camera = res.json();
  // Eligible to stream (issue 12: active term, authorised camera point) unless the test says
  // `eligible: false`; an open camera also gets the committee's approval.
  if (fields.eligible !== false) await makeStreamEligible(databaseOf(app), camera.id, { public: fields.openToPublic === true });
  return camera;
}

/**
 * Registers the simulator's first `count` cameras for a partner (/cam1…, on its port then its extra
 * ports, with its credentials; HTTP ports from `httpPortBase + 1`); `fields(k)` adds payload fields
 * to camera k (1-based). Returns their ids in order.
 */
export async function registerSimulatorCameras(
  app: App,
  admin: Session,
  sim: Simulator,
  o: {
    partnerId: string;
    count: number;
    name: (k: number) => string;
    httpPortBase: number;
    fields?: (k: number) => Record<string, unknown>;
  },
): Promise<string[]> {
  const ports = [sim.port, ...sim.extraPorts];
  const ids: string[] = [];
  for (let k = 1; k <= o.count; k++) {
    const camera = await registerCamera(app, admin, {
      partnerId: o.partnerId,
      name: o.name(k),
      rtspPort: ports[k - 1]!,
      httpPort: o.httpPortBase + k,
      rtspPath: `/cam${k}`,
      credentials: { username: sim.user, password: sim.password },
      ...o.fields?.(k),
    });
    ids.push(camera.id);
  }
  return ids;
}

/**
 * Registers the simulator's first camera for a partner through the real API (as an administrator)
 * and turns recording on for it (camera policy, 7 days — the test node's default is off).
 */
export async function registerRecordedCamera(
  app: App,
  database: Database,
  admin: Session,
  sim: Simulator,
  camera: { partnerId: string; name: string; httpPort: number; rtspPath?: string; rtspPort?: number },
): Promise<string> {
  const { id } = await registerCamera(app, admin, {
    partnerId: camera.partnerId,
    name: camera.name,
    rtspPort: camera.rtspPort ?? sim.port,
    httpPort: camera.httpPort,
    rtspPath: camera.rtspPath ?? '/cam1',
    credentials: { username: sim.user, password: sim.password },
  });
  await database.db.insert(recordingPolicies).values({ cameraId: id, enabled: true, retentionDays: 7 });
  return id;
}

/** A live token for `session` from the API (200 expected), with the nonce it is bound to. */
export async function liveToken(app: App, session: Session, cameraId: string, nonce = newNonce()) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/live/${cameraId}/token`,
    headers: authHeaders(session),
    payload: { nonceHash: nonceHash(nonce) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { ...(res.json() as { token: string; url: string; muxUrl: string }), nonce };
}

/** Asks the API for a live token for `session` and opens the viewer's socket with it. */
export async function watchLive(app: App, session: Session, cameraId: string) {
  const { token, url, nonce } = await liveToken(app, session, cameraId);
  return { ...openLive(url, token, nonce), token, url, nonce };
}
