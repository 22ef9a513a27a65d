import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { PLAYBACK_HEADERS } from '@vigia/contracts';
import { loadStreamTokenKey, nonceHash, signStreamToken } from '@vigia/contracts/stream-token';
import { startSimulator, type Simulator } from '../../../packages/media/test/helpers/simulator.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../server/test/helpers/database.js';
import { authHeaders, makeUser, signIn, testApp, type Session } from '../../server/test/helpers/app.js';
import type { App } from '../../server/src/app.js';
import { startSqlGateway, type SqlGateway } from '../../server/src/db/gateway.js';
import { auditEvents, partners, recordingSegments } from '../../server/src/db/schema.js';
import { segmentLayout } from '../../server/src/modules/playback/fmp4-index.js';
import { loadNodeConfig } from '../src/config.js';
import { createLog } from '../src/log.js';
import { startMediaNode, type MediaNode } from '../src/node.js';
import { registerRecordedCamera } from './helpers/recorded-camera.js';

/** Playback from the segment index: timeline, purpose-bound tokens, keyframe-aligned bytes. */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let cam = '';
let operator: Session;
let outsider: Session;
const nonce = randomBytes(24).toString('base64url');

const until = async (cond: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const closedSegments = () =>
  t.database.db.select().from(recordingSegments).where(and(eq(recordingSegments.cameraId, cam), isNotNull(recordingSegments.closedAt))).orderBy(asc(recordingSegments.seq));
const media = (s: Session, camera: string, token: string, at: Date, n = nonce) =>
  app.inject({ method: 'GET', url: `/api/playback/${camera}/media?at=${at.toISOString()}`, headers: { ...authHeaders(s), [PLAYBACK_HEADERS.token]: token, [PLAYBACK_HEADERS.nonce]: n } });
const start = (s: Session, camera: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/playback/${camera}/token`, headers: authHeaders(s), payload: { nonceHash: nonceHash(nonce), ...payload } });

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, {});
  sim = await startSimulator({ count: 1, size: '640x360', bitrateKbps: 500 });
  if (t.database.kind === 'pglite') gateway = await startSqlGateway(t.database);
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const [partner, other] = await t.database.db
    .insert(partners)
    .values([
      { kind: 'municipality', name: 'Parceiro reprodução', document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' },
      { kind: 'municipality', name: 'Outro parceiro', document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' },
    ])
    .returning();
  cam = await registerRecordedCamera(app, t.database, admin, sim, { partnerId: partner!.id, name: 'Câmera reproduzida', httpPort: 50_002 });
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  outsider = await signIn(app, (await makeUser(t.database, ['partner_user'], { partnerId: other!.id })).email);
  node = await startMediaNode(
    loadNodeConfig({
      MEDIA_NODE_ID: 'pb-node', MEDIA_NODE_PORT: '0', DATA_DIR: t.dataDir, MEDIA_HEARTBEAT_MS: '300', MEDIA_LEASE_SECONDS: '3',
      RECORDING_SEGMENT_SECONDS: '2', RECORDING_FRAGMENT_MS: '500', MEDIA_WATCHDOG_MS: '2000',
      ...(gateway ? { MEDIA_DB_GATEWAY_URL: gateway.url, MEDIA_DB_GATEWAY_TOKEN: gateway.token } : { DATABASE_URL: serverUrl() ? t.url! : '' }),
    }),
    createLog('silent'),
  );
  await until(async () => (await closedSegments()).length >= 3, 25_000);
}, 180_000);

afterAll(async () => {
  await node?.stop();
  await gateway?.close();
  await sim?.stop().catch(() => undefined);
  await app?.close();
  await t?.drop();
});

describe('playback', () => {
  it('requires a reason, audits playback.started with camera, range and reason, and serves bytes from a keyframe at or before the instant', async () => {
    const segs = await closedSegments();
    const at = new Date(segs[1]!.startAt.getTime() + 1200);
    expect((await start(operator, cam, { from: at.toISOString() })).statusCode).toBe(400);
    expect((await start(operator, cam, { from: at.toISOString(), reason: '  ' })).statusCode).toBe(400);
    const ok = await start(operator, cam, { from: at.toISOString(), reason: 'BO 1234/2026 — furto' });
    expect(ok.statusCode, ok.body).toBe(200);
    const { token, playbackId } = ok.json();
    const [ev] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'playback.started'));
    expect(ev).toMatchObject({ targetType: 'camera', targetId: cam, reason: 'BO 1234/2026 — furto' });
    expect(ev!.data).toMatchObject({ playbackId, from: at.toISOString(), reason: 'BO 1234/2026 — furto' });

    const res = await media(operator, cam, token, at);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    const wall = Number(res.headers[PLAYBACK_HEADERS.wallMs]);
    expect(wall).toBeLessThanOrEqual(at.getTime());
    expect(wall).toBeGreaterThanOrEqual(segs[1]!.startAt.getTime());
    expect(Number(res.headers[PLAYBACK_HEADERS.nextMs])).toBeGreaterThan(at.getTime());
    const bytes = res.rawPayload;
    const layout = segmentLayout(bytes);
    expect(layout.fragments.length).toBeGreaterThan(0);
    expect(layout.fragments[0]!.sync).toBe(true);
    // The served bytes decode on their own (init + fragments), first frame is a keyframe.
    const file = path.join(t.dataDir, 'chunk.mp4');
    await fs.writeFile(file, bytes);
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,nb_read_frames', '-show_frames', '-read_intervals', '%+#1', '-of', 'json', file]).toString());
    expect(probe.streams[0].codec_name).toBe('h264');
    expect(Number(probe.streams[0].nb_read_frames)).toBeGreaterThan(0);
    expect(probe.frames[0].key_frame).toBe(1);
    // Snapshot is audited; renew keeps the playback id.
    const snap = await app.inject({ method: 'POST', url: `/api/playback/${cam}/snapshot`, headers: authHeaders(operator), payload: { playbackId, at: at.toISOString() } });
    expect(snap.statusCode).toBe(204);
    const renewed = await app.inject({ method: 'POST', url: `/api/playback/${cam}/renew`, headers: authHeaders(operator), payload: { token, nonceHash: nonceHash(nonce) } });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().playbackId).toBe(playbackId);
    expect((await media(operator, cam, renewed.json().token, at)).statusCode).toBe(200);
  });

  it('refuses a token for another camera, an expired one, another session, a wrong nonce; out-of-scope cameras do not exist', async () => {
    const at = (await closedSegments())[1]!.startAt;
    const { token } = (await start(operator, cam, { from: at.toISOString(), reason: 'Ocorrência 77/2026' })).json();
    expect((await media(operator, randomUUID(), token, at)).statusCode).toBe(403);
    expect((await media(operator, cam, token, at, 'outro-nonce')).statusCode).toBe(403);
    const other = await signIn(app, (await makeUser(t.database, ['operator'])).email); // another user's session
    expect((await media(other, cam, token, at)).statusCode).toBe(403);
    const key = await loadStreamTokenKey({ dataDir: t.dataDir });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    // Same user, another session (e.g. signed out and in again): refused.
    const otherSid = signStreamToken(key, { ...claims, sid: randomUUID(), ttlMs: 60_000 }).token;
    expect((await media(operator, cam, otherSid, at)).json().error.message).toMatch(/outra sessão/);
    const old = signStreamToken(key, { ...claims, ttlMs: 60_000, now: Date.now() - 120_000 }).token;
    const r = await media(operator, cam, old, at);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toMatch(/expirado/);
    // A live token never plays back.
    const live = signStreamToken(key, { ...claims, act: 'live', ttlMs: 60_000 }).token;
    expect((await media(operator, cam, live, at)).statusCode).toBe(403);
    // Partner user of another partner: the camera does not exist for them.
    expect((await start(outsider, cam, { from: at.toISOString(), reason: 'curiosidade' })).statusCode).toBe(404);
    const tl = await app.inject({ method: 'GET', url: `/api/recordings/${cam}/timeline?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date().toISOString()}`, headers: authHeaders(outsider) });
    expect(tl.statusCode).toBe(404);
  });

  it('shows recorded spans and the gap (with cause) after the camera dies', async () => {
    const first = (await closedSegments())[0]!;
    await sim.kill();
    const timeline = async () =>
      (await app.inject({ method: 'GET', url: `/api/recordings/${cam}/timeline?from=${new Date(first.startAt.getTime() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`, headers: authHeaders(operator) })).json();
    await until(async () => (await timeline()).gaps.length > 0, 15_000);
    const tl = await timeline();
    expect(tl.spans.length).toBeGreaterThanOrEqual(1);
    expect(new Date(tl.spans[0].from).getTime()).toBe(first.startAt.getTime());
    expect(tl.gaps[0].cause).toMatch(/camera_unreachable|stream_stalled/);
    expect(new Date(tl.gaps[0].from).getTime()).toBeGreaterThanOrEqual(new Date(tl.spans[0].to).getTime() - 1500);
    // An instant inside the gap plays from the next recording, or answers "nothing" (204) while none exists.
    const { token } = (await start(operator, cam, { from: tl.gaps[0].from, reason: 'Ocorrência 78/2026' })).json();
    expect((await media(operator, cam, token, new Date(new Date(tl.gaps[0].from).getTime() + 500))).statusCode).toBe(204);
  });
});
