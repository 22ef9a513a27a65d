import { isIP } from 'node:net';
import type {
  Integration,
  IntegrationCreate,
  IntegrationRevoke,
  IntegrationUpdate,
  IntegrationWithSecret,
  OperatorUnit,
} from '@vigia/contracts';
import { integrationSecretHash, newIntegrationPassword, newIntegrationUsername } from '@vigia/contracts/integration-secret';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { vmsIntegrationCameras, vmsIntegrationPulls, vmsIntegrations } from '../../db/tables/integrations.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { NODE_STALE_MS } from '../live/live.service.js';

export interface IntegrationsDeps {
  db: Db;
  /** Media node URL to show when no node is up (MEDIA_NODE_PUBLIC_URL or the local default). */
  fallbackNodeUrl: string;
}

type Row = typeof vmsIntegrations.$inferSelect;

/** Base URL a VMS should pull from: a live media node's public URL, else the configured one. */
async function nodeBaseUrl(db: Queryable, fallback: string): Promise<string> {
  const res = await db.execute(sql`
    SELECT public_url FROM media_node
    WHERE heartbeat_at > now() - ${NODE_STALE_MS / 1000}::float8 * interval '1 second'
    ORDER BY upstreams ASC, id ASC LIMIT 1`);
  const row = (res as unknown as { rows: { public_url: string }[] }).rows[0];
  return (row?.public_url ?? fallback).replace(/\/$/, '');
}

export const hlsPlaylistUrl = (base: string, cameraId: string) => `${base}/hls/${cameraId}/index.m3u8`;

async function views(db: Queryable, rows: Row[], fallback: string): Promise<Integration[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const base = await nodeBaseUrl(db, fallback);
  const cams = await db
    .select({ integrationId: vmsIntegrationCameras.integrationId, id: cameras.id, name: cameras.name })
    .from(vmsIntegrationCameras)
    .innerJoin(cameras, eq(cameras.id, vmsIntegrationCameras.cameraId))
    .where(inArray(vmsIntegrationCameras.integrationId, ids))
    .orderBy(cameras.name);
  const used = await db
    .select({ integrationId: vmsIntegrationPulls.integrationId, at: sql<Date | string>`max(${vmsIntegrationPulls.seenAt})` })
    .from(vmsIntegrationPulls)
    .where(inArray(vmsIntegrationPulls.integrationId, ids))
    .groupBy(vmsIntegrationPulls.integrationId);
  const lastUsed = new Map(used.map((u) => [u.integrationId, u.at ? new Date(u.at).toISOString() : null]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit as OperatorUnit,
    username: r.username,
    allowedCidr: r.allowedCidr,
    status: r.status as Integration['status'],
    cameras: cams.filter((c) => c.integrationId === r.id).map((c) => ({ id: c.id, name: c.name, hlsUrl: hlsPlaylistUrl(base, c.id) })),
    createdAt: r.createdAt.toISOString(),
    rotatedAt: r.rotatedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
    lastUsedAt: lastUsed.get(r.id) ?? null,
  }));
}

export async function listIntegrations(deps: IntegrationsDeps): Promise<Integration[]> {
  const rows = await deps.db.select().from(vmsIntegrations).orderBy(desc(vmsIntegrations.createdAt)).limit(500);
  return views(deps.db, rows, deps.fallbackNodeUrl);
}

function checkCidr(cidr: string | null | undefined): void {
  if (!cidr) return;
  const [addr, bits] = cidr.split('/');
  const family = isIP(addr ?? '');
  const max = family === 4 ? 32 : 128;
  if (!family || Number(bits) > max)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'allowedCidr', message: 'Faixa de endereços (CIDR) inválida.' }]);
}

async function checkCameras(db: Queryable, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await db.select({ id: cameras.id }).from(cameras).where(inArray(cameras.id, unique));
  if (found.length !== unique.length)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'cameraIds', message: 'Há câmera inexistente na lista.' }]);
  return unique;
}

async function activeRow(db: Queryable, id: string): Promise<Row> {
  const [row] = await db.select().from(vmsIntegrations).where(eq(vmsIntegrations.id, id)).limit(1).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Integração não encontrada.');
  if (row.status !== 'active') throw new AppError('INVALID_STATE', 'A integração foi revogada; cadastre uma nova.');
  return row;
}

