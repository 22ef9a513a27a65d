import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { recordingSegments } from '../src/db/tables/recordings.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { exportBuildSweep } from '../src/modules/exports/export-jobs.js';
import { exportJobMasks } from '../src/modules/privacy/privacy.service.js';
import { useTestApp } from './helpers/app.js';
import { releaseFixtures } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
const send = (s: Parameters<typeof f.send>[0], method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

let partnerA: string;
let partnerB: string;
let camA: string;
let camB: string;
const square = [
  [0.1, 0.1],
  [0.4, 0.1],
  [0.4, 0.4],
  [0.1, 0.4],
];

beforeAll(async () => {
  partnerA = await f.partner();
  partnerB = await f.partner();
  camA = await f.camera(partnerA);
  camB = await f.camera(partnerB);
});

describe('privacy masks (issue 6; SPEC §3.5)', () => {
  it('the owning partner saves masks; viewers read them; validation refuses bad polygons', async () => {
    const owner = await f.user(['partner_user'], { partnerId: partnerA });
    const put = await send(owner.session, 'PUT', `/api/cameras/${camA}/privacy-masks`, { polygons: [square] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ cameraId: camA, polygons: [square], unmasked: false });

    const op = await f.user(['operator'], { unit: 'civil_police' });
    const read = await send(op.session, 'GET', `/api/cameras/${camA}/privacy-masks`);
    expect(read.statusCode).toBe(200);
    expect(read.json().polygons).toEqual([square]);

    const bad = [
      {
        polygons: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      }, // 2 points
      { polygons: [Array.from({ length: 33 }, (_, i) => [i / 40, 0.5])] }, // 33 points
      { polygons: Array.from({ length: 17 }, () => square) }, // 17 polygons
      {
        polygons: [
          [
            [0, 0],
            [1.5, 0],
            [0, 1],
          ],
        ],
      }, // out of range
      {
        polygons: [
          [
            [0, 0],
            [-0.1, 0],
            [0, 1],
          ],
        ],
      },
      {
        polygons: [
          [
            [0, 0],
            [null, 0],
            [0, 1],
          ],
        ],
      }, // NaN arrives as null in JSON
      {
        polygons: [
          [
            [0, 0],
            ['NaN', 0],
            [0, 1],
          ],
        ],
      },
    ];
    for (const body of bad)
      expect(
        (await send(owner.session, 'PUT', `/api/cameras/${camA}/privacy-masks`, body)).statusCode,
        JSON.stringify(body).slice(0, 60),
      ).toBe(400);
    // Unchanged by the refused attempts.
    expect((await send(op.session, 'GET', `/api/cameras/${camA}/privacy-masks`)).json().polygons).toEqual([square]);
  });

  it('scope: another partner gets 404 (read and write); operators cannot edit; committee and admin can', async () => {
    const other = await f.user(['partner_user'], { partnerId: partnerB });
    expect((await send(other.session, 'GET', `/api/cameras/${camA}/privacy-masks`)).statusCode).toBe(404);
    expect((await send(other.session, 'PUT', `/api/cameras/${camA}/privacy-masks`, { polygons: [] })).statusCode).toBe(404);
    const op = await f.user(['operator'], { unit: 'civil_police' });
    expect((await send(op.session, 'PUT', `/api/cameras/${camA}/privacy-masks`, { polygons: [] })).statusCode).toBe(403);
    const committee = await f.user(['committee_member']);
    expect((await send(committee.session, 'PUT', `/api/cameras/${camB}/privacy-masks`, { polygons: [square] })).statusCode).toBe(200);
    const admin = await f.user(['admin']);
    expect(
      (await send(admin.session, 'PUT', `/api/cameras/${camB}/privacy-masks`, { polygons: [square, square] })).json().polygons,
    ).toHaveLength(2);
    const audits = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'privacy_mask.updated'), eq(auditEvents.targetId, camB)));
    expect(audits).toHaveLength(2);
  });

  it('unmask grants: admin only, with reason, audited; /api/me/privacy and exports follow them', async () => {
    const admin = await f.user(['admin']);
    const op = await f.user(['operator'], { unit: 'civil_police' });
    expect((await send(op.session, 'GET', '/api/me/privacy')).json()).toEqual({ unmask: false, expiresAt: null });
    expect(
      Object.keys(await exportJobMasks(ctx.t.database.db, { requestedBy: op.id, releaseDeliveryId: null, cameraIds: [camA] })),
    ).toEqual([camA]);

    // Only admins; a reason is required.
    expect(
      (await send(op.session, 'POST', '/api/admin/privacy-unmask', { userId: op.id, reason: 'quero ver tudo agora' })).statusCode,
    ).toBe(403);
    expect((await send(admin.session, 'POST', '/api/admin/privacy-unmask', { userId: op.id, reason: 'curto' })).statusCode).toBe(400);
    expect(
      (
        await send(admin.session, 'POST', '/api/admin/privacy-unmask', {
          userId: op.id,
          reason: 'Investigação em curso',
          expiresAt: '2000-01-01T00:00:00Z',
        })
      ).statusCode,
    ).toBe(400);

    const g = await send(admin.session, 'POST', '/api/admin/privacy-unmask', {
      userId: op.id,
      reason: 'Investigação 123/2026 — acesso sem máscara',
    });
    expect(g.statusCode, g.body).toBe(200);
    const grant = g.json();
    expect(grant).toMatchObject({ userId: op.id, active: true });
    expect((await send(op.session, 'GET', '/api/me/privacy')).json().unmask).toBe(true);
    expect((await send(op.session, 'GET', `/api/cameras/${camA}/privacy-masks`)).json().unmasked).toBe(true);
    expect(await exportJobMasks(ctx.t.database.db, { requestedBy: op.id, releaseDeliveryId: null, cameraIds: [camA] })).toEqual({});
    expect((await send(admin.session, 'GET', '/api/admin/privacy-unmask')).json().grants.map((x: { id: string }) => x.id)).toContain(
      grant.id,
    );

    const r = await send(admin.session, 'POST', `/api/admin/privacy-unmask/${grant.id}/revoke`, { reason: 'Investigação encerrada' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().active).toBe(false);
    expect((await send(op.session, 'GET', '/api/me/privacy')).json().unmask).toBe(false);
    expect(
      (await send(admin.session, 'POST', `/api/admin/privacy-unmask/${grant.id}/revoke`, { reason: 'Investigação encerrada' })).statusCode,
    ).toBe(404);

    const trail = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, op.id));
    const granted = trail.find((e) => e.action === 'privacy.unmask_granted');
    const revoked = trail.find((e) => e.action === 'privacy.unmask_revoked');
    expect(granted).toMatchObject({ actorId: admin.id, reason: 'Investigação 123/2026 — acesso sem máscara' });
    expect(revoked).toMatchObject({ actorId: admin.id, reason: 'Investigação encerrada' });
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });
});

