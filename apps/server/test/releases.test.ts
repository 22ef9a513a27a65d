import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { releaseRequests } from '../src/db/tables/releases.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { isLocked, lockedRanges } from '../src/modules/releases/evidence-locks.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures, SINOP } from './releases.fixtures.js';

const ctx = useTestApp();
const f = releaseFixtures(ctx);
type U = Awaited<ReturnType<typeof f.user>>;

let camCuiaba: string;
let camCuiaba2: string;
let camSinop: string;
let requester: U;
let otherRequester: U;
let committee: U;
let authority: U;
let auditor: U;
const hour = 3600_000;
const from = new Date(Date.now() - 6 * hour).toISOString();
const to = new Date(Date.now() - 5 * hour).toISOString();

function body(overrides: Record<string, unknown> = {}) {
  return {
    requesterKind: 'police_authority',
    requesterName: 'Dra. Helena Prado',
    requesterRole: 'Delegada de Polícia',
    requesterOrganisation: 'Polícia Civil — Delegacia de Roubos e Furtos',
    legalGrounds: 'Inquérito policial que apura roubo a transeunte ocorrido na via em frente à câmera, no período indicado.',
    caseNumber: 'IP 1234/2026',
    cameraIds: [camCuiaba, camCuiaba2],
    from,
    to,
    urgency: 'urgent',
    ...overrides,
  };
}

beforeAll(async () => {
  const partner = await f.partner();
  const partnerSinop = await f.partner(SINOP);
  camCuiaba = await f.camera(partner, 'cuiaba', { name: 'Praça central' });
  camCuiaba2 = await f.camera(partner, 'cuiaba', { name: 'Rua de trás' });
  camSinop = await f.camera(partnerSinop, 'sinop');
  await f.region([CUIABA]);
  requester = await f.user(['external_requester']);
  otherRequester = await f.user(['external_requester']);
  committee = await f.user(['committee_member']);
  authority = await f.user(['release_authority']);
  auditor = await f.user(['auditor']);
});

