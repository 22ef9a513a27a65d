import type { PartnerSignUpRequest } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { partners } from '../../db/tables/partners.js';
import { queueMail } from '../../mail/mailer.js';
import { accountMail } from '../accounts/account-mail.js';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { issueEmailToken } from '../accounts/email-tokens.js';
import { hashPassword } from '../accounts/password.js';
import { type PublicGateDeps, passPublicGate } from '../accounts/public-request-gate.js';
import { insertUser } from '../accounts/users.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { checkMunicipality, profileValues } from './partner-profile.js';

export const SIGN_UP_ACCEPTED =
  'Cadastro recebido. Enviamos um e-mail para o endereço de acesso informado: siga o link da mensagem para ativar a conta e depois entre no sistema.';

/**
 * Public sign-up (Art. 3, Art. 8): the partner and its first partner_user account, created
 * `pending_email` until the mailed link is followed. Behind the per-address limit and the proof
 * of work. The answer is the same whether the e-mail or the CPF/CNPJ is already registered (no
 * enumeration): then nothing is created and the existing owner is told by e-mail instead. The
 * password is hashed in every branch so the timing does not tell the branches apart either.
 */
export async function signUpPartner(deps: PublicGateDeps, actor: AuditActor, ip: string, input: PartnerSignUpRequest): Promise<void> {
  checkMunicipality(input.address.municipalityIbge);
  await passPublicGate(deps, 'sign-up', ip, input.altcha);
  const passwordHash = await hashPassword(input.account.password);
  const { config } = deps;
  await deps.db
    .transaction(async (tx) => {
      const existingUser = await findUserByEmail(tx, input.account.email);
      const [existingPartner] = await tx.select().from(partners).where(eq(partners.document, input.document)).limit(1);
      if (existingUser || existingPartner) {
        if (existingUser) await queueMail(tx, accountMail.signUpAttempt(existingUser.email, config.publicUrl, 'email'));
        if (existingPartner?.email && existingPartner.email !== existingUser?.email)
          await queueMail(tx, accountMail.signUpAttempt(existingPartner.email, config.publicUrl, 'document'));
        await recordAudit(tx, actor, {
          action: 'partner.sign_up_duplicate',
          data: { emailTaken: Boolean(existingUser), documentTaken: Boolean(existingPartner) },
        });
        return;
      }
      const [row] = await tx.insert(partners).values(profileValues(input)).returning();
      await recordAudit(tx, actor, {
        action: 'partner.signed_up',
        targetType: 'partner',
        targetId: row!.id,
        data: { kind: input.kind, name: input.name },
      });
      const user = await insertUser(tx, actor, {
        email: input.account.email,
        name: input.account.name,
        passwordHash,
        status: 'pending_email',
        grants: [{ role: 'partner_user', partnerId: row!.id, municipalityIbge: null, securityRegionId: null, unit: null }],
      });
      const token = await issueEmailToken(tx, user.id, 'confirm_email', config.accountSecurity.confirmTtlMs);
      await queueMail(tx, accountMail.confirm(user.email, config.publicUrl, token));
    })
    // Two concurrent sign-ups with the same e-mail or CPF/CNPJ: the loser hits a unique index and
    // rolls back; it answers like every other sign-up instead of a 500 that would tell them apart.
    .catch((err: unknown) => {
      if (uniqueViolation(err)) return;
      throw err;
    });
}

function uniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}
