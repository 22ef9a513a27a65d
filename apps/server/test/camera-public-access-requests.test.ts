import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { makeStreamEligible } from './helpers/eligible-camera.js';
import { releaseFixtures } from './releases.fixtures.js';

/** The committee's queue of requests to open a camera to the public (Art. 26 §2, issue 12). */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const QUEUE = '/api/cameras/public-access/requests';

let port = 43000;
const cameraBody = (name: string, openToPublic: boolean) => {
  port += 2;
  return {
    name,
    kind: 'partner_own',
    host: 'parceiro-fila.ddns.net',
    rtspPort: port,
    httpPort: port + 1,
    rtspPath: '/stream',
    latitude: -15.60137,
    longitude: -56.09791,
    municipalityIbge: '5103403',
    heading: 45,
    fieldOfView: 90,
    mounting: 'facade',
    openToPublic,
  };
};

let partnerId: string;
let partner: Awaited<ReturnType<typeof f.user>>;
let committee: Awaited<ReturnType<typeof f.user>>;

beforeAll(async () => {
  partnerId = await f.partner();
  partner = await f.user(['partner_user'], { partnerId });
  committee = await f.user(['committee_member']);
});

const create = async (name: string, openToPublic: boolean) => {
  const res = await f.send(partner.session, 'POST', '/api/cameras', cameraBody(`${name} ${randomBytes(2).toString('hex')}`, openToPublic));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
};
const queue = async () => (await f.send(committee.session, 'GET', QUEUE)).json().items as { cameraId: string }[];
const ids = async () => (await queue()).map((i) => i.cameraId);

describe('committee queue of public-access requests', () => {
  it('lists requested cameras with partner and eligibility; a decision takes them off; a partner change brings a refused one back', async () => {
    const waiting = await create('Praça', true);
    const eligible = await create('Portão', true);
    await makeStreamEligible(ctx.t.database, eligible.id);
    const notRequested = await create('Pátio', false);

    const items = await queue();
    expect(items.find((i) => i.cameraId === waiting.id)).toMatchObject({
      cameraName: waiting.name,
      partnerId,
      partnerName: expect.stringMatching(/^Parceiro /),
      municipalityIbge: '5103403',
      streamEligible: false,
    });
    expect(items.find((i) => i.cameraId === eligible.id)).toMatchObject({ streamEligible: true });
    expect(items.map((i) => i.cameraId)).not.toContain(notRequested.id);

    // Only the committee reads the queue (partner names of every partner).
    for (const who of [partner, await f.user(['operator']), await f.user(['admin'])])
      expect((await f.send(who.session, 'GET', QUEUE)).statusCode).toBe(403);

    const decide = (id: string, approve: boolean) =>
      f.send(committee.session, 'POST', `/api/cameras/${id}/public-access/decision`, {
        approve,
        reason: approve ? 'Local de interesse público, sem áreas privadas.' : 'Imagem alcança janelas de residências.',
      });
    expect((await decide(eligible.id, true)).json().publicAccess).toBe('approved');
    expect((await decide(waiting.id, false)).json().publicAccess).toBe('requested');
    expect(await ids()).not.toContain(eligible.id);
    expect(await ids()).not.toContain(waiting.id);

    // The partner adjusts the refused camera: it is back for a new decision.
    expect((await f.send(partner.session, 'PATCH', `/api/cameras/${waiting.id}`, { heading: 90 })).statusCode).toBe(200);
    expect(await ids()).toContain(waiting.id);
  });
});
