import type { AltchaChallenge } from '@vigia/contracts';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Payload } from 'altcha-lib/v1/types';
import { loadKeyFile } from '../../config/key-file.js';
import type { Queryable } from '../../db/client.js';
import { altchaSpent } from '../../db/tables/account-security.js';
import { AppError } from '../../http/errors.js';

/** A challenge is valid for this long after it is issued. */
const CHALLENGE_TTL_MS = 20 * 60_000;

export interface Altcha {
  hmacKey: string;
  maxNumber: number;
}

/** The ALTCHA HMAC key: from configuration, or generated once into DATA_DIR/keys/altcha.key (like the other keys). */
export const loadAltchaKey = (opts: { envKey: string | undefined; dataDir: string }): string =>
  loadKeyFile({ ...opts, file: 'altcha.key' });

export async function newAltchaChallenge(altcha: Altcha): Promise<AltchaChallenge> {
  return createChallenge({ hmacKey: altcha.hmacKey, maxNumber: altcha.maxNumber, expires: new Date(Date.now() + CHALLENGE_TTL_MS) });
}

function decode(payload: string): Payload | null {
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
    return typeof parsed?.signature === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a solved challenge (signature by our key, not expired, the number really solves it)
 * and spends it: its signature is stored until the challenge expires, so the same solution is
 * refused the second time, by any API process.
 */
export async function spendAltcha(db: Queryable, altcha: Altcha, payload: string): Promise<void> {
  const decoded = payload ? decode(payload) : null;
  if (!decoded || !(await verifySolution(decoded, altcha.hmacKey, true))) throw new AppError('ALTCHA_INVALID');
  const expires = Number(extractParams(decoded).expires) * 1000;
  const spent = await db
    .insert(altchaSpent)
    .values({ signature: decoded.signature, expiresAt: new Date(Number.isFinite(expires) ? expires : Date.now() + CHALLENGE_TTL_MS) })
    .onConflictDoNothing()
    .returning({ signature: altchaSpent.signature });
  if (spent.length === 0) throw new AppError('ALTCHA_INVALID');
}

/** The ALTCHA settings of this process, from its configuration. */
export const altchaFrom = (config: {
  dataDir: string;
  accountSecurity: { altchaHmacKey: string | undefined; altchaMaxNumber: number };
}) => ({
  hmacKey: loadAltchaKey({ envKey: config.accountSecurity.altchaHmacKey, dataDir: config.dataDir }),
  maxNumber: config.accountSecurity.altchaMaxNumber,
});
