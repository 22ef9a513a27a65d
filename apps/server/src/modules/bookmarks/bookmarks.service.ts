import type { Bookmark, BookmarkAttach, BookmarkQuery, bookmarkCreateSchema } from '@vigia/contracts';
import { and, arrayContains, desc, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/client.js';
import { bookmarks } from '../../db/tables/bookmarks.js';
import { cameras } from '../../db/tables/cameras.js';
import { evidenceLocks, releaseRequestCameras } from '../../db/tables/releases.js';
import type { Acting, AuthContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCamera, operatorUnits, viewScope } from '../cameras/cameras.scope.js';

type Row = typeof bookmarks.$inferSelect & { cameraName: string };

const toBookmark = (r: Row): Bookmark => ({
  id: r.id,
  cameraId: r.cameraId,
  cameraName: r.cameraName,
  from: r.startAt.toISOString(),
  to: r.endAt.toISOString(),
  title: r.title,
  note: r.note,
  tags: r.tags,
  createdBy: r.createdBy,
  unit: r.unit,
  releaseRequestId: r.releaseRequestId,
  evidenceLockId: r.evidenceLockId,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Bookmarks the user may see: written by them or by their operator unit, on a camera inside their
 * view scope. Anything else does not exist for them (404).
 */
function visible(auth: AuthContext): SQL {
  const units = operatorUnits(auth);
  const mine = eq(bookmarks.createdBy, auth.user.id);
  return and(units.length ? or(mine, inArray(bookmarks.unit, units))! : mine, viewScope(auth))!;
}

const selectVisible = (db: Queryable, auth: AuthContext, where?: SQL) =>
  db
    .select({ b: bookmarks, cameraName: cameras.name })
    .from(bookmarks)
    .innerJoin(cameras, eq(cameras.id, bookmarks.cameraId))
    .where(and(visible(auth), where));

export async function createBookmark(db: Db, { auth, actor }: Acting, input: z.output<typeof bookmarkCreateSchema>): Promise<Bookmark> {
  return db.transaction(async (tx) => {
    const camera = await loadCamera(tx, viewScope(auth), input.cameraId);
    const [row] = await tx
      .insert(bookmarks)
      .values({
        cameraId: camera.id,
        createdBy: auth.user.id,
        unit: operatorUnits(auth)[0] ?? null,
        startAt: new Date(input.from),
        endAt: new Date(input.to),
        title: input.title,
        note: input.note,
        tags: [...new Set(input.tags.map((t) => t.toLowerCase()))],
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'bookmark.created',
      targetType: 'bookmark',
      targetId: row!.id,
      data: { cameraId: camera.id, from: input.from, to: input.to },
    });
    return toBookmark({ ...row!, cameraName: camera.name });
  });
}

export async function searchBookmarks(db: Db, { auth, actor }: Acting, q: BookmarkQuery): Promise<Bookmark[]> {
  return db.transaction(async (tx) => {
    const text = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const rows = await selectVisible(
      tx,
      auth,
      and(
        q.cameraId ? eq(bookmarks.cameraId, q.cameraId) : undefined,
        // Overlap with [from, to].
        q.to ? lte(bookmarks.startAt, new Date(q.to)) : undefined,
        q.from ? gte(bookmarks.endAt, new Date(q.from)) : undefined,
        text ? or(ilike(bookmarks.title, text), ilike(bookmarks.note, text)) : undefined,
        q.tag ? arrayContains(bookmarks.tags, [q.tag.toLowerCase()]) : undefined,
      ),
    )
      .orderBy(desc(bookmarks.startAt))
      .limit(500);
    await recordAudit(tx, actor, { action: 'bookmark.searched', data: { query: q, results: rows.length } });
    return rows.map((r) => toBookmark({ ...r.b, cameraName: r.cameraName }));
  });
}

async function loadVisible(tx: Queryable, auth: AuthContext, id: string): Promise<Row> {
  const [r] = await selectVisible(tx, auth, eq(bookmarks.id, id)).limit(1);
  if (!r) throw new AppError('NOT_FOUND', 'Marcador não encontrado.');
  return { ...r.b, cameraName: r.cameraName };
}

export async function viewBookmark(db: Db, { auth, actor }: Acting, id: string): Promise<Bookmark> {
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, auth, id);
    await recordAudit(tx, actor, { action: 'bookmark.viewed', targetType: 'bookmark', targetId: id });
    return toBookmark(row);
  });
}

/** Attaches (or detaches, with null) a release request and/or an evidence lock of the same camera. */
export async function attachBookmark(db: Db, { auth, actor }: Acting, id: string, input: BookmarkAttach): Promise<Bookmark> {
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, auth, id);
    if (input.evidenceLockId) {
      const [lock] = await tx.select().from(evidenceLocks).where(eq(evidenceLocks.id, input.evidenceLockId));
      if (!lock || lock.cameraId !== row.cameraId) throw new AppError('BOOKMARK_ATTACHMENT_INVALID');
    }
    if (input.releaseRequestId) {
      const [req] = await tx
        .select({ id: releaseRequestCameras.requestId })
        .from(releaseRequestCameras)
        .where(and(eq(releaseRequestCameras.requestId, input.releaseRequestId), eq(releaseRequestCameras.cameraId, row.cameraId)));
      if (!req) throw new AppError('BOOKMARK_ATTACHMENT_INVALID');
    }
    const [updated] = await tx
      .update(bookmarks)
      .set({
        ...(input.releaseRequestId !== undefined ? { releaseRequestId: input.releaseRequestId } : {}),
        ...(input.evidenceLockId !== undefined ? { evidenceLockId: input.evidenceLockId } : {}),
      })
      .where(eq(bookmarks.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'bookmark.attached', targetType: 'bookmark', targetId: id, data: { ...input } });
    return toBookmark({ ...updated!, cameraName: row.cameraName });
  });
}
