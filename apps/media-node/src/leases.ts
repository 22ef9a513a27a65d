/**
 * Lease bookkeeping as pure functions (unit-tested); the SQL that applies them is in store.ts.
 *
 * ADR 0013: a node renews ONE lease — its `media_node` row, with an epoch taken at start — every
 * heartbeat (lease ≥ 3 heartbeats, so one slow round-trip never loses it). It owns the cameras
 * whose assignment names its `(node, epoch)`; when its lease expires, other nodes may take them
 * (`FOR UPDATE SKIP LOCKED`, store.claimCameras / acquireLease).
 */
export interface LeaseTiming {
  leaseSeconds: number;
  heartbeatMs: number;
}

/** The lease must outlive several heartbeats; otherwise a single delayed renewal drops cameras. */
export function checkLeaseTiming(t: LeaseTiming): void {
  if (t.leaseSeconds * 1000 < t.heartbeatMs * 3) {
    throw new Error(`MEDIA_LEASE_SECONDS (${t.leaseSeconds}) must be at least 3 heartbeats (${(t.heartbeatMs * 3) / 1000} s)`);
  }
}

/**
 * "A database outage moves no camera": after a failed renewal, the node claims no camera owned by
 * another node (expired lease) until its own lease has been renewed for two full lease periods —
 * by then every node that survived the outage has renewed its own lease too.
 */
export class StableLease {
  private since: number | undefined;
  private last: number | undefined;

  constructor(private readonly leaseMs: number) {}

  /** A renewal went through. One after a silence longer than the lease (process paused) starts over. */
  renewed(now: number): void {
    if (this.last !== undefined && now - this.last > this.leaseMs) this.since = undefined;
    this.since ??= now;
    this.last = now;
  }

  /** A statement of the heartbeat failed: the database may be out of reach. */
  failed(): void {
    this.since = undefined;
  }

  /** Two lease periods, not one: a slow node (busy machine, reconnecting pool) gets a whole lease period to renew after us. */
  mayTakeExpired(now: number): boolean {
    return this.since !== undefined && now - this.since >= 2 * this.leaseMs;
  }
}

export interface RenewalPlan {
  /** Cameras whose lease was renewed: keep serving. */
  kept: string[];
  /** Cameras we serve whose lease is gone (taken after we were cut off): stop them, viewers reconnect. */
  lost: string[];
}

/** Compares the cameras served with the leases the renewal statement returned. */
export function planRenewal(served: Iterable<string>, renewed: Iterable<string>): RenewalPlan {
  const ok = new Set(renewed);
  const kept: string[] = [];
  const lost: string[] = [];
  for (const cam of served) (ok.has(cam) ? kept : lost).push(cam);
  return { kept, lost };
}

/**
 * Picks the node for a viewer: the lease holder if alive, else the least-loaded live node — one
 * whose own lease is live first (a node killed a moment ago keeps a recent heartbeat for a while,
 * but not its lease).
 */
export function chooseNode<N extends { id: string; upstreams: number; heartbeatAt: number; leaseExpiresAt?: number | null }>(
  nodes: readonly N[],
  holder: { nodeId: string; expiresAt: number } | undefined,
  now: number,
  staleMs: number,
): N | undefined {
  const live = nodes.filter((n) => n.heartbeatAt > now - staleMs);
  if (holder && holder.expiresAt > now) {
    const h = live.find((n) => n.id === holder.nodeId);
    if (h) return h;
  }
  const leased = (n: N) => ((n.leaseExpiresAt ?? 0) > now ? 0 : 1);
  return [...live].sort((a, b) => leased(a) - leased(b) || a.upstreams - b.upstreams || a.id.localeCompare(b.id))[0];
}