describe('exports burn the masks in for a recipient without unmask (real ffmpeg)', () => {
  const base = new Date(Math.floor((Date.now() - 3 * 3600_000) / 1000) * 1000);
  /** Decodes the first frame of an MP4 to RGB24 and returns the pixel at normalised (x, y). */
  async function pixelAt(file: string, x: number, y: number): Promise<number[]> {
    const probe = execFileSync('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height',
      '-of',
      'csv=p=0',
      file,
    ])
      .toString()
      .trim()
      .split(',')
      .map(Number);
    const [w, h] = probe as [number, number];
    const raw = execFileSync(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
      { maxBuffer: 64 << 20 },
    );
    const o = (Math.floor(y * h) * w + Math.floor(x * w)) * 3;
    return [raw[o]!, raw[o + 1]!, raw[o + 2]!];
  }

  it('operator without unmask: masked area black; with unmask: untouched', async () => {
    const cam = await f.camera(partnerA);
    const root = path.join(ctx.t.dataDir, 'recordings', cam);
    await fs.mkdir(root, { recursive: true });
    for (let i = 0; i < 2; i++) {
      const file = path.join(root, `seg-${i}.mp4`);
      execFileSync('ffmpeg', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'color=c=white:s=320x240:rate=10',
        '-t',
        '2',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-g',
        '10',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+frag_keyframe+empty_moov+default_base_moof',
        file,
      ]);
      const st = await fs.stat(file);
      await ctx.t.database.db.insert(recordingSegments).values({
        cameraId: cam,
        seq: i + 1,
        nodeId: 'test',
        storageKey: `${cam}/seg-${i}.mp4`,
        startAt: new Date(base.getTime() + i * 2000),
        endAt: new Date(base.getTime() + (i + 1) * 2000),
        sizeBytes: st.size,
        closedAt: new Date(),
      });
    }
    const admin = await f.user(['admin']);
    expect((await send(admin.session, 'PUT', `/api/cameras/${cam}/privacy-masks`, { polygons: [square] })).statusCode).toBe(200);

    const exportFor = async (who: Awaited<ReturnType<typeof f.user>>) => {
      const job = await send(who.session, 'POST', '/api/exports', {
        cameraIds: [cam],
        from: base.toISOString(),
        to: new Date(base.getTime() + 4000).toISOString(),
        reason: 'Teste de máscara de privacidade',
      });
      expect(job.statusCode, job.body).toBe(200);
      await drainSweep(exportBuildSweep({ db: ctx.t.database.db, dataDir: ctx.t.dataDir, signingKey: undefined }));
      const zip = await send(who.session, 'GET', `/api/exports/${job.json().id}/download`);
      expect(zip.statusCode, zip.body.slice(0, 200)).toBe(200);
      const files = unzipSync(new Uint8Array(zip.rawPayload));
      const name = Object.keys(files).find((n) => n.endsWith(`${cam}.mp4`))!;
      const out = path.join(ctx.t.dataDir, `check-${job.json().id}.mp4`);
      await fs.writeFile(out, files[name]!);
      return out;
    };
    const masked = await f.user(['operator'], { unit: 'civil_police' });
    const m = await exportFor(masked);
    expect(Math.max(...(await pixelAt(m, 0.25, 0.25)))).toBeLessThan(20); // inside the square
    expect(Math.min(...(await pixelAt(m, 0.75, 0.75)))).toBeGreaterThan(235); // outside

    const cleared = await f.user(['operator'], { unit: 'civil_police' });
    expect(
      (
        await send(admin.session, 'POST', '/api/admin/privacy-unmask', {
          userId: cleared.id,
          reason: 'Perícia com acesso à imagem completa',
        })
      ).statusCode,
    ).toBe(200);
    const u = await exportFor(cleared);
    expect(Math.min(...(await pixelAt(u, 0.25, 0.25)))).toBeGreaterThan(235);
  });
});
