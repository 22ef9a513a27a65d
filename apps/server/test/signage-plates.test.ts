import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, complianceCases } from '../src/db/schema.js';
import { exifGps, jpegWithGps } from '../src/modules/signage/exif-gps.js';
import { signagePlateSweep } from '../src/modules/signage/signage-plate.sweep.js';
import { JPEG, PDF, uploadId } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { resetClock, setClock, testClock } from './helpers/clock.js';
import { releaseFixtures } from './releases.fixtures.js';

/**
 * Signage plates (SPEC §3.7; seed 002 BH + Segura: "todas as câmeras particulares … serão
 * identificadas com uma placa"): artwork per site, geotagged installation photo, the committee's
 * decision, the public map, and the obligation case when the plate is missing past the deadline.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const CUIABA_POINT = { latitude: -15.601411, longitude: -56.097892 };
let partner: string;
let owner: Awaited<ReturnType<typeof f.user>>;
let committee: Awaited<ReturnType<typeof f.user>>;

beforeAll(async () => {
  partner = await f.partner();
  owner = await f.user(['partner_user'], { partnerId: partner });
  committee = await f.user(['committee_member']);
});
afterEach(() => resetClock());

const plateOf = async (cameraId: string) =>
  (await f.send(owner.session, 'GET', '/api/signage-plates')).json().plates.find((p: { cameraId: string }) => p.cameraId === cameraId);

describe('Seed 002 (BH + Segura) — every shared camera is identified by the program’s plate', () => {
  it('artwork per site, geotagged photo checked by content and place, committee asks for a new photo then approves; the public map shows it', async () => {
    const cam = await f.camera(partner);
    const art = await f.send(owner.session, 'GET', `/api/signage-plates/${cam}/artwork`);
    expect(art.statusCode, art.body).toBe(200);
    expect(art.headers['content-type']).toContain('application/pdf');
    expect(art.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const plate = await plateOf(cam);
    expect(plate).toMatchObject({ status: 'awaiting_photo', siteCode: expect.stringMatching(/^VM-[A-Z2-9]{6}$/) });
    expect(art.headers['content-disposition']).toContain(plate.siteCode);

    // Not an image (magic bytes, whatever the name), no position at all, a position outside MT: refused.
    const pdf = await uploadId(ctx.app, owner.session, PDF, 'placa.jpg');
    expect((await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/photo`, { fileId: pdf })).statusCode).toBe(415);
    const bare = await uploadId(ctx.app, owner.session, JPEG, 'placa.jpg');
    const noGps = await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/photo`, { fileId: bare });
    expect(noGps.statusCode).toBe(400);
    expect(noGps.json().error.details[0].message).toContain('localização');
    const abroad = await uploadId(ctx.app, owner.session, jpegWithGps({ latitude: -23.55, longitude: -46.63 }), 'placa.jpg');
    expect((await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/photo`, { fileId: abroad })).statusCode).toBe(422);
    // The browser's position stands in for a photo without EXIF GPS.
    const byBrowser = await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/photo`, { fileId: bare, ...CUIABA_POINT });
    expect(byBrowser.statusCode, byBrowser.body).toBe(200);
    expect(byBrowser.json()).toMatchObject({ status: 'submitted', photoGpsSource: 'browser' });

    expect((await f.send(committee.session, 'POST', `/api/signage-plates/${cam}/decision`, { approve: false })).statusCode).toBe(400);
    const again = await f.send(committee.session, 'POST', `/api/signage-plates/${cam}/decision`, {
      approve: false,
      reason: 'A placa não aparece na foto; fotografe de frente.',
    });
    expect(again.json()).toMatchObject({ status: 'new_photo_requested', decisionReason: expect.stringContaining('placa') });

    const gpsPhoto = jpegWithGps(CUIABA_POINT);
    expect(exifGps(gpsPhoto)).not.toBeNull();
    const withExif = await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/photo`, {
      fileId: await uploadId(ctx.app, owner.session, gpsPhoto, 'placa.jpg'),
    });
    expect(withExif.json()).toMatchObject({ status: 'submitted', photoGpsSource: 'exif' });
    expect(withExif.json().photoLatitude).toBeCloseTo(CUIABA_POINT.latitude, 4);
    // The committee sees the photo it decides on (the view is audited).
    const seen = await f.send(committee.session, 'GET', `/api/signage-plates/${cam}/photo`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['content-type']).toContain('image/jpeg');
    expect(Buffer.compare(seen.rawPayload, gpsPhoto)).toBe(0);
    const viewed = await ctx.t.database.db
      .select({ actor: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'signage_plate.photo_viewed'), eq(auditEvents.targetId, cam)));
    expect(viewed.map((v) => v.actor)).toEqual([committee.id]);
    // The partner cannot decide; the committee approves.
    expect((await f.send(owner.session, 'POST', `/api/signage-plates/${cam}/decision`, { approve: true })).statusCode).toBe(403);
    const ok = await f.send(committee.session, 'POST', `/api/signage-plates/${cam}/decision`, { approve: true });
    expect(ok.json().status).toBe('approved');
    const map = (await ctx.app.inject({ method: 'GET', url: '/api/public/map' })).json();
    const site = map.sites.find((s: { latitude: number; longitude: number }) => s.latitude === -15.6 && s.longitude === -56.1);
    expect(site.platesInstalled).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(map)).not.toContain(plate.siteCode);

    // Another partner's site: 404.
    const stranger = await f.user(['partner_user'], { partnerId: await f.partner() });
    expect((await f.send(stranger.session, 'GET', `/api/signage-plates/${cam}/artwork`)).statusCode).toBe(404);
    expect((await f.send(stranger.session, 'GET', `/api/signage-plates/${cam}/photo`)).statusCode).toBe(404);
    expect((await f.send(stranger.session, 'POST', `/api/signage-plates/${cam}/photo`, { fileId: bare, ...CUIABA_POINT })).statusCode).toBe(
      404,
    );
  });

  it('a plate without an approved photo past the deadline opens one obligation case (pinned clock)', async () => {
    setClock('2031-03-10T12:00:00-04:00');
    const late = await f.camera(partner);
    const done = await f.camera(partner);
    const sweep = signagePlateSweep(ctx.t.database.db, testClock, 30);
    await sweep.runBatch(1000);
    expect(await plateOf(late)).toMatchObject({ status: 'awaiting_photo', dueOn: '2031-04-09' });
    // The other site shows its plate in time.
    const photo = await uploadId(ctx.app, owner.session, jpegWithGps(CUIABA_POINT), 'placa.jpg');
    await f.send(owner.session, 'POST', `/api/signage-plates/${done}/photo`, { fileId: photo });
    await f.send(committee.session, 'POST', `/api/signage-plates/${done}/decision`, { approve: true });

    setClock('2031-04-09T23:00:00-04:00'); // last day: no case yet
    await sweep.runBatch(1000);
    const cases = () =>
      ctx.t.database.db
        .select()
        .from(complianceCases)
        .where(and(eq(complianceCases.kind, 'signage_plate_missing'), eq(complianceCases.partnerId, partner)));
    expect(await cases()).toEqual([]);

    setClock('2031-04-10T08:00:00-04:00');
    await sweep.runBatch(1000);
    await sweep.runBatch(1000); // re-run: idempotent
    const open = await cases();
    expect(open.map((c) => c.subjectId)).toEqual([late]);
    expect(open[0]!.description).toContain('09/04/2031');
    expect((await plateOf(late)).caseId).toBe(open[0]!.id);
    const listed = await f.send(committee.session, 'GET', '/api/sanctions/cases');
    expect(listed.json().cases.some((c: { id: string; kind: string }) => c.id === open[0]!.id && c.kind === 'signage_plate_missing')).toBe(
      true,
    );
  });
});
