import { randomBytes } from 'node:crypto';
import { LIVE_MUX_MAX_CHANNELS, liveCloseCodes } from '@vigia/contracts';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { newNonce, openLiveMux } from '@vigia/testkit/live-client';
import { makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { sessionIdOf } from '../../server/src/http/session-token.js';
import { revokeSession } from '../../server/src/modules/accounts/session.service.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  LIVE_TEST_ENV,
  liveToken as liveTokenOf,
  registerSimulatorCameras,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/**
 * The node's shared live socket (/live): one WebSocket, a channel per camera (live-mux.ts). Each
 * channel is held to exactly the checks of a socket of its own (token, nonce, single use, session,
 * view record), and one channel's refusal or end leaves the others streaming.
 */
const streamKey = randomBytes(32);
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode;
let operator: Session;
const cam: string[] = [];

const liveToken = (session: Session, cameraId: string, nonce?: string) => liveTokenOf(app, session, cameraId, nonce);

async function views(where: ReturnType<typeof sql>) {
  const r = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM live_view WHERE ${where}`);
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp({ STREAM_TOKEN_KEY: streamKey.toString('base64') }));
  sim = await startSimulator({ count: 2, extraPorts: 1, size: '640x360', bitrateKbps: 500 });
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'mux-node',
    STREAM_TOKEN_KEY: streamKey.toString('base64'),
    MEDIA_SESSION_CHECK_MS: '500',
    ...LIVE_TEST_ENV,
  });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro do socket compartilhado');
  cam.push(...(await registerSimulatorCameras(app, admin, sim, { partnerId, count: 2, name: (k) => `Câmera ${k}`, httpPortBase: 51_000 })));
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('shared live socket (/live)', () => {
  it('carries two cameras on one socket, each with its own messages, chunks and view record', async () => {
    const a = await liveToken(operator, cam[0]!);
    const b = await liveToken(operator, cam[1]!);
    expect(a.muxUrl).toBe(a.url.replace(`/live/${cam[0]}`, '/live'));
    const mux = openLiveMux(a.muxUrl);
    const one = mux.subscribe(1, cam[0]!, a.token, a.nonce);
    const two = mux.subscribe(2, cam[1]!, b.token, b.nonce);
    await Promise.all([one.waitBinaries(3), two.waitBinaries(3)]);
    for (const c of [one, two]) {
      expect(c.texts[0]).toMatchObject({ type: 'ready', ch: c === one ? 1 : 2 });
      expect(c.texts.find((m) => m.type === 'codec')).toMatchObject({ width: 640, height: 360 });
      expect(c.binaries[0]!.subarray(4, 8).toString()).toBe('ftyp'); // the channel's own init segment first
      expect(c.binaries[1]!.subarray(4, 8).toString()).toBe('moof');
    }
    expect(node.upstreams.stats.open).toBe(2);
    await until(
      async () => (await views(sql`user_id IS NOT NULL AND ended_at IS NULL AND camera_id IN (${cam[0]}::uuid, ${cam[1]}::uuid)`)) === 2,
    );

    // Leaving one channel ends its view; the other camera keeps streaming on the same socket.
    mux.send({ type: 'unsubscribe', ch: 1 });
    await until(async () => (await views(sql`camera_id = ${cam[0]}::uuid AND ended_at IS NULL`)) === 0);
    const r = await t.database.db.execute(sql`SELECT end_reason FROM live_view WHERE camera_id = ${cam[0]}::uuid`);
    expect((r as unknown as { rows: { end_reason: string }[] }).rows.map((x) => x.end_reason)).toEqual(['client_closed']);
    const had = two.binaries.length;
    await two.waitBinaries(had + 5);
    await until(() => node.upstreams.stats.open === 1);

    // Closing the socket ends every channel's view.
    mux.close();
    await mux.closed;
    await until(async () => (await views(sql`ended_at IS NULL`)) === 0);
    await until(() => node.upstreams.stats.open === 0);
  });

  it('refuses a bad channel alone: wrong nonce, token of another camera, token used twice, foreign renewal', async () => {
    const good = await liveToken(operator, cam[0]!);
    const mux = openLiveMux(good.muxUrl);
    const ok = mux.subscribe(1, cam[0]!, good.token, good.nonce);
    await ok.waitBinaries(2);
    // Someone who saw a token but not its nonce.
    const stolen = await liveToken(operator, cam[0]!);
    expect(await mux.subscribe(2, cam[0]!, stolen.token, newNonce()).ended).toMatchObject({
      code: liveCloseCodes.unauthorized,
      reason: 'unauthorized',
    });
    // A token for camera 1 presented for camera 2.
    const other = await liveToken(operator, cam[0]!);
    expect((await mux.subscribe(3, cam[1]!, other.token, other.nonce).ended).code).toBe(liveCloseCodes.forbidden);
    // The first channel's token again, with its nonce: a token opens one stream.
    expect((await mux.subscribe(4, cam[0]!, good.token, good.nonce).ended).code).toBe(liveCloseCodes.unauthorized);
    // Renewal: its own → renewed; one bound to another nonce → that channel ends.
    const renewal = await liveToken(operator, cam[0]!, good.nonce);
    mux.send({ type: 'renew', ch: 1, token: renewal.token });
    await until(() => ok.texts.some((m) => m.type === 'renewed' && m.ch === 1));
    const had = ok.binaries.length;
    await ok.waitBinaries(had + 3); // still streaming after three refusals beside it
    mux.send({ type: 'renew', ch: 1, token: (await liveToken(operator, cam[0]!)).token });
    expect((await ok.ended).code).toBe(liveCloseCodes.unauthorized);
    expect(mux.ws.readyState).toBe(mux.ws.OPEN); // the socket itself stays
    mux.close();
    await until(() => node.upstreams.stats.open === 0);
  });

  it("ends only the revoked session's channels on a socket shared by two sessions", async () => {
    const s = await signIn(app, (await makeUser(t.database, ['operator'])).email);
    const mine = await liveToken(s, cam[0]!);
    const theirs = await liveToken(operator, cam[1]!);
    const mux = openLiveMux(mine.muxUrl);
    const revoked = mux.subscribe(7, cam[0]!, mine.token, mine.nonce);
    const kept = mux.subscribe(9, cam[1]!, theirs.token, theirs.nonce);
    await Promise.all([revoked.waitBinaries(2), kept.waitBinaries(2)]);
    await revokeSession(t.database.db, sessionIdOf(s.cookie.split('=')[1]!), 'test');
    expect(await revoked.ended).toMatchObject({ code: liveCloseCodes.sessionEnded, reason: 'sessionEnded' });
    const had = kept.binaries.length;
    await kept.waitBinaries(had + 5);
    mux.close();
    await until(() => node.upstreams.stats.open === 0);
  });

  it(`holds at most ${LIVE_MUX_MAX_CHANNELS} channels on one socket`, async () => {
    const tokens = await Promise.all(Array.from({ length: LIVE_MUX_MAX_CHANNELS + 1 }, () => liveToken(operator, cam[1]!)));
    const mux = openLiveMux(tokens[0]!.muxUrl);
    const channels = tokens.map((tk, ch) => mux.subscribe(ch, cam[1]!, tk.token, tk.nonce));
    expect(await channels.at(-1)!.ended).toMatchObject({ code: liveCloseCodes.forbidden, message: 'too many channels on one socket' });
    await Promise.all(channels.slice(0, -1).map((c) => c.waitBinaries(1)));
    mux.close();
    await until(() => node.upstreams.stats.open === 0);
  });

  it('closes the socket on a client that breaks the protocol (binary frame, channel number in use, no subscribe)', async () => {
    const a = await liveToken(operator, cam[0]!);
    const binary = openLiveMux(a.muxUrl);
    await binary.opened;
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect(await binary.closed).toMatchObject({ code: 1008, reason: 'unexpected binary message' });

    const reused = openLiveMux(a.muxUrl);
    const first = reused.subscribe(5, cam[0]!, a.token, a.nonce);
    await first.waitBinaries(1);
    const b = await liveToken(operator, cam[0]!);
    reused.subscribe(5, cam[0]!, b.token, b.nonce);
    expect(await reused.closed).toMatchObject({ code: 1008, reason: 'channel in use' });

    const silent = openLiveMux(a.muxUrl);
    expect((await silent.closed).code).toBe(1000); // nothing subscribed within 5 s
    await until(async () => (await views(sql`ended_at IS NULL`)) === 0);
  });
});
