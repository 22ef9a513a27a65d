import type { CameraMapItem } from '@vigia/contracts';
import { describe, expect, it } from 'vitest';
import { MapIndexCache } from './map-index-cache.js';

const cam = (id: string, status: CameraMapItem['status'] = 'online'): CameraMapItem => ({
  id,
  name: id,
  partnerId: 'p',
  latitude: -15.6,
  longitude: -56.1,
  municipalityIbge: '5103403',
  heading: 0,
  fieldOfView: 90,
  status,
  openToPublic: false,
});

/** Lets the background build (microtasks only here) finish. */
const settle = () => new Promise((r) => setImmediate(r));

/** A cache on a settable clock and version, counting loads. */
function setup() {
  const s = { now: 0, version: 'v1', items: [cam('a')], loads: 0 };
  const cache = new MapIndexCache({
    readVersion: async () => s.version,
    now: () => s.now,
    minRebuildMs: 2_000,
    ttlMs: 30_000,
    maxAgeMs: 60_000,
    maxEntries: 2,
  });
  const load = async () => {
    s.loads += 1;
    return [...s.items];
  };
  return { s, cache, load };
}

describe('map index cache (issue 13)', () => {
  it('builds a scope once for concurrent callers and serves it while the cameras do not change', async () => {
    const { s, cache, load } = setup();
    const [e1, e2] = await Promise.all([cache.entry('k', load), cache.entry('k', load)]);
    expect(e1).toBe(e2);
    s.now = 29_000;
    expect(await cache.entry('k', load)).toBe(e1);
    expect(s.loads).toBe(1);
    expect(cache.index(e1.data, undefined)).toBe(cache.index(e1.data, undefined));
    expect(cache.index(e1.data, ['offline']).getClusters([-180, -90, 180, 90], 20)).toEqual([]);
  });

  it('a camera change is served stale for at most minRebuildMs, then rebuilt in the background', async () => {
    const { s, cache, load } = setup();
    const first = await cache.entry('k', load);
    s.version = 'v2';
    s.items = [cam('a'), cam('b', 'offline')];
    s.now = 1_999;
    expect(await cache.entry('k', load)).toBe(first);
    expect(s.loads).toBe(1);
    s.now = 2_000;
    expect(await cache.entry('k', load)).toBe(first); // the old one answers while the new one builds
    expect(s.loads).toBe(2);
    await settle();
    const next = await cache.entry('k', load);
    expect(next.data.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(next.data.statusCounts).toEqual({ online: 1, offline: 1, pending: 0, disabled: 0 });
  });

  it('rebuilds after ttlMs without a camera change (scope tables) and never serves an entry older than maxAgeMs', async () => {
    const { s, cache, load } = setup();
    const first = await cache.entry('k', load);
    s.now = 30_000;
    expect(await cache.entry('k', load)).toBe(first);
    expect(s.loads).toBe(2);
    await settle();
    const second = await cache.entry('k', load);
    expect(second).not.toBe(first);
    s.now = 30_000 + 60_000;
    s.items = [];
    const third = await cache.entry('k', load); // too old to serve: waits for the build
    expect(third.data.items).toEqual([]);
    expect(s.loads).toBe(3);
  });

  it('scopes holding the same cameras share one data and its indexes; different cameras do not', async () => {
    const { s, cache, load } = setup();
    const a = await cache.entry('operator-1', load);
    const b = await cache.entry('operator-2', load);
    expect(b).not.toBe(a);
    expect(b.data).toBe(a.data);
    expect(cache.index(b.data, undefined)).toBe(cache.index(a.data, undefined));
    s.items = [cam('a'), cam('c')];
    expect((await cache.entry('operator-3', load)).data).not.toBe(a.data);
  });

  it('keeps maxEntries scopes, dropping the least recently used', async () => {
    const { s, cache, load } = setup();
    await cache.entry('a', load);
    await cache.entry('b', load);
    await cache.entry('a', load);
    await cache.entry('c', load);
    expect(s.loads).toBe(3);
    await cache.entry('a', load);
    expect(s.loads).toBe(3);
    await cache.entry('b', load);
    expect(s.loads).toBe(4);
  });
});
