import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { CUIABA, releaseFixtures } from './releases.fixtures.js';

/**
 * Which media node a live token sends the viewer to when the node serving the camera was killed
 * (issue 13, docs/architecture.md "Live view: node failover"): its holder while that node's lease
 * is live (nobody can tell a dead node from a slow one sooner), then a node whose lease is live —
 * never the dead one, though its last heartbeat is still recent and it has the fewest upstreams.
 */
const ctx = useTestApp();
const f = releaseFixtures(ctx);
const hash = () => randomBytes(32).toString('hex');

/** The killed node's lease ends `killedLeaseS` seconds from now (negative: already run out). */
async function twoNodes(cameraId: string, killedLeaseS: number): Promise<void> {
  const db = ctx.t.database.db;
  await db.execute(sql`DELETE FROM camera_assignment`);
  await db.execute(sql`DELETE FROM media_node`);
  await db.execute(sql`
    INSERT INTO media_node (id, public_url, heartbeat_at, upstreams, epoch, lease_expires_at) VALUES
      ('killed', 'http://127.0.0.1:7001', now() - interval '2 seconds', 0, 1, now() + ${killedLeaseS}::float8 * interval '1 second'),
      ('alive', 'http://127.0.0.1:7002', now(), 5, 2, now() + interval '9 seconds')`);
  await db.execute(sql`INSERT INTO camera_assignment (camera_id, node_id, epoch) VALUES (${cameraId}::uuid, 'killed', 1)`);
}

describe('live token: the node for a camera whose node was killed', () => {
  it('sends the viewer to the holder while its lease is live, then to a node with a live lease (single and batch routes)', async () => {
    const partner = await f.partner();
    const camera = await f.camera(partner);
    const region = await f.region([CUIABA]);
    const op = await f.user(['regional_operator'], { securityRegionId: region });
    const single = async () => {
      const res = await f.send(op.session, 'POST', `/api/live/${camera}/token`, { nonceHash: hash() });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { nodeId: string; url: string };
    };
    const batch = async () => {
      const res = await f.send(op.session, 'POST', '/api/live/tokens', { items: [{ cameraId: camera, nonceHash: hash() }] });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ token: { nodeId: string } }>)[0]!.token.nodeId;
    };

    // Killed a moment ago, lease still running: it is still the holder as far as anyone can tell.
    await twoNodes(camera, 5);
    expect((await single()).nodeId).toBe('killed');
    expect(await batch()).toBe('killed');

    // Its lease has run out (its heartbeat is 2 s old, under the 15 s staleness, and it has the fewest upstreams).
    await twoNodes(camera, -1);
    const tok = await single();
    expect(tok.nodeId).toBe('alive');
    expect(tok.url).toBe(`ws://127.0.0.1:7002/live/${camera}`);
    expect(await batch()).toBe('alive');
  });
});
