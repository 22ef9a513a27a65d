import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { App } from '../../src/app.js';

/**
 * Runs a hostile request while asking /healthz over and over until it settles (issue 12: a ZIP
 * bomb used to hold the event loop for seconds). Returns the request's response, how many health
 * checks answered while it was pending (at least one is always sent after it starts) and the
 * longest event-loop stall seen, for a generous bound — the old synchronous unzip stalled 6 s.
 */
export async function whileResponsive<T>(app: App, request: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let settled = false;
  const pending = request().finally(() => {
    settled = true;
  });
  const statuses: number[] = [];
  do {
    statuses.push((await app.inject({ method: 'GET', url: '/healthz' })).statusCode);
    await new Promise((r) => setTimeout(r, 20));
  } while (!settled);
  const result = await pending;
  loop.disable();
  return { result, healthStatuses: statuses, maxStallMs: loop.max / 1e6 };
}
