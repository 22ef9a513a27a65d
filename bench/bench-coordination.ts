/**
 * Coordination benchmark (not a test): `DATABASE_URL=postgres://… npx tsx bench/bench-coordination.ts [--cameras 20000] [--nodes 40] [--seconds 60]`
 *
 * Issue 13: the cost of standing still must grow with nodes, not cameras. N recorded camera rows
 * (one registered through the API and made eligible, the rest cloned in SQL) and M simulated media
 * nodes in this process, each running the coordination statements of a real node's heartbeat
 * (apps/media-node/src/node.ts + RecordingService.tick): renew its lease, read what it owns, read
 * its fair share, claim up to it (SKIP LOCKED) or offer the excess, read the recording policy of
 * what it owns. No media: the benchmark is about the database.
 *
 * Reports, over T seconds of steady state (every camera assigned, shares balanced):
 * - coordination writes/s = Δ(n_tup_ins + n_tup_upd + n_tup_del) of media_node and
 *   camera_assignment (pg_stat_user_tables, this database only) — goal ≤ 20/s in total;
 * - WAL bytes/s (pg_stat_wal: the whole server, so other databases' traffic counts too);
 * - then one node stops renewing (kill -9 of a node): time from its death to each of its cameras
 *   being claimed by another node (p50 / p95 / max). The recorded gap adds the camera's reconnect
 *   and first keyframe (fault test: apps/media-node/test/multi-node-failover.test.ts).
 */
import { parseArgs } from 'node:util';
import { testApp } from '@vigia/testkit/test-app';
import { createTestDatabase } from '@vigia/testkit/test-database';
import { pgClient } from '../apps/media-node/src/sql.js';
import { NodeStore } from '../apps/media-node/src/store.js';
import { runBench, seedCameras, sleep } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20000' },
    nodes: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '60' },
    heartbeat: { type: 'string', default: '3000' },
    lease: { type: 'string', default: '9' },
    /** Print the claim statement's plan (EXPLAIN ANALYZE) once every camera is assigned. */
    explain: { type: 'boolean', default: false },
  },
});
const N = Number(args.cameras);
const M = Number(args.nodes);
const T = Number(args.seconds);
const HEARTBEAT_MS = Number(args.heartbeat);
const LEASE_S = Number(args.lease);
const CAPACITY = Math.ceil(N / M) + 50;
const POLICY = { defaultOn: true, monitorAll: true };

interface SimNode {
  store: NodeStore;
  alive: boolean;
  timer?: NodeJS.Timeout;
}

/** The coordination part of one heartbeat of a media node (same statements, same order). */
async function beat(n: SimNode): Promise<void> {
  if ((await n.store.heartbeat(0, 0)) !== 'ok') return;
  // The ownership read also carries the claim policy of what we own (MEDIA_MONITOR=all, RECORDING_DEFAULT=on).
  await n.store.ownership(POLICY);
  const fair = await n.store.fairShare(POLICY);
  const target = Math.min(fair.share, CAPACITY);
  if (fair.owned < target) await n.store.claimCameras({ ...POLICY, limit: Math.min(target - fair.owned, 100), takeExpired: true });
  else if (fair.liveNodes > 1 && fair.owned > target + Math.max(1, Math.ceil(target * 0.05)))
    await n.store.offer(Math.min(fair.owned - target, 50));
}

