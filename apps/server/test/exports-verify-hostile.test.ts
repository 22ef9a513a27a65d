import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous, useTestApp } from './helpers/app.js';
import { whileResponsive } from './helpers/responsive.js';
import { buildZip, fileEntry, zerosEntry } from './helpers/zip-bomb.js';

// Issue 12, item 1: ZIP bombs sent anonymously to the public package verifier.
const ctx = useTestApp();

async function verify(zip: Buffer) {
  const anon = await anonymous(ctx.app);
  return whileResponsive(ctx.app, () =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/public/exports/verify',
      headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, 'content-type': 'application/zip' },
      payload: zip,
    }),
  );
}

async function auditRows(): Promise<number> {
  const r = (await ctx.t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

function expectResponsive(run: { healthStatuses: number[]; maxStallMs: number }) {
  expect(run.healthStatuses.length).toBeGreaterThan(0);
  expect(run.healthStatuses.every((s) => s === 200)).toBe(true);
  // A generous bound (the synchronous unzip this replaces stalled 6 s per GiB).
  expect(run.maxStallMs).toBeLessThan(2000);
}

describe('public export verification under ZIP bombs', () => {
  it('refuses a ~1 MB ZIP holding one 1 GiB entry of zeros with 413, writes nothing, and /healthz keeps answering', async () => {
    const bomb = buildZip([zerosEntry('exportacao-x/camera.mp4', 1024)]);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const before = await auditRows();
    const run = await verify(bomb);
    expect(run.result.statusCode, run.result.body).toBe(413);
    expect(run.result.json().error).toMatchObject({ code: 'ZIP_TOO_LARGE_INFLATED', message: expect.stringContaining('bomba ZIP') });
    expectResponsive(run);
    expect(await auditRows()).toBe(before);
  });

  it('refuses three such entries beside a real manifest', async () => {
    const bomb = buildZip([
      fileEntry('exportacao-x/manifest.json', '{}'),
      fileEntry('exportacao-x/manifest.sig', 'x'),
      ...[1, 2, 3].map((i) => zerosEntry(`exportacao-x/cam${i}.mp4`, 1024)),
    ]);
    const run = await verify(bomb);
    expect(run.result.statusCode).toBe(413);
    expect(run.result.json().error.code).toBe('ZIP_TOO_LARGE_INFLATED');
    expectResponsive(run);
  });

  it('a central directory that lies about sizes is a failed verification, stopped after the declared bytes', async () => {
    // Declared size forged low: refused from the directory alone.
    const tiny = await verify(buildZip([zerosEntry('exportacao-x/manifest.json', 1024, 1000)]));
    expect(tiny.result.statusCode).toBe(200);
    expect(tiny.result.json()).toEqual({ ok: false, problems: [{ file: 'pacote.zip', problem: 'manifest_invalid' }], manifest: null });
    // Declared as large as its compressed data (plausible): inflation stops just past it.
    const entry = zerosEntry('exportacao-x/manifest.json', 1024);
    entry.declaredSize = entry.data.length;
    const plausible = await verify(buildZip([entry, fileEntry('exportacao-x/manifest.sig', 'x')]));
    expect(plausible.result.json()).toMatchObject({ ok: false, problems: [{ file: 'pacote.zip', problem: 'manifest_invalid' }] });
    expectResponsive(plausible);
  });
});
