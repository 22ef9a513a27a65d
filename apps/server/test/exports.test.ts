import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { and, eq } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { exportJobs } from '../src/db/tables/exports.js';
import { recordingSegments } from '../src/db/tables/recordings.js';
import { releaseDeliveries } from '../src/db/tables/releases.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { EXPORT_MAX_ATTEMPTS, exportBuildSweep } from '../src/modules/exports/export-jobs.js';
import { verifyExportPackage } from '../src/modules/exports/verify-export-package.js';
import { recordingRetentionSweep } from '../src/modules/recordings/recording-retention.sweep.js';
import { anonymous, useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

const run = promisify(execFile);
const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;

let cam: string;
let operator: U;
let otherOperator: U;
let regionalSinop: U;
let partnerUser: U;
let requester: U;
let otherRequester: U;
let committee: U;
let authority: U;
let publicKey: string;
const base = new Date(Math.floor((Date.now() - 3 * 3600_000) / 1000) * 1000);
const range = { from: base.toISOString(), to: new Date(base.getTime() + 4000).toISOString() };

/** Two self-contained fMP4 segments of 2 s made by the real ffmpeg, indexed like the recorder does. */
async function recordSegments(cameraId: string) {
  const root = path.join(ctx.t.dataDir, 'recordings');
  for (let i = 0; i < 2; i++) {
    const key = `${cameraId}/seg-${i}.mp4`;
    await fs.mkdir(path.join(root, cameraId), { recursive: true });
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=160x120:rate=10`,
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
      path.join(root, key),
    ]);
    const st = await fs.stat(path.join(root, key));
    await ctx.t.database.db.insert(recordingSegments).values({
      cameraId,
      seq: i + 1,
      nodeId: 'test',
      storageKey: key,
      startAt: new Date(base.getTime() + i * 2000),
      endAt: new Date(base.getTime() + (i + 1) * 2000),
      sizeBytes: st.size,
      closedAt: new Date(),
    });
  }
}

async function build() {
  return drainSweep(exportBuildSweep({ db: ctx.t.database.db, dataDir: ctx.t.dataDir, signingKey: undefined }));
}

/** The same ZIP with one byte of `name` flipped. */
function tamper(zip: Buffer, name: string): Buffer {
  const files = unzipSync(zip);
  const key = Object.keys(files).find((k) => k.endsWith(`/${name}`))!;
  const copy = new Uint8Array(files[key]!);
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0xff;
  files[key] = copy;
  return Buffer.from(zipSync(files, { level: 0 }));
}

async function verifyPublic(zip: Buffer) {
  const anon = await anonymous(ctx.app);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/exports/verify',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, 'content-type': 'application/zip' },
    payload: zip,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { ok: boolean; problems: { file: string; problem: string }[] };
}

beforeAll(async () => {
  const partner = await f.partner();
  cam = await f.camera(partner, 'cuiaba', { name: 'Praça da exportação' });
  await f.region([CUIABA]);
  const sinopRegion = await f.region([SINOP]);
  operator = await f.user(['operator']);
  otherOperator = await f.user(['operator']);
  regionalSinop = await f.user(['regional_operator'], { securityRegionId: sinopRegion });
  partnerUser = await f.user(['partner_user'], { partnerId: partner });
  requester = await f.user(['external_requester']);
  otherRequester = await f.user(['external_requester']);
  committee = await f.user(['committee_member']);
  authority = await f.user(['release_authority']);
  await recordSegments(cam);
  publicKey = (await ctx.app.inject({ method: 'GET', url: '/api/public/exports/public-key' })).json().publicKey;
});

describe('export job', () => {
  it('builds a signed ZIP with progress, verified offline (CLI) and by the public endpoint; a tampered byte names the file', async () => {
    const req = { cameraIds: [cam], ...range, reason: 'Apuração de ocorrência registrada no CIOSP', caseNumber: 'BO 77/2026' };
    expect((await f.send(regionalSinop.session, 'POST', '/api/exports', req)).statusCode).toBe(404);
    expect((await f.send(partnerUser.session, 'POST', '/api/exports', req)).statusCode).toBe(403);
    const created = await f.send(operator.session, 'POST', '/api/exports', req);
    expect(created.statusCode, created.body).toBe(200);
    const job = created.json();
    expect(job).toMatchObject({ status: 'queued', progress: 0 });
    expect((await f.send(otherOperator.session, 'GET', `/api/exports/${job.id}`)).statusCode).toBe(404);
    expect((await f.send(otherOperator.session, 'GET', `/api/exports/${job.id}/download`)).statusCode).toBe(404);
    expect((await f.send(operator.session, 'GET', `/api/exports/${job.id}/download`)).statusCode).toBe(409);

    expect(await build()).toBe(1);
    const done = (await f.send(operator.session, 'GET', `/api/exports/${job.id}`)).json();
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'ready', progress: 100, downloadUrl: `/api/exports/${job.id}/download` });

    const dl = await f.send(operator.session, 'GET', done.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/zip');
    const zip = dl.rawPayload;
    const names = Object.keys(unzipSync(zip))
      .map((n) => n.split('/').pop())
      .sort();
    expect(names).toEqual(['CUSTODIA.sig', 'CUSTODIA.txt', 'LEIA-ME.txt', `${cam}.mp4`, 'manifest.json', 'manifest.sig'].sort());
    const custody = Buffer.from(Object.entries(unzipSync(zip)).find(([n]) => n.endsWith('CUSTODIA.txt'))![1]).toString();
    expect(custody).toContain(operator.email);
    expect(custody).toMatch(/Solicitado[\s\S]*Montado[\s\S]*Baixado/);

    const dir = path.join(ctx.t.dataDir, 'check');
    await fs.mkdir(dir, { recursive: true });
    const zipFile = path.join(dir, 'pacote.zip');
    const bad = path.join(dir, 'alterado.zip');
    const keyFile = path.join(dir, 'chave.pem');
    await fs.writeFile(zipFile, zip);
    await fs.writeFile(bad, tamper(zip, `${cam}.mp4`));
    await fs.writeFile(keyFile, publicKey);

    expect(await verifyExportPackage(zipFile, publicKey)).toMatchObject({ ok: true, problems: [] });
    const badResult = await verifyExportPackage(bad, publicKey);
    expect(badResult.problems).toEqual([{ file: `${cam}.mp4`, problem: 'file_altered' }]);
    expect(await verifyPublic(zip)).toMatchObject({ ok: true, problems: [] });
    expect((await verifyPublic(tamper(zip, 'manifest.json'))).problems[0]).toMatchObject({ file: 'manifest.json' });
    expect((await verifyPublic(tamper(zip, 'CUSTODIA.txt'))).problems).toEqual([{ file: 'CUSTODIA.txt', problem: 'file_altered' }]);
    expect((await verifyPublic(tamper(zip, `${cam}.mp4`))).problems).toEqual([{ file: `${cam}.mp4`, problem: 'file_altered' }]);

    // The offline CLI (no DB, no config) accepts the ZIP, and names the altered file.
    const cwd = path.resolve(import.meta.dirname, '..');
    const ok = await run('npx', ['tsx', 'src/cli.ts', 'export:verify', zipFile, keyFile], { cwd });
    expect(ok.stdout).toContain('export package OK');
    const fail = await run('npx', ['tsx', 'src/cli.ts', 'export:verify', bad, keyFile], { cwd }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(fail).toMatchObject({ code: 1 });
    expect((fail as { stdout: string }).stdout).toContain(`FAIL ${cam}.mp4: file_altered`);

    const actions = (
      await ctx.t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetType, 'export'), eq(auditEvents.targetId, job.id)))
    ).map((e) => e.action);
    expect(actions).toEqual(['export.requested', 'export.built', 'export.downloaded']);
  });
});

describe('release delivery', () => {
  it('Art. 2 VI — the locked footage survives retention; a granted request ends with a package for the requester only; manifest verifies, a tampered clip fails naming the file', async () => {
    const filed = await f.send(requester.session, 'POST', '/api/releases', {
      requesterKind: 'police_authority',
      requesterName: 'Dra. Helena Prado',
      requesterRole: 'Delegada de Polícia',
      requesterOrganisation: 'Polícia Civil',
      legalGrounds: 'Inquérito policial que apura roubo ocorrido em frente à câmera, no período indicado.',
      caseNumber: 'IP 4321/2026',
      cameraIds: [cam],
      ...range,
      urgency: 'urgent',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const id = filed.json().id;

    // From submission the footage is locked: a retention sweep run 30 days later (everything
    // expired under the 7-day policy, free-space floor on) deletes none of it.
    const storage = new LocalRecordingStorage(path.join(ctx.t.dataDir, 'recordings'));
    const later = new Date(Date.now() + 30 * 86_400_000);
    const retention = recordingRetentionSweep(ctx.t.database.db, storage, {
      defaultRetentionDays: 7,
      minFreeBytes: Number.MAX_SAFE_INTEGER,
      orphanAgeMs: 86_400_000,
      now: () => later,
    });
    await drainSweep(retention);
    const kept = await ctx.t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cam));
    expect(kept.length).toBe(2);
    expect(kept.every((seg) => seg.deletedAt === null)).toBe(true);
    for (const seg of kept) await expect(fs.stat(path.join(ctx.t.dataDir, 'recordings', seg.storageKey))).resolves.toBeTruthy();

    expect(
      (
        await f.send(committee.session, 'POST', `/api/releases/${id}/notes`, {
          availability: 'available',
          text: 'Gravação íntegra no período.',
          concludeInstruction: true,
        })
      ).statusCode,
    ).toBe(200);
    const decided = await f.send(authority.session, 'POST', `/api/releases/${id}/decision`, {
      decision: 'granted',
      reasons: 'Pedido fundamentado em inquérito policial em curso.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const url = decided.json().delivery.downloadUrl ?? `/api/releases/${id}/delivery/${decided.json().delivery.id}/download`;
    expect((await f.send(requester.session, 'GET', url)).json().error.code).toBe('RELEASE_PACKAGE_PENDING');

    expect(await build()).toBe(1);
    const [delivery] = await ctx.t.database.db.select().from(releaseDeliveries).where(eq(releaseDeliveries.requestId, id));
    expect(delivery).toMatchObject({ packageStatus: 'ready' });
    expect((await f.send(requester.session, 'GET', `/api/releases/${id}`)).json().delivery.packageStatus).toBe('ready');

    expect((await f.send(otherRequester.session, 'GET', url)).statusCode).toBe(404);
    const dl = await f.send(requester.session, 'GET', url);
    expect(dl.statusCode, dl.body.slice(0, 200)).toBe(200);
    const zip = dl.rawPayload;
    const file = path.join(ctx.t.dataDir, 'entrega.zip');
    await fs.writeFile(file, zip);
    const good = await verifyExportPackage(file, publicKey);
    expect(good.ok, JSON.stringify(good.problems)).toBe(true);
    expect(good.manifest!.reason).toContain('IP 4321/2026');
    await fs.writeFile(file, tamper(zip, `${cam}.mp4`));
    expect((await verifyExportPackage(file, publicKey)).problems).toEqual([{ file: `${cam}.mp4`, problem: 'file_altered' }]);
    const [after] = await ctx.t.database.db.select().from(releaseDeliveries).where(eq(releaseDeliveries.requestId, id));
    expect(after!.downloads).toBe(1);
    const trail = (await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, id))).map((e) => e.action);
    expect(trail).toContain('release_delivery.downloaded');
    // The operator-facing download route does not serve a release package.
    const jobId = delivery!.packageStorageKey!.replace('exports/', '');
    expect((await f.send(operator.session, 'GET', `/api/exports/${jobId}/download`)).statusCode).toBe(404);
  });

  it('Art. 2 VI — a package that cannot be built is retried, then the delivery is marked failed for the authority, who may try again', async () => {
    const empty = {
      from: new Date(base.getTime() - 86_400_000).toISOString(),
      to: new Date(base.getTime() - 86_400_000 + 4000).toISOString(),
    };
    const filed = await f.send(requester.session, 'POST', '/api/releases', {
      requesterKind: 'police_authority',
      requesterName: 'Dr. Paulo Reis',
      requesterRole: 'Delegado de Polícia',
      requesterOrganisation: 'Polícia Civil',
      legalGrounds: 'Inquérito policial sobre furto na praça, no período indicado.',
      caseNumber: 'IP 999/2026',
      cameraIds: [cam],
      ...empty,
      urgency: 'normal',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const id = filed.json().id;
    await f.send(committee.session, 'POST', `/api/releases/${id}/notes`, {
      availability: 'available',
      text: 'Verificar disponibilidade.',
      concludeInstruction: true,
    });
    const decided = await f.send(authority.session, 'POST', `/api/releases/${id}/decision`, {
      decision: 'granted',
      reasons: 'Pedido fundamentado em inquérito policial em curso.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const deliveryId = decided.json().delivery.id;
    const [job] = await ctx.t.database.db.select().from(exportJobs).where(eq(exportJobs.releaseDeliveryId, deliveryId));
    // Nothing recorded in the range: every attempt fails; the retry waits for its backoff.
    for (let attempt = 1; attempt <= EXPORT_MAX_ATTEMPTS; attempt++) {
      await ctx.t.database.db.update(exportJobs).set({ retryAt: null }).where(eq(exportJobs.id, job!.id));
      expect(await build()).toBe(1);
      const [row] = await ctx.t.database.db.select().from(exportJobs).where(eq(exportJobs.id, job!.id));
      expect(row).toMatchObject({ attempts: attempt, status: attempt < EXPORT_MAX_ATTEMPTS ? 'queued' : 'failed' });
      if (attempt < EXPORT_MAX_ATTEMPTS) {
        expect(row!.retryAt!.getTime()).toBeGreaterThan(Date.now());
        expect(await build()).toBe(0); // not before its backoff
        expect((await f.send(authority.session, 'GET', `/api/releases/${id}`)).json().delivery.packageStatus).toBe('pending');
      }
    }
    const seen = (await f.send(authority.session, 'GET', `/api/releases/${id}`)).json().delivery;
    expect(seen).toMatchObject({ packageStatus: 'failed', retryUrl: `/api/releases/${id}/delivery/${deliveryId}/retry` });
    expect(seen.failureReason).toMatch(/Não foi possível montar o pacote após 3 tentativa/);
    const mine = (await f.send(requester.session, 'GET', `/api/releases/${id}`)).json().delivery;
    expect(mine.retryUrl).toBeNull();
    expect((await f.send(requester.session, 'GET', `/api/releases/${id}/delivery/${deliveryId}/download`)).json().error.code).toBe(
      'RELEASE_PACKAGE_FAILED',
    );
    expect((await f.send(requester.session, 'POST', seen.retryUrl)).statusCode).toBe(403);
    const retried = await f.send(authority.session, 'POST', seen.retryUrl);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().delivery).toMatchObject({ packageStatus: 'pending', failureReason: null, retryUrl: null });
    expect((await f.send(authority.session, 'POST', seen.retryUrl)).json().error.code).toBe('RELEASE_INVALID_STATE');
    const [again] = await ctx.t.database.db.select().from(exportJobs).where(eq(exportJobs.id, job!.id));
    expect(again).toMatchObject({ status: 'queued', attempts: 0 });
    const trail = (await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, id))).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['release_delivery.failed', 'release_delivery.retried']));
    const failures = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export.failed'), eq(auditEvents.targetId, job!.id)));
    expect(failures.map((e) => (e.data as { willRetry: boolean }).willRetry)).toEqual([true, true, false]);
    // Leave no queued job behind for other tests' sweeps.
    await ctx.t.database.db.update(exportJobs).set({ status: 'failed' }).where(eq(exportJobs.id, job!.id));
  });
});
