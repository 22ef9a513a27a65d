import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { recordAudit, systemActor, verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { csvField } from '../src/modules/audit/audit-search.js';
import { useTestApp } from './helpers/app.js';
import { releaseFixtures } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);

let partnerA: string;
let camA: string;
let camB: string;
let auditor: Awaited<ReturnType<typeof f.user>>;
let viewer: Awaited<ReturnType<typeof f.user>>;

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';').map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

beforeAll(async () => {
  partnerA = await f.partner();
  const partnerB = await f.partner();
  camA = await f.camera(partnerA);
  camB = await f.camera(partnerB);
  auditor = await f.user(['auditor']);
  viewer = await f.user(['operator']);
  const actor = { id: viewer.id, label: viewer.email, origin: '10.0.0.1' };
  await ctx.t.database.db.transaction(async (tx) => {
    for (let i = 0; i < 3; i++)
      await recordAudit(tx, actor, { action: 'live.view_started', targetType: 'camera', targetId: camA, data: { viewId: `v${i}` } });
    await recordAudit(tx, actor, { action: 'live.view_started', targetType: 'camera', targetId: camB });
    await recordAudit(tx, systemActor('test'), {
      action: 'release_request.submitted',
      targetType: 'release_request',
      targetId: 'r1',
      data: { cameraIds: [camA] },
    });
    await recordAudit(tx, systemActor('test'), {
      action: 'partner.updated',
      targetType: 'partner',
      targetId: partnerA,
      reason: '=HYPERLINK("http://x")',
    });
  });
});

describe('audit screen', () => {
  it('filters by camera, partner, user, action prefix and period', async () => {
    const q = (s: string) =>
      f
        .send(auditor.session, 'GET', `/api/audit/search?${s}`)
        .then((r) => r.json().events as { action: string; targetId: string; actorId: string }[]);
    const byCamera = await q(`cameraId=${camA}`);
    expect(byCamera).toHaveLength(4); // 3 views + the request naming it
    const byPartner = await q(`partnerId=${partnerA}`);
    expect(byPartner.map((e) => e.action).sort()).toEqual([
      'live.view_started',
      'live.view_started',
      'live.view_started',
      'partner.updated',
    ]);
    const byUser = await q(`userId=${viewer.id}&action=live.*`);
    expect(byUser).toHaveLength(4);
    expect(byUser.every((e) => e.actorId === viewer.id)).toBe(true);
    expect(await q(`action=live.view_started&cameraId=${camB}`)).toHaveLength(1);
    const today = new Date(Date.now() - 4 * 3600_000).toISOString().slice(0, 10);
    expect((await q(`cameraId=${camA}&from=${today}&to=${today}`)).length).toBe(4);
    expect(await q(`cameraId=${camA}&to=2020-01-01`)).toHaveLength(0);
    // Paging by seq.
    const page = (await f.send(auditor.session, 'GET', `/api/audit/search?cameraId=${camA}&limit=3`)).json();
    expect(page.events).toHaveLength(3);
    const rest = (
      await f.send(auditor.session, 'GET', `/api/audit/search?cameraId=${camA}&limit=3&beforeSeq=${page.nextBeforeSeq}`)
    ).json();
    expect(rest.events).toHaveLength(1);
    expect(rest.nextBeforeSeq).toBeNull();
  });

  it('exports CSV with the filtered rows only, and the export itself is audited', async () => {
    const res = await f.send(auditor.session, 'GET', `/api/audit/export.csv?cameraId=${camA}&action=live.view_started`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="auditoria-/);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['seq', 'data_hora_utc', 'autor_id', 'autor', 'acao', 'alvo_tipo', 'alvo_id', 'motivo', 'origem', 'hash']);
    expect(rows).toHaveLength(4);
    for (const r of rows.slice(1)) {
      expect(r[4]).toBe('live.view_started');
      expect(r[6]).toBe(camA);
    }
    expect(res.body).not.toContain(camB);
    const exported = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.exported'));
    expect(exported.at(-1)!.data).toMatchObject({ rows: 3, filter: { cameraId: camA } });
    // Formula injection is neutralised.
    const partnerCsv = (await f.send(auditor.session, 'GET', `/api/audit/export.csv?partnerId=${partnerA}&action=partner.updated`)).body;
    expect(partnerCsv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1')).toBe(`"'-1"`);
  });

  it('is for auditors and administrators only, and the chain still verifies', async () => {
    const partnerUser = await f.user(['partner_user'], { partnerId: partnerA });
    expect((await f.send(partnerUser.session, 'GET', '/api/audit/search')).statusCode).toBe(403);
    expect((await f.send(viewer.session, 'GET', '/api/audit/export.csv')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit/export.csv' })).statusCode).toBe(401);
    const verify = await f.send(auditor.session, 'GET', '/api/audit/verify');
    expect(verify.json().ok).toBe(true);
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });
});
