/**
 * The sweep pattern (STYLE §6): a periodic job that finds due items in bounded batches and
 * handles each idempotently, so re-running after a crash is always safe. Deadline, retention and
 * health jobs are sweeps.
 */
export interface Sweep {
  name: string;
  /** How often the sweep is triggered. */
  everySeconds: number;
  /** Upper bound on items handled per batch. */
  batchSize: number;
  /** Handles at most `limit` due items; returns how many it handled. */
  runBatch(limit: number): Promise<number>;
}

/** Runs batches until one comes back short or the time budget is spent. Returns items handled. */
export async function drainSweep(sweep: Sweep, budgetMs = 20_000): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const n = await sweep.runBatch(sweep.batchSize);
    total += n;
    if (n < sweep.batchSize || Date.now() - started > budgetMs) return total;
  }
}
