import { eq } from 'drizzle-orm';
import { users } from '../../db/tables/accounts.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { accountMail } from './account-mail.js';
import { findUserByEmail } from './accounts.repository.js';
import { issueEmailToken, spendEmailToken } from './email-tokens.js';
import { type PublicGateDeps, passPublicGate } from './public-request-gate.js';
import { hitRateLimit } from './rate-limit.js';

export const CONFIRMATION_SENT =
  'Se os dados estiverem corretos, enviamos um e-mail com o link de confirmação. Siga o link para ativar a conta.';

/** Activates a `pending_email` account with the token mailed at sign-up (single use, expires). */
export async function confirmEmail(deps: Pick<PublicGateDeps, 'db'>, actor: AuditActor, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, token, 'confirm_email');
    if (!userId) throw new AppError('EMAIL_TOKEN_INVALID');
    const [user] = await tx
      .update(users)
      .set({ status: 'active', updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email, status: users.status });
    await recordAudit(
      tx,
      { ...actor, id: user!.id, label: user!.email },
      { action: 'user.email_confirmed', targetType: 'user', targetId: userId },
    );
  });
}

/**
 * Mails a new confirmation link to a pending account (at most 3 per account per window, on top of
 * the per-address limit). Answers the same whether the e-mail exists, is pending or is active.
 */
export async function resendConfirmation(deps: PublicGateDeps, actor: AuditActor, ip: string, input: { email: string; altcha: string }) {
  await passPublicGate(deps, 'confirm-resend', ip, input.altcha);
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || user.status !== 'pending_email') return;
  const { allowed } = await hitRateLimit(deps.db, 'confirm-resend-account', user.id, {
    max: 3,
    windowMs: deps.config.accountSecurity.windowMs,
  });
  if (!allowed) return;
  await deps.db.transaction(async (tx) => {
    const token = await issueEmailToken(tx, user.id, 'confirm_email', deps.config.accountSecurity.confirmTtlMs);
    await queueMail(tx, accountMail.confirm(user.email, deps.config.publicUrl, token));
    await recordAudit(tx, actor, { action: 'user.confirmation_resent', targetType: 'user', targetId: user.id });
  });
}
