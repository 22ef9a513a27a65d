import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  prevHash: string;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  origin: string | null;
  data: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change hashes. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous row's hash and every recorded field of this row. */
export function auditRowHash(f: HashedFields): string {
  const payload = canonicalJson({
    prevHash: f.prevHash,
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorLabel: f.actorLabel,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    reason: f.reason,
    origin: f.origin,
    data: f.data ?? null,
  });
  return createHash('sha256').update(payload).digest('hex');
}
