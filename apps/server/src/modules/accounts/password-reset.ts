import type { PasswordResetConfirm, PasswordResetRequest } from '@vigia/contracts';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/tables/accounts.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { accountMail } from './account-mail.js';
import { findUserByEmail } from './accounts.repository.js';
import { issueEmailToken, spendEmailToken } from './email-tokens.js';
import { hashPassword } from './password.js';
import { type PublicGateDeps, passPublicGate } from './public-request-gate.js';
import { revokeUserSessions } from './session.service.js';

export const RESET_SENT = 'Se houver uma conta com este e-mail, enviamos um link para redefinir a senha. Verifique a sua caixa de entrada.';

/**
 * "Esqueci a senha": the answer is the same for a known and an unknown e-mail (the owner learns
 * by e-mail, nobody else learns anything). Suspended accounts get no link.
 */
export async function requestPasswordReset(
  deps: PublicGateDeps,
  actor: AuditActor,
  ip: string,
  input: PasswordResetRequest,
): Promise<void> {
  await passPublicGate(deps, 'password-reset', ip, input.altcha);
  const user = await findUserByEmail(deps.db, input.email);
  await deps.db.transaction(async (tx) => {
    if (!user || user.status === 'suspended') {
      await recordAudit(tx, actor, { action: 'auth.reset_requested', data: { email: input.email, known: false } });
      return;
    }
    const token = await issueEmailToken(tx, user.id, 'password_reset', deps.config.accountSecurity.resetTtlMs);
    await queueMail(tx, accountMail.reset(user.email, deps.config.publicUrl, token));
    await recordAudit(tx, actor, { action: 'auth.reset_requested', targetType: 'user', targetId: user.id });
  });
}

/** Sets the new password with the mailed token; ends every session and clears the lock. */
export async function resetPassword(deps: Pick<PublicGateDeps, 'db'>, actor: AuditActor, input: PasswordResetConfirm): Promise<void> {
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, input.token, 'password_reset');
    if (!userId) throw new AppError('EMAIL_TOKEN_INVALID');
    await tx
      .update(users)
      // The link proves the mailbox, so a still-unconfirmed account is confirmed by it too.
      .set({
        passwordHash: hash,
        failedLogins: 0,
        lockedUntil: null,
        status: sql`CASE WHEN ${users.status} = 'pending_email' THEN 'active' ELSE ${users.status} END`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    const ended = await revokeUserSessions(tx, userId, 'password_reset');
    await recordAudit(tx, actor, { action: 'auth.password_reset', targetType: 'user', targetId: userId, data: { sessionsEnded: ended } });
  });
}
