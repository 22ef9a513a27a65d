import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../src/db/tables/mail.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { drainSweep, type Sweep } from '../src/jobs/sweep.js';
import { mailSweep } from '../src/mail/mail-sweep.js';
import { createTransport, queueMail } from '../src/mail/mailer.js';
import { testConfig } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startSmtp, waitFor } from './helpers/smtp.js';

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await t?.drop();
});

describe('mail outbox through a real SMTP server', () => {
  it('sends a committed message and marks it sent', async () => {
    const { transporter } = createTransport(testConfig(t.dataDir, { SMTP_URL: smtp.url }));
    const sweep = mailSweep({ db: t.database.db, transporter, from: 'Vigia Mais MT <nao-responda@vigiamais.local>' });
    const id = await t.database.db.transaction((tx) =>
      queueMail(tx, { to: 'cooperativa@teste.local', subject: 'Notificação de diligência', text: 'Prazo: 10 dias úteis.' }),
    );
    expect(await drainSweep(sweep)).toBe(1);
    const mail = await waitFor(() => smtp.received.find((m) => m.to.includes('cooperativa@teste.local')));
    expect(mail.raw).toContain('Notifica');
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row!.status).toBe('sent');
    expect(await drainSweep(sweep)).toBe(0); // idempotent: nothing sent twice
    expect(smtp.received.filter((m) => m.to.includes('cooperativa@teste.local'))).toHaveLength(1);
  });

  it('never sends mail for a rolled-back change', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await queueMail(tx, { to: 'rollback@teste.local', subject: 'x', text: 'x' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'rollback@teste.local'));
    expect(rows).toHaveLength(0);
  });

  it('keeps a message pending with a retry time when the SMTP server is down', async () => {
    const { transporter } = createTransport(testConfig(t.dataDir, { SMTP_URL: 'smtp://127.0.0.1:1' }));
    const sweep = mailSweep({ db: t.database.db, transporter, from: 'x@vigiamais.local' });
    const id = await t.database.db.transaction((tx) => queueMail(tx, { to: 'retry@teste.local', subject: 's', text: 't' }));
    await drainSweep(sweep);
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.notBefore.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('durable job runner (pg-boss) on this database', () => {
  it('triggers a registered sweep and runs its batches', async () => {
    const runner = new JobRunner(t.database, log);
    await runner.start();
    let due = 7;
    const seen: number[] = [];
    const sweep: Sweep = {
      name: 'test-sweep',
      everySeconds: 1,
      batchSize: 3,
      async runBatch(limit) {
        const n = Math.min(limit, due);
        due -= n;
        seen.push(n);
        return n;
      },
    };
    try {
      await runner.addSweep(sweep);
      await waitFor(() => due === 0, 30_000);
      expect(seen.slice(0, 3)).toEqual([3, 3, 1]);
    } finally {
      await runner.stop();
    }
  });
});

describe('job runner over a database that pg-boss 10 set up', () => {
  it('replaces the old pg-boss schema (version 24, not migratable) and runs sweeps again', async () => {
    // What pg-boss 10 leaves behind, as far as the upgrade looks at it: its schema at version 24.
    await t.database.executor.executeSql('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await t.database.executor.executeSql(
      'CREATE SCHEMA pgboss; CREATE TABLE pgboss.version (version int PRIMARY KEY); INSERT INTO pgboss.version VALUES (24)',
    );
    const runner = new JobRunner(t.database, log);
    await runner.start();
    let due = 2;
    try {
      await runner.addSweep({
        name: 'after-upgrade',
        everySeconds: 1,
        batchSize: 5,
        async runBatch(limit) {
          const n = Math.min(limit, due);
          due -= n;
          return n;
        },
      });
      await waitFor(() => due === 0, 30_000);
      const { rows } = await t.database.executor.executeSql('SELECT max(version) AS version FROM pgboss.version');
      expect(Number((rows[0] as { version: number }).version)).toBeGreaterThan(24);
    } finally {
      await runner.stop();
    }
  });
});
