import type { Asset, AssetStatus } from '@vigia/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { equipmentAssetEvents, equipmentAssets } from '../../db/tables/loans.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';

export type AssetRow = typeof equipmentAssets.$inferSelect;

export const toAsset = (a: AssetRow): Asset => ({
  id: a.id,
  model: a.model,
  serial: a.serial,
  assetTag: a.assetTag,
  warrantyEndsOn: a.warrantyEndsOn,
  status: a.status,
  currentLoanId: a.currentLoanId,
});

/**
 * The one way an asset changes status: guarded by the expected current statuses (so two requests
 * cannot lend the same camera), with a history row and an audit row in the caller's transaction.
 */
export async function moveAsset(
  tx: Tx,
  actor: AuditActor,
  assetId: string,
  from: readonly AssetStatus[],
  to: AssetStatus,
  opts: { loanId?: string | null; keepLoan?: boolean; note?: string | null } = {},
): Promise<AssetRow> {
  const [before] = await tx.select().from(equipmentAssets).where(eq(equipmentAssets.id, assetId)).for('update');
  if (!before || !from.includes(before.status))
    throw new AppError(
      'ASSET_NOT_AVAILABLE',
      before ? `Equipamento ${before.serial}: situação atual "${before.status}" não permite esta operação.` : undefined,
    );
  const currentLoanId = opts.keepLoan ? before.currentLoanId : (opts.loanId ?? null);
  const [after] = await tx
    .update(equipmentAssets)
    .set({ status: to, currentLoanId, updatedAt: new Date() })
    .where(and(eq(equipmentAssets.id, assetId), inArray(equipmentAssets.status, [...from])))
    .returning();
  if (!after) throw new AppError('ASSET_NOT_AVAILABLE');
  await tx.insert(equipmentAssetEvents).values({
    assetId,
    fromStatus: before.status,
    toStatus: to,
    loanId: opts.loanId ?? before.currentLoanId,
    note: opts.note ?? null,
    actorId: actor.id,
  });
  await recordAudit(tx, actor, {
    action: 'equipment_asset.status_changed',
    targetType: 'equipment_asset',
    targetId: assetId,
    reason: opts.note ?? null,
    data: { serial: before.serial, from: before.status, to, loanId: opts.loanId ?? before.currentLoanId },
  });
  return after;
}

export async function listAssets(db: Queryable, status?: AssetStatus): Promise<Asset[]> {
  const rows = await db
    .select()
    .from(equipmentAssets)
    .where(status ? eq(equipmentAssets.status, status) : sql`true`)
    .orderBy(asc(equipmentAssets.serial))
    .limit(1000);
  return rows.map(toAsset);
}

export async function viewAsset(db: Queryable, id: string): Promise<Asset> {
  const [a] = await db.select().from(equipmentAssets).where(eq(equipmentAssets.id, id));
  if (!a) throw new AppError('NOT_FOUND', 'Equipamento não encontrado.');
  const history = await db
    .select()
    .from(equipmentAssetEvents)
    .where(eq(equipmentAssetEvents.assetId, id))
    .orderBy(desc(equipmentAssetEvents.at));
  return {
    ...toAsset(a),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
      loanId: h.loanId,
    })),
  };
}

export async function createAsset(
  db: Db,
  actor: AuditActor,
  input: { model: string; serial: string; assetTag: string; warrantyEndsOn?: string | null | undefined },
): Promise<Asset> {
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: equipmentAssets.id })
      .from(equipmentAssets)
      .where(sql`${equipmentAssets.serial} = ${input.serial} OR ${equipmentAssets.assetTag} = ${input.assetTag}`)
      .limit(1);
    if (dup) throw new AppError('ASSET_SERIAL_TAKEN');
    const [a] = await tx
      .insert(equipmentAssets)
      .values({ model: input.model, serial: input.serial, assetTag: input.assetTag, warrantyEndsOn: input.warrantyEndsOn ?? null })
      .returning();
    await tx
      .insert(equipmentAssetEvents)
      .values({ assetId: a!.id, fromStatus: null, toStatus: 'in_stock', note: 'Cadastro no patrimônio', actorId: actor.id });
    await recordAudit(tx, actor, {
      action: 'equipment_asset.created',
      targetType: 'equipment_asset',
      targetId: a!.id,
      data: { model: a!.model, serial: a!.serial, assetTag: a!.assetTag },
    });
    return toAsset(a!);
  });
}

/** Manual registry moves by SESP: back to stock after a repair or return, to repair, or written off. */
export async function setAssetStatus(
  db: Db,
  actor: AuditActor,
  id: string,
  status: 'in_stock' | 'under_repair' | 'written_off',
  note: string,
): Promise<Asset> {
  const allowed: Record<typeof status, AssetStatus[]> = {
    in_stock: ['returned', 'under_repair'],
    under_repair: ['in_stock', 'returned'],
    written_off: ['in_stock', 'returned', 'under_repair', 'stolen'],
  };
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(equipmentAssets).where(eq(equipmentAssets.id, id));
    if (!a) throw new AppError('NOT_FOUND', 'Equipamento não encontrado.');
    if (a.currentLoanId && a.status === 'under_repair' && status === 'in_stock')
      throw new AppError('INVALID_STATE', 'Este equipamento está em reparo dentro de uma cessão: encerre a ocorrência.');
    return toAsset(await moveAsset(tx, actor, id, allowed[status], status, { note, loanId: null }));
  });
}
