import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { type Altcha, spendAltcha } from './altcha.js';
import { hitRateLimit } from './rate-limit.js';

export interface PublicGateDeps {
  db: Db;
  config: Pick<Config, 'accountSecurity' | 'publicUrl'>;
  altcha: Altcha;
}

/**
 * What every anonymous account request (sign-up, confirmation resend, password reset) passes
 * first: a per-address limit in the shared store (every attempt counts, whatever its outcome),
 * then a fresh, unspent proof-of-work solution. Nothing else is read or written before both pass.
 */
export async function passPublicGate(deps: PublicGateDeps, bucket: string, ip: string, altchaPayload: string): Promise<void> {
  const { maxPerAddress, windowMs } = deps.config.accountSecurity;
  const { allowed } = await hitRateLimit(deps.db, bucket, ip, { max: maxPerAddress, windowMs });
  if (!allowed) {
    throw new AppError('RATE_LIMITED', 'Muitas solicitações a partir deste endereço de rede. Aguarde cerca de uma hora e tente novamente.');
  }
  await spendAltcha(deps.db, deps.altcha, altchaPayload);
}
