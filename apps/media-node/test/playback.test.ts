import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PLAYBACK_HEADERS } from '@vigia/contracts';
import { loadStreamTokenKey, nonceHash, signStreamToken } from '@vigia/contracts/stream-token';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { newNonce, openLive } from '@vigia/testkit/live-client';
import { authHeaders, makeUser, type Session, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { auditEvents, playbackSessions, recordingSegments } from '../../server/src/db/schema.js';
import { segmentLayout } from '../../server/src/modules/playback/fmp4-index.js';
import { playbackEndedSweep } from '../../server/src/modules/playback/playback-ended.sweep.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  RECORDING_TEST_ENV,
  registerRecordedCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/** Playback from the segment index: timeline, purpose-bound tokens, keyframe-aligned bytes. */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let cam = '';
let operator: Session;
let outsider: Session;
let admin: Session;
const nonce = randomBytes(24).toString('base64url');

const closedSegments = () =>
  t.database.db
    .select()
    .from(recordingSegments)
    .where(and(eq(recordingSegments.cameraId, cam), isNotNull(recordingSegments.closedAt)))
    .orderBy(asc(recordingSegments.seq));
const media = (s: Session, camera: string, token: string, at: Date, n = nonce) =>
  app.inject({
    method: 'GET',
    url: `/api/playback/${camera}/media?at=${at.toISOString()}`,
    headers: { ...authHeaders(s), [PLAYBACK_HEADERS.token]: token, [PLAYBACK_HEADERS.nonce]: n },
  });
const start = (s: Session, camera: string, payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/playback/${camera}/token`,
    headers: authHeaders(s),
    payload: { nonceHash: nonceHash(nonce), ...payload },
  });

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp());
  // The same simulator plays the partner's NVR: its Hikvision playback path serves the first camera.
  sim = await startSimulator({ count: 1, size: '640x360', bitrateKbps: 500, mounts: ['/Streaming/tracks/101'] });
  admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro reprodução');
  const otherPartnerId = await createPartner(t.database, 'Outro parceiro');
  cam = await registerRecordedCamera(app, t.database, admin, sim, { partnerId, name: 'Câmera reproduzida', httpPort: 50_002 });
  operator = await signIn(app, (await makeUser(t.database, ['operator'])).email);
  outsider = await signIn(app, (await makeUser(t.database, ['partner_user'], { partnerId: otherPartnerId })).email);
  node = await startTestNode(t, gateway, { MEDIA_NODE_ID: 'pb-node', ...RECORDING_TEST_ENV, MEDIA_WATCHDOG_MS: '2000' });
  await until(async () => (await closedSegments()).length >= 3, 25_000);
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

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
    const probe = JSON.parse(
      execFileSync('ffprobe', [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,nb_read_frames',
        '-show_frames',
        '-read_intervals',
        '%+#1',
        '-of',
        'json',
        file,
      ]).toString(),
    );
    expect(probe.streams[0].codec_name).toBe('h264');
    expect(Number(probe.streams[0].nb_read_frames)).toBeGreaterThan(0);
    expect(probe.frames[0].key_frame).toBe(1);
    // Frame stepping uses the recorded frame rate (the simulator sends 15 fps).
    expect(Number(res.headers[PLAYBACK_HEADERS.fps])).toBeCloseTo(15, 0);
    // Snapshot is audited; renew keeps the playback id.
    const snap = await app.inject({
      method: 'POST',
      url: `/api/playback/${cam}/snapshot`,
      headers: authHeaders(operator),
      payload: { playbackId, at: at.toISOString() },
    });
    expect(snap.statusCode).toBe(204);
    const renewed = await app.inject({
      method: 'POST',
      url: `/api/playback/${cam}/renew`,
      headers: authHeaders(operator),
      payload: { token, nonceHash: nonceHash(nonce) },
    });
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
    const tl = await app.inject({
      method: 'GET',
      url: `/api/recordings/${cam}/timeline?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date().toISOString()}`,
      headers: authHeaders(outsider),
    });
    expect(tl.statusCode).toBe(404);
  });

  it('audits playback.ended with the time watched when the player closes, and when the last token expires unrenewed', async () => {
    const at = (await closedSegments())[1]!.startAt;
    const closed = (await start(operator, cam, { from: at.toISOString(), reason: 'Ocorrência 80/2026' })).json();
    const end = await app.inject({
      method: 'POST',
      url: `/api/playback/${cam}/end`,
      headers: authHeaders(operator),
      payload: { playbackId: closed.playbackId },
    });
    expect(end.statusCode, end.body).toBe(204);
    // Renewing an ended playback is refused.
    const renew = await app.inject({
      method: 'POST',
      url: `/api/playback/${cam}/renew`,
      headers: authHeaders(operator),
      payload: { token: closed.token, nonceHash: nonceHash(nonce) },
    });
    expect(renew.statusCode).toBe(403);
    const abandoned = (await start(operator, cam, { from: at.toISOString(), reason: 'Ocorrência 81/2026' })).json();
    await t.database.db
      .update(playbackSessions)
      .set({ seenAt: new Date(Date.now() - 120_000), startedAt: new Date(Date.now() - 150_000) })
      .where(eq(playbackSessions.id, abandoned.playbackId));
    const sweep = playbackEndedSweep(t.database.db);
    expect(await sweep.runBatch(100)).toBeGreaterThanOrEqual(1);
    expect(await sweep.runBatch(100)).toBe(0); // exactly once
    const ended = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'playback.ended'));
    const byId = (id: string) => ended.filter((e) => (e.data as { playbackId: string }).playbackId === id);
    expect(byId(closed.playbackId)).toHaveLength(1);
    expect(byId(closed.playbackId)[0]).toMatchObject({ targetId: cam, data: { source: 'platform', endReason: 'closed' } });
    expect(byId(abandoned.playbackId)).toHaveLength(1);
    // Ended when the last token expired (60 s after the last renewal), i.e. 90 s after the start.
    expect(byId(abandoned.playbackId)[0]!.data).toMatchObject({ endReason: 'expired', durationMs: 90_000 });
  });

  it('Art. 25 §2: plays a range from the partner NVR (the expanded playback URL) with the same reason-bound token; Art. 26 §2: another partner is refused', async () => {
    // The partner declares its NVR (Hikvision preset: /Streaming/tracks/{channel}01?starttime=…).
    const hik =
      "rtsp://{host}:{port}/Streaming/tracks/{channel}01?starttime={start@local:yyyyMMdd'T'HHmmss'Z'}&endtime={end@local:yyyyMMdd'T'HHmmss'Z'}";
    const put = await app.inject({
      method: 'PUT',
      url: `/api/cameras/${cam}/nvr`,
      headers: authHeaders(admin),
      payload: { preset: 'hikvision', urlTemplate: hik, channel: 1, credentials: { username: sim.user, password: sim.password } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ configured: true, preset: 'hikvision', urlTemplate: hik, channel: 1, hasCredentials: true, keptBy: null });
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/cameras/${cam}/nvr`,
      headers: authHeaders(admin),
      payload: { preset: 'custom', urlTemplate: 'rtsp://{host}/x?s={start:yyyy}', channel: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/fuso/);

    const from = new Date(Date.now() - 30 * 60_000).toISOString();
    const nvrNonce = newNonce();
    const ask = (s: Session, payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/playback/${cam}/nvr/token`,
        headers: authHeaders(s),
        payload: { nonceHash: nonceHash(nvrNonce), from, ...payload },
      });
    expect((await ask(operator, {})).statusCode).toBe(400); // reason required
    expect((await ask(outsider, { reason: 'Curiosidade sobre a câmera' })).statusCode).toBe(404);
    const ok = await ask(operator, { reason: 'BO 555/2026 — gravação do NVR' });
    expect(ok.statusCode, ok.body).toBe(200);
    const tok = ok.json();
    expect(tok.url).toMatch(new RegExp(`/playback/${cam}$`));
    const [ev] = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'playback.started'))).filter(
      (e) => (e.data as { playbackId: string }).playbackId === tok.playbackId,
    );
    expect(ev).toMatchObject({ targetId: cam, reason: 'BO 555/2026 — gravação do NVR', data: { source: 'partner_nvr', from } });

    // A platform-playback token does not open the NVR socket; the NVR token does not fetch platform media.
    expect((await media(operator, cam, tok.token, new Date(from))).statusCode).toBe(403);
    const viewer = openLive(tok.url, tok.token, nvrNonce);
    await viewer.waitBinaries(5, 20_000);
    expect(viewer.texts.find((x) => x.type === 'codec')).toMatchObject({ codec: expect.stringMatching(/^avc1\./) });
    viewer.close();
    await viewer.closed;
    await until(async () => {
      const [row] = await t.database.db.select().from(playbackSessions).where(eq(playbackSessions.id, tok.playbackId));
      return row?.endedAt != null;
    });
    await playbackEndedSweep(t.database.db).runBatch(100);
    const ended = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'playback.ended'))).filter(
      (e) => (e.data as { playbackId: string }).playbackId === tok.playbackId,
    );
    expect(ended).toHaveLength(1);
    expect(ended[0]!.data).toMatchObject({ source: 'partner_nvr', endReason: 'client_closed' });
  });

  it('shows recorded spans and the gap (with cause) after the camera dies', async () => {
    const first = (await closedSegments())[0]!;
    await sim.kill();
    const timeline = async () =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/recordings/${cam}/timeline?from=${new Date(first.startAt.getTime() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
          headers: authHeaders(operator),
        })
      ).json();
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
