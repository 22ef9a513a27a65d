import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import { queueMail } from '../../mail/mailer.js';
import type { ReportRow } from './police-report-deps.js';

/**
 * E-mails the citizen about their report (through the outbox, in the caller's transaction). In a
 * domestic-violence situation the mailbox may be read by the aggressor: the message is neutral
 * (no kind, no protocol, no content) and only says there is an update in the portal.
 */
export async function notifyCitizen(tx: Tx, row: ReportRow, mail: { subject: string; text: string }) {
  const [citizen] = await tx.select({ email: citizens.email }).from(citizens).where(eq(citizens.id, row.citizenId));
  if (!citizen?.email) return;
  const discreet = !!row.content.domesticViolence;
  await queueMail(tx, {
    to: citizen.email,
    ...(discreet
      ? { subject: 'Portal da Segurança: atualização disponível', text: 'Há uma atualização em Meus serviços, no Portal da Segurança.\n' }
      : mail),
  });
}
