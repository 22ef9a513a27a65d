import { createHash } from 'node:crypto';
import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { documentRenders, generatedDocuments } from '../../db/tables/documents.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { ActContent } from './act-content.js';
import { verifyUrlFor } from './authenticity-code.js';
import type { DocumentsDeps } from './issue-document.js';
import { renderInThread } from './render-thread.js';

const actor = systemActor('documents:render');

/** Retry delay after a failed render: 1, 2, 4 … minutes, capped at one hour. */
const backoffMs = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/**
 * Renders one act issued with `render: 'deferred'` and records it: the bytes are made on the render
 * thread outside any transaction, then one short transaction re-checks that the render is still
 * pending (row lock), writes the file, sets size and SHA-256, drops the pending row and chains a
 * `document.rendered` audit entry with the hash. Idempotent: a second run (queue and sweep, or two
 * processes) finds nothing pending and writes nothing. Returns whether this run recorded the file.
 */
export async function renderPendingDocument(db: Db, deps: DocumentsDeps, documentId: string): Promise<boolean> {
  const [job] = await db
    .select({ content: documentRenders.content, attempts: documentRenders.attempts, doc: generatedDocuments })
    .from(documentRenders)
    .innerJoin(generatedDocuments, eq(generatedDocuments.id, documentRenders.documentId))
    .where(eq(documentRenders.documentId, documentId));
  if (!job) return false;
  const { doc } = job;
  let bytes: Buffer;
  try {
    const stamp = { code: doc.code, verifyUrl: verifyUrlFor(deps.publicUrl, doc.code), issuedAt: doc.issuedAt };
    bytes = await renderInThread(doc.format, job.content as ActContent, stamp);
  } catch (err) {
    await db
      .update(documentRenders)
      .set({
        attempts: job.attempts + 1,
        lastError: String((err as Error).message).slice(0, 500),
        notBefore: new Date(Date.now() + backoffMs(job.attempts + 1)),
      })
      .where(eq(documentRenders.documentId, documentId));
    throw err;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction(async (tx) => {
    const [still] = await tx
      .select({ id: documentRenders.documentId })
      .from(documentRenders)
      .where(eq(documentRenders.documentId, documentId))
      .for('update');
    if (!still) return false;
    await deps.storage.write(doc.storageKey, bytes);
    await tx.update(generatedDocuments).set({ sha256, sizeBytes: bytes.length }).where(eq(generatedDocuments.id, documentId));
    await tx.delete(documentRenders).where(eq(documentRenders.documentId, documentId));
    await recordAudit(tx, actor, {
      action: 'document.rendered',
      targetType: 'generated_document',
      targetId: documentId,
      data: { code: doc.code, kind: doc.kind, format: doc.format, subjectType: doc.subjectType, subjectId: doc.subjectId, sha256 },
    });
    return true;
  });
}

/**
 * The process's render queue: ids scheduled right after the issuing transaction commits are
 * rendered one at a time, in order, on the render thread. Bounded: past `max` waiting ids (or with
 * max 0) an id is left to the render sweep, which also picks up whatever a crash left pending — the
 * pending row is the durable state, this queue only makes it fast.
 *
 * Renders yield to requests: before each one the queue waits for `yieldTo` (the API passes "no
 * request in flight for a few ms, or at most a bound"), so under a burst of issues the PDFs are made
 * in the quiet moments after it instead of taking CPU and database turns from the burst; the
 * download answers 202 + Retry-After meanwhile.
 */
export class DocumentRenderQueue {
  private readonly waiting: string[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly deps: DocumentsDeps,
    private readonly opts: { max: number; log?: FastifyBaseLogger; yieldTo?: () => Promise<void> },
  ) {}

  /** Call after commit with the ids `issueDocument` returned. */
  schedule(documentIds: string[]): void {
    for (const id of documentIds) {
      if (this.waiting.length >= this.opts.max) {
        this.opts.log?.warn({ documentId: id, queued: this.waiting.length }, 'render queue full: left to the render sweep');
        continue;
      }
      this.waiting.push(id);
    }
    if (!this.running && this.waiting.length) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Shutdown: drops what is waiting (it stays pending for the render sweep) and waits for the render under way. */
  async close(): Promise<void> {
    this.waiting.length = 0;
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      await this.opts.yieldTo?.();
      const id = this.waiting.shift();
      if (!id) return; // closed while waiting
      try {
        await renderPendingDocument(this.db, this.deps, id);
      } catch (err) {
        this.opts.log?.error({ err, documentId: id }, 'deferred render failed: the render sweep retries it');
      }
    }
  }
}

/**
 * Renders what is still pending `graceMs` after issue (a full queue, a crash, a failed render after
 * its back-off), oldest first, in bounded batches. Safe to run anywhere and again.
 */
export function documentRenderSweep(db: Db, deps: DocumentsDeps, log?: FastifyBaseLogger, graceMs = 30_000): Sweep {
  return {
    name: 'document-renders',
    everySeconds: 10,
    batchSize: 20,
    async runBatch(limit) {
      const due = await db
        .select({ id: documentRenders.documentId })
        .from(documentRenders)
        .where(
          and(
            lte(documentRenders.notBefore, sql`now()`),
            lt(documentRenders.createdAt, sql`now() - make_interval(secs => ${graceMs / 1000})`),
          ),
        )
        .orderBy(asc(documentRenders.createdAt))
        .limit(limit);
      let handled = 0;
      for (const { id } of due) {
        try {
          await renderPendingDocument(db, deps, id);
        } catch (err) {
          log?.error({ err, documentId: id }, 'deferred render failed');
        }
        handled++;
      }
      return handled;
    },
  };
}
