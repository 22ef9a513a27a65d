import { randomBytes } from 'node:crypto';
import type { RtspClient } from '@vigia/media';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  registerCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
  watchLive,
} from './helpers/node-testbed.js';

/**
 * Per-camera RTP transport (camera.rtsp_transport over the node's MEDIA_RTSP_TRANSPORT, here the
 * default tcp): a camera set to 'udp' is pulled over UDP, and one set to 'auto' on a mount that
 * refuses UDP (461) falls back to TCP — through the API, the database and the media node.
 */
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let operator: Session;
let udpCamera: string;
let autoCamera: string;

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 1, tcpOnlyCount: 1, extraPorts: 1, size: '320x240', bitrateKbps: 300 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'transport-node',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    ...LIVE_TEST_ENV,
  });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro transporte');
  const credentials = { username: sim.user, password: sim.password };
  ({ id: udpCamera } = await registerCamera(app, admin, {
    partnerId,
    name: 'Câmera UDP',
    rtspPort: sim.port,
    httpPort: 50_101,
    rtspPath: '/cam1',
    credentials,
    rtspTransport: 'udp',
  }));
  ({ id: autoCamera } = await registerCamera(app, admin, {
    partnerId,
    name: 'Câmera só TCP',
    rtspPort: sim.extraPorts[0]!,
    httpPort: 50_102,
    rtspPath: '/tcponly1',
    credentials,
  }));
  const edit = await app.inject({
    method: 'PATCH',
    url: `/api/cameras/${autoCamera}`,
    headers: authHeaders(admin),
    payload: { rtspTransport: 'auto' },
  });
  expect(edit.statusCode, edit.body).toBe(200);
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

const rtspClient = (cameraId: string) => node.upstreams.get(cameraId)?.client as RtspClient | undefined;

describe('per-camera RTP transport', () => {
  it("a camera set to 'udp' is pulled over UDP although the node default is TCP", async () => {
    const viewer = await watchLive(app, operator, udpCamera);
    await viewer.waitBinaries(5);
    const client = rtspClient(udpCamera)!;
    expect(client.options.transport).toBe('udp');
    expect(client.info?.transport).toBe('udp');
    expect(client.stats.rtpPackets).toBeGreaterThan(0);
    viewer.close();
    await viewer.closed;
    await until(() => node.upstreams.get(udpCamera) === undefined);
  });

  it("a camera set to 'auto' on a mount that refuses UDP falls back to TCP", async () => {
    const viewer = await watchLive(app, operator, autoCamera);
    await viewer.waitBinaries(5);
    const client = rtspClient(autoCamera)!;
    expect(client.options.transport).toBe('auto');
    expect(client.info?.transport).toBe('tcp');
    viewer.close();
    await viewer.closed;
  });
});
