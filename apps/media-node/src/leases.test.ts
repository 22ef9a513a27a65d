import { describe, expect, it } from 'vitest';
import { checkLeaseTiming, chooseNode, planRenewal, StableLease } from './leases';
import { UsedTokens } from './live-socket';

describe('leases', () => {
  it('demands a lease of at least three heartbeats', () => {
    expect(() => checkLeaseTiming({ leaseSeconds: 15, heartbeatMs: 3_000 })).not.toThrow();
    expect(() => checkLeaseTiming({ leaseSeconds: 5, heartbeatMs: 3_000 })).toThrow(/3 heartbeats/);
  });

  it('takes no expired camera until its own lease has been renewed for two lease periods after a database outage', () => {
    const s = new StableLease(9_000);
    s.renewed(0);
    for (let t = 3_000; t <= 18_000; t += 3_000) s.renewed(t);
    expect(s.mayTakeExpired(17_999)).toBe(false);
    expect(s.mayTakeExpired(18_000)).toBe(true);
    s.failed(); // database unreachable
    expect(s.mayTakeExpired(20_000)).toBe(false);
    s.renewed(30_000); // back
    s.renewed(33_000); // later renewals do not move the start
    expect(s.mayTakeExpired(47_999)).toBe(false);
    expect(s.mayTakeExpired(48_000)).toBe(true);
    s.renewed(60_000); // after a silence longer than the lease (process paused): starts over
    expect(s.mayTakeExpired(77_999)).toBe(false);
  });

  it('stops the cameras whose lease was not renewed', () => {
    expect(planRenewal(['c1', 'c2', 'c3'], ['c1', 'c3'])).toEqual({ kept: ['c1', 'c3'], lost: ['c2'] });
    expect(planRenewal([], [])).toEqual({ kept: [], lost: [] });
  });

  it('sends viewers to the live holder, else to the least-loaded live node', () => {
    const nodes = [
      { id: 'a', upstreams: 5, heartbeatAt: 19_000 },
      { id: 'b', upstreams: 1, heartbeatAt: 19_000 },
      { id: 'dead', upstreams: 0, heartbeatAt: 0 },
    ];
    expect(chooseNode(nodes, { nodeId: 'a', expiresAt: 21_000 }, 20_000, 15_000)?.id).toBe('a');
    expect(chooseNode(nodes, { nodeId: 'a', expiresAt: 19_500 }, 20_000, 15_000)?.id).toBe('b'); // lease expired
    expect(chooseNode(nodes, undefined, 40_000, 15_000)).toBeUndefined(); // every heartbeat stale
    expect(chooseNode(nodes, { nodeId: 'dead', expiresAt: 99_999 }, 20_000, 15_000)?.id).toBe('b'); // holder dead
  });

  it('prefers a node whose lease is live to one just killed (recent heartbeat, lease run out, fewest upstreams)', () => {
    const nodes = [
      { id: 'killed', upstreams: 0, heartbeatAt: 17_000, leaseExpiresAt: 19_000 },
      { id: 'alive', upstreams: 7, heartbeatAt: 19_800, leaseExpiresAt: 22_800 },
    ];
    // The camera was the killed node's: its lease ran out, its heartbeat is not yet stale.
    expect(chooseNode(nodes, { nodeId: 'killed', expiresAt: 19_000 }, 20_000, 15_000)?.id).toBe('alive');
    expect(chooseNode(nodes, undefined, 20_000, 15_000)?.id).toBe('alive');
    // With no lease live anywhere (the nodes cut off from the database), still the least loaded.
    expect(chooseNode(nodes, undefined, 23_000, 15_000)?.id).toBe('killed');
  });
});

describe('used tokens', () => {
  it('lets a token open a stream once', () => {
    const u = new UsedTokens();
    expect(u.use('j1', 100, 0)).toBe(true);
    expect(u.use('j1', 100, 0)).toBe(false);
    expect(u.use('j2', 100, 0)).toBe(true);
  });
});
