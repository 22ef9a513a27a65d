import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/tables/audit.js';
import { recordAudit, systemActor, verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { authHeaders, makeUser, signIn, useTestApp } from './helpers/app.js';

const ctx = useTestApp();

const bypassTrigger = async (fn: () => Promise<unknown>) => {
  await ctx.t.database.db.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
  try {
    await fn();
  } finally {
    await ctx.t.database.db.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
  }
};

describe('audit trail', () => {
  it('records actor, action, target, reason, UTC time, origin and the previous hash', async () => {
    const admin = await makeUser(ctx.t.database, ['admin']);
    const s = await signIn(ctx.app, admin.email);
    const target = await makeUser(ctx.t.database, ['partner_user']);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${target.id}/suspend`,
      headers: { ...authHeaders(s), 'user-agent': 'teste/1.0' },
      payload: { reason: 'Motivo registrado para auditoria.' },
    });
    const [row] = await ctx.t.database.db.select().from(auditEvents).where(sql`${auditEvents.action} = 'user.suspended'`);
    expect(row).toMatchObject({
      actorId: admin.id,
      actorLabel: admin.email,
      targetType: 'user',
      targetId: target.id,
      reason: 'Motivo registrado para auditoria.',
    });
    expect(row!.origin).toContain('teste/1.0');
    expect(row!.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.at).toBeInstanceOf(Date);
  });

  it('is written in the same transaction as the change: a rollback leaves no row', async () => {
    const before = (await verifyAuditChain(ctx.t.database.db)).checked;
    await expect(
      ctx.t.database.db.transaction(async (tx) => {
        await recordAudit(tx, systemActor('test'), { action: 'test.rolled_back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await verifyAuditChain(ctx.t.database.db);
    expect(after.checked).toBe(before);
    expect(after.ok).toBe(true);
  });

  it('refuses UPDATE and DELETE', async () => {
    await expect(ctx.t.database.db.execute(sql`UPDATE audit_event SET reason = 'x'`)).rejects.toThrow();
    await expect(ctx.t.database.db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
  });

  it('verifies through the API for auditors and names the first broken row after tampering', async () => {
    const auditor = await makeUser(ctx.t.database, ['auditor']);
    const s = await signIn(ctx.app, auditor.email);
    const good = await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } });
    expect(good.json()).toMatchObject({ ok: true, firstBroken: null });

    const rows = await ctx.t.database.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(auditEvents.seq);
    const victim = rows[2]!.seq;
    await bypassTrigger(() => ctx.t.database.db.execute(sql`UPDATE audit_event SET reason = 'adulterado' WHERE seq = ${victim}`));
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } });
    expect(bad.json()).toMatchObject({ ok: false, firstBroken: { seq: victim, problem: 'hash_mismatch' } });
  });

  it('detects a deleted row at the row after it', async () => {
    const rows = await ctx.t.database.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(auditEvents.seq);
    // The first row precedes the row tampered with above, so the deletion is what verification finds first.
    const first = rows[0]!.seq;
    const second = rows[1]!.seq;
    await bypassTrigger(() => ctx.t.database.db.execute(sql`DELETE FROM audit_event WHERE seq = ${first}`));
    const result = await verifyAuditChain(ctx.t.database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: second, problem: 'prev_hash_mismatch' } });
  });
});