/** Registers an external system; its password is returned this once. Audited. */
export async function createIntegration(
  deps: IntegrationsDeps,
  actor: AuditActor,
  input: IntegrationCreate,
): Promise<IntegrationWithSecret> {
  checkCidr(input.allowedCidr);
  const password = newIntegrationPassword();
  const row = await deps.db.transaction(async (tx) => {
    const cameraIds = await checkCameras(tx, input.cameraIds);
    const [row] = await tx
      .insert(vmsIntegrations)
      .values({
        name: input.name,
        unit: input.unit,
        username: newIntegrationUsername(),
        secretHash: integrationSecretHash(password),
        allowedCidr: input.allowedCidr ?? null,
        createdBy: actor.id,
      })
      .returning();
    await tx.insert(vmsIntegrationCameras).values(cameraIds.map((cameraId) => ({ integrationId: row!.id, cameraId })));
    await recordAudit(tx, actor, {
      action: 'integration.created',
      targetType: 'vms_integration',
      targetId: row!.id,
      data: { name: input.name, unit: input.unit, username: row!.username, cameraIds, allowedCidr: input.allowedCidr ?? null },
    });
    return row!;
  });
  const [view] = await views(deps.db, [row], deps.fallbackNodeUrl);
  return { integration: view!, password };
}

/** Changes name, unit, cameras or source range of an active integration. Audited. */
export async function updateIntegration(
  deps: IntegrationsDeps,
  actor: AuditActor,
  id: string,
  input: IntegrationUpdate,
): Promise<Integration> {
  checkCidr(input.allowedCidr);
  const row = await deps.db.transaction(async (tx) => {
    await activeRow(tx, id);
    const set: Partial<Row> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.unit !== undefined) set.unit = input.unit;
    if (input.allowedCidr !== undefined) set.allowedCidr = input.allowedCidr;
    const [row] = Object.keys(set).length
      ? await tx.update(vmsIntegrations).set(set).where(eq(vmsIntegrations.id, id)).returning()
      : await tx.select().from(vmsIntegrations).where(eq(vmsIntegrations.id, id));
    let cameraIds: string[] | undefined;
    if (input.cameraIds) {
      cameraIds = await checkCameras(tx, input.cameraIds);
      await tx.delete(vmsIntegrationCameras).where(eq(vmsIntegrationCameras.integrationId, id));
      await tx.insert(vmsIntegrationCameras).values(cameraIds.map((cameraId) => ({ integrationId: id, cameraId })));
    }
    await recordAudit(tx, actor, {
      action: 'integration.updated',
      targetType: 'vms_integration',
      targetId: id,
      data: { ...set, ...(cameraIds ? { cameraIds } : {}) },
    });
    return row!;
  });
  const [view] = await views(deps.db, [row], deps.fallbackNodeUrl);
  return view!;
}

/** New password for an active integration (the old one stops working within seconds). Audited. */
export async function rotateIntegration(deps: IntegrationsDeps, actor: AuditActor, id: string): Promise<IntegrationWithSecret> {
  const password = newIntegrationPassword();
  const row = await deps.db.transaction(async (tx) => {
    await activeRow(tx, id);
    const [row] = await tx
      .update(vmsIntegrations)
      .set({ secretHash: integrationSecretHash(password), rotatedAt: new Date() })
      .where(eq(vmsIntegrations.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'integration.rotated',
      targetType: 'vms_integration',
      targetId: id,
      data: { username: row!.username },
    });
    return row!;
  });
  const [view] = await views(deps.db, [row], deps.fallbackNodeUrl);
  return { integration: view!, password };
}

/** Revokes an integration for good (reason required). Audited. */
export async function revokeIntegration(
  deps: IntegrationsDeps,
  actor: AuditActor,
  id: string,
  input: IntegrationRevoke,
): Promise<Integration> {
  const row = await deps.db.transaction(async (tx) => {
    await activeRow(tx, id);
    const [row] = await tx
      .update(vmsIntegrations)
      .set({ status: 'revoked', revokedAt: new Date(), revokedBy: actor.id, revokeReason: input.reason })
      .where(and(eq(vmsIntegrations.id, id), eq(vmsIntegrations.status, 'active')))
      .returning();
    await recordAudit(tx, actor, {
      action: 'integration.revoked',
      targetType: 'vms_integration',
      targetId: id,
      reason: input.reason,
      data: { username: row!.username },
    });
    return row!;
  });
  const [view] = await views(deps.db, [row], deps.fallbackNodeUrl);
  return view!;
}