async function file(overrides: Record<string, unknown> = {}, who: U = requester) {
  const res = await f.send(who.session, 'POST', '/api/releases', body(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function instruct(id: string) {
  const res = await f.send(committee.session, 'POST', `/api/releases/${id}/notes`, {
    availability: 'not_checked',
    text: 'Câmeras ativas no período; gravação ainda não integrada.',
    concludeInstruction: true,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('footage release requests', () => {
  it('BH Sigilo — citizens and press are refused', async () => {
    const before = await ctx.t.database.db.select().from(releaseRequests);
    for (const kind of ['citizen', 'press', 'company']) {
      const res = await f.send(requester.session, 'POST', '/api/releases', body({ requesterKind: kind }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('RELEASE_REQUESTER_NOT_ELIGIBLE');
      expect(res.json().error.message).toMatch(/Cidadãos, imprensa e empresas não podem requerer imagens/);
    }
    expect(await ctx.t.database.db.select().from(releaseRequests)).toHaveLength(before.length);
    const refused = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'release_request.refused'));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(await isLocked(ctx.t.database.db, camSinop, new Date(from), new Date(to))).toBe(false);
  });

  it('Art. 2 VI — footage released only on a decided request', async () => {
    const r = await file();
    expect(r).toMatchObject({ status: 'submitted', requesterUserId: requester.id, filedOnBehalf: false, decision: null, delivery: null });
    expect(r.number).toMatch(/^CI-\d{4}-\d{6}$/);
    // Nothing to download before a decision.
    expect((await f.send(requester.session, 'GET', `/api/releases/${r.id}/delivery/${r.id}/download`)).statusCode).toBe(404);
    // No decision without instruction; only the release authority decides.
    const early = await f.send(authority.session, 'POST', `/api/releases/${r.id}/decision`, {
      decision: 'granted',
      reasons: 'Pedido fundamentado em inquérito policial em curso.',
    });
    expect(early.statusCode).toBe(409);
    expect(
      (
        await f.send(committee.session, 'POST', `/api/releases/${r.id}/decision`, {
          decision: 'granted',
          reasons: 'Pedido fundamentado em inquérito policial em curso.',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await f.send(requester.session, 'POST', `/api/releases/${r.id}/notes`, { availability: 'available', text: 'nota indevida' }))
        .statusCode,
    ).toBe(403);

    const noted = await f.send(committee.session, 'POST', `/api/releases/${r.id}/notes`, {
      availability: 'available',
      text: 'Câmeras online no período pedido.',
    });
    expect(noted.json().status).toBe('in_analysis');
    expect((await instruct(r.id)).status).toBe('instructed');

    const decided = await f.send(authority.session, 'POST', `/api/releases/${r.id}/decision`, {
      decision: 'granted',
      reasons: 'Pedido fundamentado em inquérito policial em curso; imagens pertinentes ao fato.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = decided.json();
    expect(d).toMatchObject({ status: 'granted', decision: 'granted' });
    expect(d.cameras.every((c: { granted: boolean }) => c.granted)).toBe(true);
    expect(d.documents).toHaveLength(1);
    expect(d.delivery).toMatchObject({ packageStatus: 'pending', recipientUserId: requester.id, downloadUrl: null });

    // The decision act is verifiable in public by its authenticity code.
    const code = d.documents[0].code;
    const pub = await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${code}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ kind: 'release_decision', sha256: d.documents[0].sha256 });
    const pdf = await f.send(requester.session, 'GET', `/api/releases/${r.id}/documents/${d.documents[0].id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The requester sees the delivery link; the package is pending until export exists; every attempt audited.
    const mine = (await f.send(requester.session, 'GET', `/api/releases/${r.id}`)).json();
    expect(mine.delivery.downloadUrl).toBe(`/api/releases/${r.id}/delivery/${mine.delivery.id}/download`);
    const dl = await f.send(requester.session, 'GET', mine.delivery.downloadUrl);
    expect(dl.statusCode).toBe(409);
    expect(dl.json().error.code).toBe('RELEASE_PACKAGE_PENDING');
    const attempts = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'release_delivery.download_refused'), eq(auditEvents.targetId, r.id)));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.actorId).toBe(requester.id);
    // Bound to the requester's account.
    expect((await f.send(otherRequester.session, 'GET', mine.delivery.downloadUrl)).statusCode).toBe(404);

    // Every step audited.
    const trail = (await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, r.id))).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining([
        'release_request.submitted',
        'release_request.note_added',
        'release_request.instructed',
        'release_request.decided',
        'release_delivery.created',
      ]),
    );
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });

  it('locks survive until the decision closes the case', async () => {
    const db = ctx.t.database.db;
    const r = await file();
    const range = [new Date(from), new Date(to)] as const;
    expect(await isLocked(db, camCuiaba, ...range)).toBe(true);
    expect(await isLocked(db, camCuiaba2, new Date(Date.parse(from) + 60_000), new Date(Date.parse(from) + 120_000))).toBe(true);
    expect(await isLocked(db, camCuiaba, new Date(Date.parse(to)), new Date(Date.parse(to) + hour))).toBe(false); // half-open
    expect(await isLocked(db, camSinop, ...range)).toBe(false);
    expect((await lockedRanges(db, camCuiaba)).length).toBeGreaterThanOrEqual(1);
    await instruct(r.id);
    expect(await isLocked(db, camCuiaba, ...range)).toBe(true);
    // Partial grant: the camera not granted is released, the granted one stays locked.
    const partial = await f.send(authority.session, 'POST', `/api/releases/${r.id}/decision`, {
      decision: 'partially_granted',
      reasons: 'Apenas a câmera da praça enquadra o local do fato.',
      grantedCameraIds: [camCuiaba],
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const locks = partial.json().locks as { cameraId: string; releasedAt: string | null }[];
    expect(locks.find((l) => l.cameraId === camCuiaba2)!.releasedAt).not.toBeNull();
    expect(locks.find((l) => l.cameraId === camCuiaba)!.releasedAt).toBeNull();
    // Closing the case releases the rest; the delivery link dies with it.
    const closed = await f.send(authority.session, 'POST', `/api/releases/${r.id}/close`, { reason: 'Entrega concluída.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().locks.every((l: { releasedAt: string | null }) => l.releasedAt !== null)).toBe(true);
    const url = (await f.send(requester.session, 'GET', `/api/releases/${r.id}`)).json().delivery.downloadUrl;
    expect((await f.send(requester.session, 'GET', url)).statusCode).toBe(410);

    // Denial closes the case at once and releases every lock of the request.
    const r2 = await file({ cameraIds: [camCuiaba2] });
    await instruct(r2.id);
    const denied = await f.send(authority.session, 'POST', `/api/releases/${r2.id}/decision`, {
      decision: 'denied',
      reasons: 'O pedido não demonstra relação entre o fato e o local filmado.',
    });
    expect(denied.json()).toMatchObject({ status: 'denied', delivery: null });
    expect(denied.json().locks.every((l: { releasedAt: string | null }) => l.releasedAt !== null)).toBe(true);
  });

  it('IDOR: another requester gets 404 for the request, its decision document and its delivery', async () => {
    const r = await file();
    await instruct(r.id);
    const d = (
      await f.send(authority.session, 'POST', `/api/releases/${r.id}/decision`, {
        decision: 'granted',
        reasons: 'Pedido fundamentado em inquérito policial em curso.',
      })
    ).json();
    const docId = d.documents[0].id;
    expect((await f.send(otherRequester.session, 'GET', `/api/releases/${r.id}`)).statusCode).toBe(404);
    expect((await f.send(otherRequester.session, 'GET', `/api/releases/${r.id}/documents/${docId}`)).statusCode).toBe(404);
    expect((await f.send(otherRequester.session, 'GET', `/api/releases/${r.id}/delivery/${d.delivery.id}/download`)).statusCode).toBe(404);
    expect((await f.send(otherRequester.session, 'GET', '/api/releases')).json().requests.map((x: { id: string }) => x.id)).not.toContain(
      r.id,
    );
    expect((await f.send(otherRequester.session, 'POST', `/api/releases/${r.id}/close`, { reason: 'tentativa' })).statusCode).toBe(403);
    // A document of another subject under this request's id: not found.
    const other = await file();
    expect((await f.send(requester.session, 'GET', `/api/releases/${other.id}/documents/${docId}`)).statusCode).toBe(404);
    // Auditors read everything.
    expect((await f.send(auditor.session, 'GET', `/api/releases/${r.id}`)).statusCode).toBe(200);
  });

  it('operators register on behalf of a requester account, from their own camera scope', async () => {
    const region = (await ctx.t.database.db.execute<{ id: string }>(
      `SELECT region_id AS id FROM security_region_municipality WHERE municipality_ibge = '${CUIABA}'` as never,
    )) as unknown as { rows: { id: string }[] };
    const regional = await f.user(['regional_operator'], { securityRegionId: region.rows[0]!.id });
    const options = (await f.send(regional.session, 'GET', '/api/releases/camera-options')).json().cameras.map((c: { id: string }) => c.id);
    expect(options).toContain(camCuiaba);
    expect(options).not.toContain(camSinop);
    expect(
      (await f.send(regional.session, 'POST', '/api/releases', body({ cameraIds: [camSinop], requesterEmail: requester.email })))
        .statusCode,
    ).toBe(404);
    expect((await f.send(regional.session, 'POST', '/api/releases', body())).json().error.code).toBe('RELEASE_REQUESTER_ACCOUNT_REQUIRED');
    expect((await f.send(regional.session, 'POST', '/api/releases', body({ requesterEmail: auditor.email }))).json().error.code).toBe(
      'RELEASE_REQUESTER_ACCOUNT_REQUIRED',
    );
    const r = await file({ requesterEmail: requester.email }, regional);
    expect(r).toMatchObject({ filedOnBehalf: true, requesterUserId: requester.id, filedByUserId: regional.id });
    expect((await f.send(requester.session, 'GET', `/api/releases/${r.id}`)).statusCode).toBe(200);
    // Citizens' and other roles: not a requester role.
    expect((await f.send(authority.session, 'POST', '/api/releases', body())).statusCode).toBe(403);
    // Validation in pt-BR.
    const bad = await f.send(requester.session, 'POST', '/api/releases', body({ to: from }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/posterior ao início/);
    const future = await f.send(requester.session, 'POST', '/api/releases', body({ to: new Date(Date.now() + 24 * hour).toISOString() }));
    expect(JSON.stringify(future.json())).toMatch(/futuro/);
  });
});
