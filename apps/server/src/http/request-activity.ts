import type { FastifyInstance } from 'fastify';

/**
 * The requests this process is serving right now, so background work that competes with them for
 * the CPU (the render thread's PDFs, their database writes) can wait for a quiet moment. A request
 * counts from `onRequest` until its socket response closes (sent, failed or aborted by the client).
 */
export class RequestActivity {
  private inFlight = 0;
  /** When the count last dropped to zero (0 at start: quiet since ever). */
  private quietSince = 0;

  /** Counts every request of `app` (call before the routes are registered). */
  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (_request, reply) => {
      this.inFlight++;
      reply.raw.once('close', () => {
        if (--this.inFlight === 0) this.quietSince = Date.now();
      });
    });
  }

  /** No request in flight for at least `quietMs`. */
  isQuiet(quietMs: number, now = Date.now()): boolean {
    return this.inFlight === 0 && now - this.quietSince >= quietMs;
  }

  /**
   * Resolves once no request has been in flight for `quietMs`, or after `maxWaitMs` whatever the
   * load (work that waits here is never starved, only paced: one piece per `maxWaitMs` at worst).
   */
  async quiet(opts: { quietMs: number; maxWaitMs: number }): Promise<void> {
    const until = Date.now() + opts.maxWaitMs;
    for (let now = Date.now(); !this.isQuiet(opts.quietMs, now) && now < until; now = Date.now()) {
      await new Promise((r) => setTimeout(r, Math.min(opts.quietMs, until - now)));
    }
  }
}
