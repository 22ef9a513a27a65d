/** What the benchmarks (bench-live, bench-record) share: child processes, repo path, start and stop. */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Simulator } from '@vigia/testkit/camera-simulator';
import type { TestDatabase } from '@vigia/testkit/test-database';
import type { App } from '../apps/server/src/app.js';
import type { SqlGateway } from '../apps/server/src/db/gateway.js';

export const here = path.dirname(new URL(import.meta.url).pathname);
export const repo = path.resolve(here, '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Child processes the benchmark started: killed when it exits, whatever happened. */
export const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Stops the camera simulator, the SQL gateway, the API and drops the scratch database. */
export async function stopBench(p: { sim: Simulator; gateway: SqlGateway | undefined; app: App; t: TestDatabase }): Promise<void> {
  await p.sim.stop();
  await p.gateway?.close();
  await p.app.close();
  await p.t.drop();
}

/** Runs the benchmark and exits (0, or 1 with the error printed). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
