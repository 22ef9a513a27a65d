import type { App } from '../src/app.js';
import { multipart } from './accreditation.fixtures.js';
import { anonymous } from './helpers/app.js';

/** Anyone checks a copy's bytes against the authenticity code (`POST /api/public/documents/verify`). */
export async function copyMatches(app: App, code: string, data: Buffer): Promise<boolean> {
  const anon = await anonymous(app);
  const mp = multipart({ name: 'copia.pdf', data }, { code });
  const res = await app.inject({
    method: 'POST',
    url: '/api/public/documents/verify',
    headers: { ...mp.headers, cookie: anon.cookie, 'x-csrf-token': anon.csrf },
    payload: mp.payload,
  });
  return res.json().matches;
}

/** The copy with one bit flipped in the middle: what a tampered PDF looks like to the check. */
export function flippedCopy(data: Buffer): Buffer {
  const tampered = Buffer.from(data);
  const middle = Math.floor(tampered.length / 2);
  tampered[middle] = tampered[middle]! ^ 0x01;
  return tampered;
}