runBench(async () => {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (a scratch database is created on it)');
  const t = await createTestDatabase();
  const app = await testApp(t.database, t.dataDir);
  const sql = pgClient(t.url!);
  const pools: ReturnType<typeof pgClient>[] = [];
  try {
    // One camera through the API, made eligible (issue 12), then cloned N − 1 times in SQL.
    await seedCameras(app, t.database, N);
    console.log(`${N} recorded cameras, ${M} simulated nodes, heartbeat ${HEARTBEAT_MS} ms, lease ${LEASE_S} s`);

    const nodes: SimNode[] = [];
    for (let i = 0; i < M; i++) {
      // One small pool per 4 simulated nodes (each real node has its own; the server's connection limit is the bound here).
      if (i % 4 === 0) pools.push(pgClient(t.url!));
      const db = pools.at(-1)!;
      const store = new NodeStore(db, `sim-${String(i).padStart(2, '0')}`, LEASE_S);
      await store.join({ publicUrl: `http://127.0.0.1:${10_000 + i}`, region: undefined, capacity: CAPACITY });
      const n: SimNode = { store, alive: true };
      nodes.push(n);
    }
    // Staggered heartbeats, as independent processes would be.
    for (const [i, n] of nodes.entries()) {
      setTimeout(
        () => {
          let busy = false;
          n.timer = setInterval(() => {
            if (!n.alive || busy) return;
            busy = true;
            beat(n)
              .catch((err) => console.error(n.store.nodeId, err))
              .finally(() => (busy = false));
          }, HEARTBEAT_MS);
        },
        (i * HEARTBEAT_MS) / M,
      );
    }

    const assigned = async () =>
      Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM camera_assignment WHERE offered_at IS NULL'))[0]!.n);
    const t0 = Date.now();
    while ((await assigned()) < N) await sleep(1000);
    if (args.explain) {
      const plan = await sql.query<{ 'QUERY PLAN': string }>(
        'EXPLAIN ANALYZE ' + nodes[1]!.store.claimSql(),
        nodes[1]!.store.claimArgs({ ...POLICY, limit: 13, takeExpired: true }),
      );
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    console.log(`all ${N} cameras assigned after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(3 * HEARTBEAT_MS);

    const writes = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            `SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) AS n FROM pg_stat_user_tables WHERE relname IN ('media_node', 'camera_assignment')`,
          )
        )[0]!.n,
      );
    const wal = async () => Number((await sql.query<{ b: string }>('SELECT wal_bytes AS b FROM pg_stat_wal'))[0]!.b);
    const w0 = await writes();
    const b0 = await wal();
    const s0 = Date.now();
    await sleep(T * 1000);
    await sleep(1500); // statistics are flushed about once a second
    const w1 = await writes();
    const b1 = await wal();
    const secs = (Date.now() - s0 - 1500) / 1000;
    console.log(
      `steady state over ${secs.toFixed(0)} s: ${((w1 - w0) / secs).toFixed(1)} coordination writes/s (goal ≤ 20), WAL ${((b1 - b0) / secs / 1024).toFixed(1)} KiB/s (whole server)`,
    );

    // kill -9 of one node: it stops renewing; the others claim its cameras when its lease expires.
    const victim = nodes[0]!;
    const mine = (
      await sql.query<{ camera_id: string }>('SELECT camera_id::text AS camera_id FROM camera_assignment WHERE node_id = $1', [
        victim.store.nodeId,
      ])
    ).map((r) => r.camera_id);
    victim.alive = false;
    clearInterval(victim.timer);
    const killedAt = Number((await sql.query<{ ms: string }>('SELECT (extract(epoch from now()) * 1000)::float8 AS ms'))[0]!.ms);
    const taken = async () =>
      sql.query<{ ms: string }>(
        `SELECT (extract(epoch from acquired_at) * 1000)::float8 AS ms FROM camera_assignment
         WHERE camera_id = ANY(string_to_array($1, ',')::uuid[]) AND node_id <> $2`,
        [mine.join(','), victim.store.nodeId],
      );
    const deadline = Date.now() + 120_000;
    while ((await taken()).length < mine.length && Date.now() < deadline) await sleep(500);
    const delays = (await taken()).map((r) => Number(r.ms) - killedAt).sort((a, b) => a - b);
    const pct = (p: number) => delays[Math.min(delays.length - 1, Math.ceil(p * delays.length) - 1)] ?? NaN;
    console.log(
      `failover of ${mine.length} cameras (lease ${LEASE_S} s): claimed ${delays.length}; after death p50 ${(pct(0.5) / 1000).toFixed(1)} s, p95 ${(pct(0.95) / 1000).toFixed(1)} s, max ${(pct(1) / 1000).toFixed(1)} s`,
    );
    for (const n of nodes) {
      n.alive = false;
      clearInterval(n.timer);
    }
    await sleep(HEARTBEAT_MS);
  } finally {
    for (const p of pools) await p.close();
    await sql.close();
    await app.close();
    await t.drop();
  }
});
