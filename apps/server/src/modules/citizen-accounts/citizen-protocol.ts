import { randomBytes } from 'node:crypto';
import { toCuiabaDate } from '../calendar/local-date.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A citizen-service protocol, e.g. "CAC-2026-7KQ2M-X9RTP" (prefix per service, year in Cuiabá). */
export function newCitizenProtocol(prefix: string, now: Date): string {
  const code = Array.from(randomBytes(10), (x) => ALPHABET[x % ALPHABET.length]).join('');
  return `${prefix}-${toCuiabaDate(now).slice(0, 4)}-${code.slice(0, 5)}-${code.slice(5)}`;
}
