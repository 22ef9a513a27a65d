import { identityCardStageLabels } from '@vigia/contracts';
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { identificationPosts, identityCardRequests } from '../../db/tables/identity-card.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { currentFeeOf } from '../citizen-fees/fee-queries.js';
import { IDENTITY_CARD_FEE, toIdentityCardRequest } from './identity-card-deps.js';

/** The citizen's own requests with their current fee. */
export async function identityCardsOf(db: Queryable, citizenId: string) {
  const rows = await db
    .select({ r: identityCardRequests, p: identificationPosts })
    .from(identityCardRequests)
    .innerJoin(identificationPosts, eq(identificationPosts.id, identityCardRequests.postId))
    .where(eq(identityCardRequests.citizenId, citizenId))
    .orderBy(desc(identityCardRequests.requestedAt));
  return Promise.all(rows.map(async ({ r, p }) => toIdentityCardRequest(r, p, await currentFeeOf(db, IDENTITY_CARD_FEE, r.id))));
}

/** Public, by protocol: the stage and the post, nothing else (no name, no CPF). */
export async function identityCardStatus(db: Queryable, protocol: string) {
  const [row] = await db
    .select({ stage: identityCardRequests.stage, post: identificationPosts.name, municipality: identificationPosts.municipality })
    .from(identityCardRequests)
    .innerJoin(identificationPosts, eq(identificationPosts.id, identityCardRequests.postId))
    .where(eq(identityCardRequests.protocol, protocol.trim().toUpperCase()));
  if (!row) throw new AppError('NOT_FOUND', 'Nenhum pedido de carteira de identidade com este protocolo.');
  return {
    protocol: protocol.trim().toUpperCase(),
    stage: row.stage,
    stageLabel: identityCardStageLabels[row.stage],
    post: `${row.post} — ${row.municipality}`,
  };
}

/** Posts with the places left on a day. */
export async function postsWithPlaces(db: Queryable, date: string) {
  const posts = await db.select().from(identificationPosts).orderBy(asc(identificationPosts.municipality), asc(identificationPosts.name));
  const taken = await db
    .select({ postId: identityCardRequests.postId, n: count() })
    .from(identityCardRequests)
    .where(and(eq(identityCardRequests.appointmentDate, date), ne(identityCardRequests.stage, 'cancelled')))
    .groupBy(identityCardRequests.postId);
  const byPost = new Map(taken.map((t) => [t.postId, t.n]));
  return posts.map((p) => ({
    id: p.id,
    name: p.name,
    municipality: p.municipality,
    address: p.address,
    placesLeft: Math.max(0, p.dailyCapacity - (byPost.get(p.id) ?? 0)),
  }));
}

export async function addPost(db: Db, who: Acting, input: { name: string; municipality: string; address: string; dailyCapacity: number }) {
  return db.transaction(async (tx) => {
    const [post] = await tx.insert(identificationPosts).values(input).returning();
    await recordAudit(tx, who.actor, {
      action: 'identification_post.created',
      targetType: 'identification_post',
      targetId: post!.id,
      data: input,
    });
    return { id: post!.id };
  });
}

/**
 * Politec's work list: open requests, oldest appointment first (CPF never needed here). It shows
 * citizens' names, so each view is audited (with the count, not the names).
 */
export async function openIdentityCards(db: Db, who: Acting) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ r: identityCardRequests, p: identificationPosts })
      .from(identityCardRequests)
      .innerJoin(identificationPosts, eq(identificationPosts.id, identityCardRequests.postId))
      .where(and(ne(identityCardRequests.stage, 'delivered'), ne(identityCardRequests.stage, 'cancelled')))
      .orderBy(asc(identityCardRequests.appointmentDate))
      .limit(500);
    await recordAudit(tx, who.actor, { action: 'identity_card.work_list_viewed', data: { requests: rows.length } });
    return rows.map(({ r, p }) => ({ ...toIdentityCardRequest(r, p, undefined), name: r.name, exemptionProof: r.exemptionProof }));
  });
}
