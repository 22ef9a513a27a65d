/** What the benchmarks (bench-live, bench-record, bench-s3) share: child processes, repo path, start and stop. */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Simulator } from '@vigia/testkit/camera-simulator';
import { authHeaders } from '@vigia/testkit/test-app';
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

/** Registers `n` cameras of `partnerId` on the simulator's paths /cam1…/camN (one RTSP port each); returns their ids. */
export async function registerSimCameras(
  app: App,
  admin: Parameters<typeof authHeaders>[0],
  partnerId: string,
  sim: Simulator,
  n: number,
): Promise<string[]> {
  const ports = [sim.port, ...sim.extraPorts];
  const ids: string[] = [];
  for (let k = 1; k <= n; k++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: authHeaders(admin),
      payload: {
        partnerId,
        kind: 'partner_own',
        name: `Sim ${k}`,
        host: '127.0.0.1',
        rtspPort: ports[k - 1]!,
        httpPort: 40_000 + k,
        rtspPath: `/cam${k}`,
        latitude: -15.6,
        longitude: -56.1,
        municipalityIbge: '5103403',
        heading: 0,
        fieldOfView: 90,
        mounting: 'pole',
        credentials: { username: sim.user, password: sim.password },
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids.push(res.json().id as string);
  }
  return ids;
}
