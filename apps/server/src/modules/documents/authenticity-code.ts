import { randomInt } from 'node:crypto';

/** Crockford-style alphabet: no I, L, O, U (nothing to misread when typed from paper). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random 16-character code in four groups (80 bits), e.g. "7K2M-9QXR-4T8W-ZC3N". */
export function newAuthenticityCode(): string {
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}

export const verifyUrlFor = (publicUrl: string, code: string): string => `${publicUrl.replace(/\/$/, '')}/verificar/${code}`;
