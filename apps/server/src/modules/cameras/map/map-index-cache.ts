import { createHash } from 'node:crypto';
import type { CameraMapItem, CameraStatus, CameraStatusCounts } from '@vigia/contracts';
import { buildClusterIndex, type ClusterIndex, statusKey, summarise } from './map-index.js';

/**
 * A set of cameras as the map shows them, its summary and cluster indexes (one per status filter
 * asked for, built lazily). Scopes that hold the same cameras (every state-wide operator: the
 * scope's SQL names the user, the rows do not differ) share one: one build, one copy in memory.
 */
export interface ScopeData {
  items: readonly CameraMapItem[];
  statusCounts: CameraStatusCounts;
  bounds: [number, number, number, number] | null;
  indexes: Map<string, ClusterIndex>;
}

/** A scope's data as of one read of the camera table. */
export interface ScopeEntry {
  data: ScopeData;
  version: string;
  builtAt: number;
}

/** What tells two scopes' rows apart: ids, owners (blank when seen as public) and names (the public label). */
function contentKey(version: string, items: readonly CameraMapItem[]): string {
  const h = createHash('sha256').update(version);
  for (const c of items) h.update(`\n${c.id}|${c.partnerId}|${c.name}|${c.latitude}|${c.longitude}`);
  return h.digest('base64url');
}

export interface MapIndexCacheOptions {
  /** Reads the camera table's fingerprint (changes with any camera field the map or the scope reads). */
  readVersion: () => Promise<string>;
  /** Monotonic milliseconds. */
  now?: () => number;
  /** A changed camera table rebuilds an entry at most this often (a flapping fleet must not rebuild every request). */
  minRebuildMs?: number;
  /** Scope also depends on other tables (areas, authorisations, terms, approvals): rebuilt after this even when the cameras did not change. */
  ttlMs?: number;
  /** Never served older than this: the request waits for the rebuild. */
  maxAgeMs?: number;
  /** Scopes kept (least recently used dropped). */
  maxEntries?: number;
}

/**
 * Per-scope cluster indexes for the operations map (issue 13). A scope's entry is served while
 * fresh; when the camera table changed (fingerprint) or the entry is older than `ttlMs`, it is
 * rebuilt once in the background while the old one keeps answering — never older than
 * `maxAgeMs`. Concurrent callers share one fingerprint query and one build per scope.
 * Staleness accepted (docs/cameras.md "Operations map"): camera changes within `minRebuildMs` plus one
 * rebuild; other scope changes within `ttlMs` plus one rebuild.
 */
export class MapIndexCache {
  private readonly entries = new Map<string, ScopeEntry>();
  private readonly byContent = new Map<string, WeakRef<ScopeData>>();
  private readonly building = new Map<string, Promise<ScopeEntry>>();
  private versionQuery: Promise<string> | null = null;
  private readonly now: () => number;
  private readonly minRebuildMs: number;
  private readonly ttlMs: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;

  constructor(private readonly opts: MapIndexCacheOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.minRebuildMs = opts.minRebuildMs ?? 2_000;
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.maxEntries = opts.maxEntries ?? 32;
  }

  /** The camera table's fingerprint: callers arriving while a query runs share it. */
  private version(): Promise<string> {
    this.versionQuery ??= this.opts.readVersion().finally(() => {
      this.versionQuery = null;
    });
    return this.versionQuery;
  }

  /** The entry of a scope (`key` names everything the scope depends on in the session), loading it with `load` when needed. */
  async entry(key: string, load: () => Promise<CameraMapItem[]>): Promise<ScopeEntry> {
    const version = await this.version();
    const current = this.entries.get(key);
    if (current) {
      const age = this.now() - current.builtAt;
      const fresh = age < this.ttlMs && (current.version === version || age < this.minRebuildMs);
      if (fresh || age < this.maxAgeMs) {
        this.entries.delete(key); // most recently used last
        this.entries.set(key, current);
        if (!fresh) this.build(key, version, load).catch(() => undefined); // the next request retries
        return current;
      }
    }
    return this.build(key, version, load);
  }

  /** The cluster index of a scope's data for a status filter (undefined = every status). */
  index(data: ScopeData, statuses: readonly CameraStatus[] | undefined): ClusterIndex {
    const k = statusKey(statuses);
    let index = data.indexes.get(k);
    if (!index) {
      const wanted = statuses ? new Set(statuses) : null;
      index = buildClusterIndex(wanted ? data.items.filter((c) => wanted.has(c.status)) : data.items);
      data.indexes.set(k, index);
    }
    return index;
  }

  private build(key: string, version: string, load: () => Promise<CameraMapItem[]>): Promise<ScopeEntry> {
    let flight = this.building.get(key);
    if (flight) return flight;
    const builtAt = this.now();
    flight = load()
      .then((items) => {
        const entry: ScopeEntry = { data: this.shared(version, items), version, builtAt };
        this.entries.delete(key);
        this.entries.set(key, entry);
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        return entry;
      })
      .finally(() => this.building.delete(key));
    this.building.set(key, flight);
    return flight;
  }

  /** The data of these rows: the one another scope already holds, or a new one. */
  private shared(version: string, items: readonly CameraMapItem[]): ScopeData {
    const content = contentKey(version, items);
    const known = this.byContent.get(content)?.deref();
    if (known) return known;
    for (const [k, ref] of this.byContent) if (!ref.deref()) this.byContent.delete(k);
    const data: ScopeData = { items, ...summarise(items), indexes: new Map() };
    this.byContent.set(content, new WeakRef(data));
    return data;
  }
}
