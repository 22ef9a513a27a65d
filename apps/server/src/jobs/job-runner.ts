import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { drainSweep, type Sweep } from './sweep.js';

/**
 * pg-boss 12 cannot migrate the schema pg-boss 10 installed (version 24; pg-boss 11 started over
 * and 12 migrates from 25 on). Its queues only ever held sweep triggers, which the timers send
 * again, so that schema is dropped once and pg-boss installs its own (ADR 0003).
 */
const dropPgBoss10Schema = `DO $$
DECLARE v int;
BEGIN
  IF to_regclass('pgboss.version') IS NOT NULL THEN
    EXECUTE 'SELECT max(version) FROM pgboss.version' INTO v;
    IF v < 25 THEN DROP SCHEMA pgboss CASCADE; END IF;
  END IF;
END $$`;

/**
 * Durable jobs in the platform's own database (pg-boss, ADR 0003). On PostgreSQL pg-boss opens its
 * own pool; on embedded PGlite it runs through the same connection via pg-boss's PGlite adapter
 * (the database's executor, see db/client.ts).
 * Sweeps are triggered by a timer in every worker process; pg-boss singleton keys make sure only
 * one run per interval is queued, whichever process fires first.
 */
export class JobRunner {
  readonly boss: PgBoss;
  private timers: NodeJS.Timeout[] = [];
  private sweeps = new Map<string, Sweep>();

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {
    this.boss = database.url
      ? new PgBoss({ connectionString: database.url, max: 4 })
      : new PgBoss({ db: database.executor, backend: 'pglite' });
    this.boss.on('error', (err) => this.log.error({ err }, 'job runner error'));
  }

  async start(): Promise<void> {
    await this.database.executor.executeSql(dropPgBoss10Schema);
    await this.boss.start();
  }

  /** Registers a sweep: its queue, its worker and its trigger. */
  async addSweep(sweep: Sweep): Promise<void> {
    this.sweeps.set(sweep.name, sweep);
    await this.boss.createQueue(sweep.name);
    await this.boss.work(sweep.name, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, sweep.everySeconds / 2)) }, async () => {
      const n = await drainSweep(sweep);
      if (n > 0) this.log.info({ sweep: sweep.name, handled: n }, 'sweep ran');
    });
    const trigger = () =>
      this.boss
        .send(sweep.name, {}, { singletonKey: sweep.name, singletonSeconds: sweep.everySeconds, retryLimit: 0 })
        .catch((err) => this.log.warn({ err, sweep: sweep.name }, 'sweep trigger failed'));
    const timer = setInterval(trigger, sweep.everySeconds * 1000);
    timer.unref();
    this.timers.push(timer);
    void trigger();
  }

  /** Runs a sweep to completion now (CLI and tests). */
  async runNow(name: string): Promise<number> {
    const sweep = this.sweeps.get(name);
    if (!sweep) throw new Error(`unknown sweep ${name}`);
    return drainSweep(sweep);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}
