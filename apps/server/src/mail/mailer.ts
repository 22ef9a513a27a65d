import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';
import type { Queryable } from '../db/client.js';
import { mailOutbox } from '../db/tables/mail.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Queues a message in the outbox inside the caller's transaction; the mail sweep sends it after
 * commit. Use this from every domain module: never send mail inside a transaction.
 */
export async function queueMail(tx: Queryable, mail: OutgoingMail): Promise<string> {
  const [row] = await tx.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row!.id;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file under
 * DATA_DIR/mail so a single-machine install works with no mail server.
 */
export function createTransport(config: Pick<Config, 'mail' | 'dataDir'>): { transporter: Transporter; describe: string } {
  if (config.mail.smtpUrl) {
    return { transporter: nodemailer.createTransport(config.mail.smtpUrl), describe: 'smtp' };
  }
  const dir = path.join(config.dataDir, 'mail');
  fs.mkdirSync(dir, { recursive: true });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const send = transporter.sendMail.bind(transporter);
  transporter.sendMail = (async (message: SendMailOptions) => {
    const info = await send(message);
    const file = path.join(dir, `${Date.now()}-${String(info.messageId).replace(/[^\w.-]/g, '')}.eml`);
    fs.writeFileSync(file, info.message as Buffer);
    return info;
  }) as typeof transporter.sendMail;
  return { transporter, describe: `files in ${dir}` };
}
