/**
 * Lease bookkeeping as pure functions (unit-tested); the SQL that applies them is in store.ts.
 *
 * A node holds a camera while `expires_at` is in the future and renews every heartbeat
 * (lease ≥ 3 heartbeats, so one slow round-trip never loses it). A lease that was not renewed is
 * expired: any node may take it (`FOR UPDATE SKIP LOCKED`, store.acquireLease).
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

/** Whether a lease row, as last read, may be taken by `nodeId` at `now` (mirrors the SQL). */
export function mayTake(lease: { nodeId: string; expiresAt: number } | undefined, nodeId: string, now: number): boolean {
  return !lease || lease.nodeId === nodeId || lease.expiresAt < now;
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

/** Picks the node for a viewer: the lease holder if alive, else the least-loaded live node. */
export function chooseNode<N extends { id: string; upstreams: number; heartbeatAt: number }>(
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
  return [...live].sort((a, b) => a.upstreams - b.upstreams || a.id.localeCompare(b.id))[0];
}
