import { beforeAll, describe, expect, it } from 'vitest';
import { cameraAssignments, mediaNodes } from '../src/db/tables/live.js';
import { recordingSegments } from '../src/db/tables/recordings.js';
import { fleetView } from '../src/modules/health/fleet-view.js';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures } from './releases.fixtures.js';

/** The API runs with RECORDING_STORAGE=s3 (settings only: nothing here talks to the bucket). */
const ctx = useTestApp({
  RECORDING_STORAGE: 's3',
  RECORDING_S3_ENDPOINT: 'http://127.0.0.1:9',
  RECORDING_S3_ACCESS_KEY_ID: 'fleet-test',
  RECORDING_S3_SECRET_ACCESS_KEY: 'fleet-test-secret',
});
const f = releaseFixtures(ctx);
const db = () => ctx.t.database.db;
type U = Awaited<ReturnType<typeof f.user>>;
let operator: U;
let admin: U;
let regional: U;
let committee: U;
let regionId: string;
const MIN = 60_000;

beforeAll(async () => {
  regionId = await f.region([CUIABA]);
  const partner = await f.partner();
  const cams: string[] = [];
  for (let i = 0; i < 5; i++) cams.push(await f.camera(partner, 'cuiaba', { name: `Câmera da frota ${i}` }));
  operator = await f.user(['operator']);
  admin = await f.user(['admin']);
  regional = await f.user(['regional_operator'], { securityRegionId: regionId });
  committee = await f.user(['committee_member']);
  const now = Date.now();
  await db()
    .insert(mediaNodes)
    .values([
      // Renewed in time, in the Cuiabá region.
      {
        id: 'fleet-a',
        publicUrl: 'http://a',
        regionId,
        capacity: 4,
        epoch: 7,
        upstreams: 3,
        viewers: 2,
        leaseExpiresAt: new Date(now + 5 * MIN),
      },
      // Handing its cameras over (SIGTERM or admin).
      { id: 'fleet-b', publicUrl: 'http://b', capacity: 500, epoch: 3, draining: true, leaseExpiresAt: new Date(now + 5 * MIN) },
      // Dead: its lease ran out (its spool backlog stays on its disk).
      {
        id: 'fleet-c',
        publicUrl: 'http://c',
        capacity: 500,
        epoch: 2,
        heartbeatAt: new Date(now - 10 * MIN),
        leaseExpiresAt: new Date(now - 9 * MIN),
      },
    ]);
  await db()
    .insert(cameraAssignments)
    .values([
      { cameraId: cams[0]!, nodeId: 'fleet-a', epoch: 7, generation: 11 },
      { cameraId: cams[1]!, nodeId: 'fleet-a', epoch: 7, generation: 12 },
      { cameraId: cams[2]!, nodeId: 'fleet-a', epoch: 7, generation: 13 },
      // An older epoch's assignment is free (ADR 0013): not held.
      { cameraId: cams[3]!, nodeId: 'fleet-a', epoch: 6, generation: 9 },
      { cameraId: cams[4]!, nodeId: 'fleet-b', epoch: 3, generation: 14 },
    ]);
  const seg = (cam: string, seq: number, nodeId: string, closed: boolean, uploaded: boolean, bytes: number, at: number) => ({
    cameraId: cam,
    seq,
    nodeId,
    storageKey: `${cam}/${seq}.mp4`,
    startAt: new Date(at),
    endAt: closed ? new Date(at + 2000) : null,
    closedAt: closed ? new Date(at + 2000) : null,
    sizeBytes: closed ? bytes : null,
    objectKey: uploaded ? `rec/x/${cam}/${seq}.mp4` : null,
  });
  await db()
    .insert(recordingSegments)
    .values([
      seg(cams[0]!, 1, 'fleet-a', true, true, 100, now - 6 * MIN), // uploaded
      seg(cams[0]!, 2, 'fleet-a', true, false, 1000, now - 5 * MIN), // pending
      seg(cams[0]!, 3, 'fleet-a', true, false, 2000, now - 4 * MIN), // pending
      seg(cams[0]!, 4, 'fleet-a', false, false, 0, now - 3 * MIN), // open: not pending
      seg(cams[3]!, 1, 'fleet-c', true, false, 500, now - 12 * MIN), // stranded on the dead node
    ]);
});

describe('CIOSP fleet view (issue 13)', () => {
  it('lists every media node with region, load, cameras held, last heartbeat, lease state and spool backlog', async () => {
    const res = await f.send(operator.session, 'GET', '/api/health/fleet');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.objectStorage).toBe(true);
    const byId = Object.fromEntries(v.nodes.map((n: { id: string }) => [n.id, n]));
    expect(Object.keys(byId).sort()).toEqual(['fleet-a', 'fleet-b', 'fleet-c']);
    expect(byId['fleet-a']).toMatchObject({
      camerasHeld: 3,
      capacity: 4,
      loadPercent: 75,
      upstreams: 3,
      viewers: 2,
      epoch: 7,
      leaseState: 'live',
      pendingSegments: 2,
      pendingBytes: 3000,
    });
    expect(byId['fleet-a'].regionName).toMatch(/^RISP /);
    expect(new Date(byId['fleet-a'].oldestPendingAt).getTime()).toBeLessThan(Date.now() - 4 * MIN);
    expect(byId['fleet-b']).toMatchObject({
      camerasHeld: 1,
      leaseState: 'draining',
      regionName: null,
      pendingSegments: 0,
      pendingBytes: 0,
    });
    expect(byId['fleet-c']).toMatchObject({ camerasHeld: 0, leaseState: 'expired', pendingSegments: 1, pendingBytes: 500 });
    expect(new Date(byId['fleet-c'].lastHeartbeatAt).getTime()).toBeLessThan(Date.now() - 9 * MIN);
  });

  it('is for the CIOSP operators and the administrators only', async () => {
    expect((await f.send(admin.session, 'GET', '/api/health/fleet')).statusCode).toBe(200);
    expect((await f.send(regional.session, 'GET', '/api/health/fleet')).statusCode).toBe(403);
    expect((await f.send(committee.session, 'GET', '/api/health/fleet')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health/fleet' })).statusCode).toBe(401);
  });

  it('with local disks there is nothing to upload: no backlog figures', async () => {
    const v = await fleetView(db(), { objectStorage: false });
    expect(v.objectStorage).toBe(false);
    for (const n of v.nodes) expect([n.pendingSegments, n.pendingBytes, n.oldestPendingAt]).toEqual([null, null, null]);
  });
});
