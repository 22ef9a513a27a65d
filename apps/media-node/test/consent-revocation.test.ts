import { createHash, randomBytes } from 'node:crypto';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { anonymous, authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import {
  cameraPoints,
  cameraSharingConsentCameras,
  cameraSharingConsents,
  cameras,
  integratorCameras,
  integratorClients,
} from '../../server/src/db/schema.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  RECORDING_TEST_ENV,
  registerCamera,
  registerRecordedCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
  untilProgress,
  watchLive,
} from './helpers/node-testbed.js';

/**
 * Issue 18 (Decree 1.522/2022 Art. 15; seed 002 BH + Segura), the media node's share: when a client
 * revokes its consent, the camera an integrator shared stops streaming at once — the live viewer is
 * cut, the upstream (and with it recording and health) stops, and the node neither renews nor takes
 * the lease again.
 */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let operator: Session;
let camera: string;
const token = randomBytes(32).toString('base64url');

async function count(q: ReturnType<typeof sql>): Promise<number> {
  const r = (await t.database.db.execute(q)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]!.n);
}
const leases = () => count(sql`SELECT count(*)::int AS n FROM camera_assignment WHERE camera_id = ${camera}::uuid`);
const segments = () => count(sql`SELECT count(*)::int AS n FROM recording_segment WHERE camera_id = ${camera}::uuid`);
const heartbeats = async () => {
  const r = (await t.database.db.execute(sql`SELECT heartbeat_at FROM media_node WHERE id = 'consent-node'`)) as unknown as {
    rows: { heartbeat_at: string | Date }[];
  };
  return String(r.rows[0]?.heartbeat_at);
};

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp());
  sim = await startSimulator({ count: 1, size: '320x240', bitrateKbps: 300 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'consent-node',
    ...LIVE_TEST_ENV,
    ...RECORDING_TEST_ENV,
    MEDIA_IDLE_GRACE_MS: '300',
  });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  // The integrator company's accreditation: an active term and an authorised executive project.
  const company = await createPartner(t.database, 'Empresa de segurança eletrônica');
  const own = await registerCamera(app, admin, { partnerId: company, name: 'Câmera da empresa', rtspPort: 59_990, httpPort: 59_991 });
  const [ownRow] = await t.database.db.select().from(cameras).where(eq(cameras.id, own.id));
  const [ownPoint] = await t.database.db.select().from(cameraPoints).where(eq(cameraPoints.id, ownRow!.cameraPointId!));
  // A client's camera the company shares under a consent granted by link.
  const client = await createPartner(t.database, 'Cliente da empresa');
  camera = await registerRecordedCamera(app, t.database, admin, sim, { partnerId: client, name: 'Fachada do cliente', httpPort: 59_992 });
  const [point] = await t.database.db
    .insert(cameraPoints)
    .values({ ...ownPoint!, id: undefined, ordinal: 99, address: 'Fachada do cliente' })
    .returning();
  await t.database.db.update(cameras).set({ cameraPointId: point!.id }).where(eq(cameras.id, camera));
  await t.database.db.insert(integratorClients).values({ integratorPartnerId: company, clientPartnerId: client, createdBy: company });
  await t.database.db.insert(integratorCameras).values({ cameraId: camera, integratorPartnerId: company });
  const [consent] = await t.database.db
    .insert(cameraSharingConsents)
    .values({
      integratorPartnerId: company,
      clientPartnerId: client,
      means: 'email_link',
      status: 'granted',
      clientEmail: 'cliente@exemplo.com.br',
      tokenHash: createHash('sha256').update(token).digest('hex'),
      requestedBy: company,
      requestedAt: new Date(),
      consentedBy: 'Cliente',
      consentedAt: new Date(),
    })
    .returning();
  await t.database.db.insert(cameraSharingConsentCameras).values({ consentId: consent!.id, cameraId: camera });
}, 180_000);

afterAll(async () => {
  await stopTestBed({ node, gateway, sim, app, t });
});

describe('Art. 15 — the client revokes: live, recording and health of its camera stop at once', () => {
  it('the viewer is cut, the upstream and its lease end, and the node does not take the camera again', async () => {
    const viewer = await watchLive(app, operator, camera);
    await viewer.waitBinaries(3, 30_000);
    await untilProgress(segments, (n) => n >= 1);
    expect(await leases()).toBe(1);

    const revoked = await app.inject({
      method: 'POST',
      url: '/api/public/camera-consents/revoke',
      headers: authHeaders(await anonymous(app)),
      payload: { token },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const closed = await viewer.closed;
    expect(closed.code).toBeGreaterThanOrEqual(4000);
    await until(() => node.upstreams.get(camera) === undefined, 30_000);
    // Several heartbeats later (progress, not a fixed sleep): no lease taken again, no new segment.
    const after = await segments();
    const seen = new Set<string>();
    await untilProgress(heartbeats, (h) => seen.add(h).size >= 4);
    expect(node.upstreams.get(camera)).toBeUndefined();
    expect(await leases()).toBe(0);
    expect(await segments()).toBeLessThanOrEqual(after + 1); // at most the segment open at revocation is closed
    const live = await app.inject({
      method: 'POST',
      url: `/api/live/${camera}/token`,
      headers: authHeaders(operator),
      payload: { nonceHash: 'a'.repeat(64) },
    });
    expect(live.statusCode).toBe(404);
  }, 120_000);
});
