import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/modules/audit/audit.service.js';
import { usageReport } from '../src/modules/audit/usage-report.js';
import { useTestApp } from './helpers/app.js';
import { releaseFixtures } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
let camId: string;
let viewerEmail: string;
let viewerId: string;

beforeAll(async () => {
  const partner = await f.partner();
  camId = await f.camera(partner);
  const viewer = await f.user(['operator']);
  viewerEmail = viewer.email;
  viewerId = viewer.id;
  const actor = { id: viewer.id, label: viewer.email, origin: '192.0.2.10 | Navegador' };
  await ctx.t.database.db.transaction(async (tx) => {
    for (let i = 0; i < 5; i++) await recordAudit(tx, actor, { action: 'live.view_started', targetType: 'camera', targetId: camId });
    await recordAudit(tx, actor, { action: 'live.view_ended', targetType: 'camera', targetId: camId });
    await recordAudit(tx, actor, {
      action: 'release_request.submitted',
      targetType: 'release_request',
      targetId: 'x',
      data: { cameraIds: [camId] },
    });
    await recordAudit(tx, actor, { action: 'release_request.submitted', targetType: 'release_request', targetId: 'y' });
    await recordAudit(tx, actor, {
      action: 'release_request.decided',
      targetType: 'release_request',
      targetId: 'x',
      reason: 'Fundamentos sigilosos',
      data: { decision: 'granted' },
    });
    await recordAudit(tx, actor, {
      action: 'release_request.decided',
      targetType: 'release_request',
      targetId: 'y',
      data: { decision: 'denied' },
    });
    await recordAudit(tx, actor, { action: 'release_request.refused', data: { requesterKind: 'press' } });
    await recordAudit(tx, actor, { action: 'release_delivery.downloaded', targetType: 'release_request', targetId: 'x' });
    await recordAudit(tx, actor, { action: 'export.requested', targetType: 'export', targetId: 'e1' });
  });
});

describe('public usage report (/transparencia)', () => {
  it('counts views, playbacks, exports, releases and denials per month, in public', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/transparency/usage' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.months).toHaveLength(12);
    const current = report.months.at(-1);
    expect(current).toEqual({
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      liveViews: 5,
      playbacks: 0,
      exports: 2,
      releaseRequests: 2,
      releasesGranted: 1,
      releasesDenied: 1,
      requestsRefused: 1,
    });
    expect(
      report.months.slice(0, -1).every((m: Record<string, unknown>) => Object.entries(m).every(([k, v]) => k === 'month' || v === 0)),
    ).toBe(true);
    expect(report.months[0].month < current.month).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/transparency/usage?months=3' })).json().months).toHaveLength(3);
  });

  it('usage report has no personal data', async () => {
    const body = (await ctx.app.inject({ method: 'GET', url: '/api/public/transparency/usage?months=36' })).body;
    for (const secret of [viewerEmail, viewerId, camId, '192.0.2.10', 'Navegador', 'Fundamentos sigilosos', 'press'])
      expect(body).not.toContain(secret);
    const keys = new Set((JSON.parse(body).months as Record<string, unknown>[]).flatMap((m) => Object.keys(m)));
    expect([...keys].sort()).toEqual([
      'exports',
      'liveViews',
      'month',
      'playbacks',
      'releaseRequests',
      'releasesDenied',
      'releasesGranted',
      'requestsRefused',
    ]);
  });

  it('puts an event in its Cuiabá month (UTC−4)', async () => {
    // 2026-03-01T02:00Z is still 28 February in Cuiabá.
    const report = await usageReport(ctx.t.database.db, 2, new Date('2026-03-15T12:00:00Z'));
    expect(report.months.map((m) => m.month)).toEqual(['2026-02', '2026-03']);
  });
});
