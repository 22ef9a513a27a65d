import { type LoginRequest, requiresMfa, type SessionStage } from '@vigia/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { loginAttempts, users } from '../../db/tables/accounts.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { findUserByEmail, findUserById, grantsOf, recentEmailFailures, recentIpFailures } from './accounts.repository.js';
import { decoy, verifyPassword } from './password.js';
import { type AuthContext, createSession, revokeSession, setSessionStage } from './session.service.js';
import { checkTotp, newTotpSecret, totpEnrolment } from './totp.js';

export interface AuthDeps {
  db: Db;
  config: Pick<Config, 'session' | 'login'>;
}

interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

/**
 * Password step of sign-in. Per-IP failures over a window are rate-limited; consecutive failures
 * on one account lock it for a while. The response never tells whether the e-mail exists.
 */
export async function login(deps: AuthDeps, input: LoginRequest, meta: RequestMeta) {
  const { db, config } = deps;
  const origin = meta.ip;
  if ((await recentIpFailures(db, meta.ip, new Date(Date.now() - config.login.windowMs))) >= config.login.ipMaxFailures) {
    throw new AppError('RATE_LIMITED');
  }
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    // Lockout parity: an unknown e-mail locks after as many failures as a real account does, so
    // the lock does not tell which e-mails exist (counted per e-mail in login_attempt).
    const earlier = await recentEmailFailures(db, input.email, new Date(Date.now() - config.login.lockMs));
    if (earlier >= config.login.maxFailures) throw new AppError('ACCOUNT_LOCKED');
    await verifyPassword(await decoy(), input.password);
    const lock = earlier + 1 >= config.login.maxFailures;
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ ip: meta.ip, email: input.email, success: false });
      await recordAudit(
        tx,
        { id: null, label: null, origin },
        { action: 'auth.login_failed', data: { email: input.email, why: 'unknown_email' } },
      );
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.login.maxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + config.login.lockMs) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await tx.insert(loginAttempts).values({ ip: meta.ip, email: input.email, success: false });
      await recordAudit(
        tx,
        { id: user.id, label: user.email, origin },
        {
          action: lock ? 'auth.account_locked' : 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          data: { failures },
        },
      );
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  // Only someone holding the password learns that the e-mail is not confirmed yet.
  if (user.status === 'pending_email') throw new AppError('EMAIL_NOT_CONFIRMED');
  if (user.status !== 'active') throw new AppError('ACCOUNT_SUSPENDED');

  const roles = (await grantsOf(db, user.id)).map((g) => g.role);
  const stage: SessionStage = user.mfaEnabled ? 'mfa_verify' : requiresMfa(roles) ? 'mfa_enrol' : 'active';
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(loginAttempts).values({ ip: meta.ip, email: input.email, success: true });
    const created = await createSession(tx, config.session, user.id, stage, meta);
    await recordAudit(
      tx,
      { id: user.id, label: user.email, origin },
      {
        action: stage === 'active' ? 'auth.login' : 'auth.password_ok',
        targetType: 'user',
        targetId: user.id,
        data: { stage },
      },
    );
    return created;
  });
}

/** Starts TOTP enrolment: a new secret is kept on the session until a code confirms it. */
export async function startMfaEnrolment(deps: AuthDeps, ctx: AuthContext) {
  const secret = newTotpSecret();
  await setSessionStage(deps.db, ctx.session.id, 'mfa_enrol', secret);
  return totpEnrolment(secret, ctx.user.email);
}

/**
 * Confirms enrolment or verifies a code; on success the partial session is replaced by a new,
 * fully active one (a fresh token, so a token seen before MFA is worthless after it).
 */
export async function completeMfa(deps: AuthDeps, ctx: AuthContext, code: string, meta: RequestMeta, actor: AuditActor) {
  const { db, config } = deps;
  const enrolling = ctx.session.stage === 'mfa_enrol';
  const secret = enrolling ? ctx.session.pendingMfaSecret : ctx.user.mfaSecret;
  if (!secret) throw new AppError('INVALID_STATE', 'Inicie o cadastro do aplicativo autenticador antes de informar o código.');
  const user = await findUserById(db, ctx.user.id);
  const result = await checkTotp(secret, code, enrolling ? null : (user?.mfaLastTimeStep ?? null));
  if (!result.ok) {
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'auth.mfa_failed', targetType: 'user', targetId: ctx.user.id }));
    throw new AppError('MFA_INVALID_CODE');
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        mfaLastTimeStep: result.timeStep,
        ...(enrolling ? { mfaSecret: secret, mfaEnabled: true } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, ctx.user.id));
    await revokeSession(tx, ctx.session.id, 'mfa_completed');
    const created = await createSession(tx, config.session, ctx.user.id, 'active', meta);
    await recordAudit(tx, actor, {
      action: enrolling ? 'auth.mfa_enrolled' : 'auth.login',
      targetType: 'user',
      targetId: ctx.user.id,
      data: { mfa: true },
    });
    return created;
  });
}

export async function logout(deps: AuthDeps, ctx: AuthContext, actor: AuditActor) {
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, ctx.session.id, 'logout');
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: ctx.user.id });
  });
}
