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
 * What every anonymous request (sign-up, confirmation resend, password reset, an anonymous
 * ombudsman manifestation) passes first: a per-address limit in the shared store (every attempt counts, whatever its outcome),
 * then a fresh, unspent proof-of-work solution. Nothing else is read or written before both pass.
 */
export async function passPublicGate(
  deps: PublicGateDeps,
  bucket: string,
  ip: string,
  altchaPayload: string,
  /** Another form's own limit (e.g. the ombudsman's anonymous channel); default: the accounts' one. */
  limit?: { max: number; windowMs: number },
): Promise<void> {
  const { maxPerAddress, windowMs } = deps.config.accountSecurity;
  const { allowed } = await hitRateLimit(deps.db, bucket, ip, limit ?? { max: maxPerAddress, windowMs });
  if (!allowed) {
    throw new AppError('RATE_LIMITED', 'Muitas solicitações a partir deste endereço de rede. Aguarde cerca de uma hora e tente novamente.');
  }
  await spendAltcha(deps.db, deps.altcha, altchaPayload);
}
