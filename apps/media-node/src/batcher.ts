/**
 * Gathers calls into one batch: calls made in the same turn of the event loop, and calls made while
 * the previous batch is still running, go out together. The live socket's checks use it — a console
 * layout subscribes 16 cameras in one burst, and 16 queries queued one behind the other on the
 * database (one connection through the SQL gateway on an embedded database) made the last tile wait
 * for all of them (docs/benchmarks.md "Live view").
 *
 * `run` answers the items in order. If a batch of several fails, each item is run again alone, so
 * one bad item (a row the database refuses) fails only its own call.
 */
export class Batcher<I, O> {
  private pending: Array<{ item: I; resolve(o: O): void; reject(e: unknown): void }> = [];
  private scheduled = false;
  private running = false;

  constructor(private readonly run: (items: I[]) => Promise<O[]>) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    this.running = true;
    try {
      const out = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else
        await Promise.all(
          batch.map((b) =>
            this.run([b.item]).then(
              (out) => b.resolve(out[0]!),
              (e) => b.reject(e),
            ),
          ),
        );
    } finally {
      this.running = false;
      if (this.pending.length) this.schedule();
    }
  }
}
