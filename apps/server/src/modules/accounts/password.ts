import argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1). */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, options);

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so response time does not reveal it. */
let decoyHash: Promise<string> | undefined;
export const decoy = (): Promise<string> => (decoyHash ??= hashPassword('decoy-password-not-used'));
