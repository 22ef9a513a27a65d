import { solveChallenge } from 'altcha-lib/v1';
import type { App } from '../../src/app.js';

/**
 * Fetches an ALTCHA challenge from the app and really solves it (proof of work with altcha-lib's
 * solver; tests run with a small ALTCHA_MAX_NUMBER). Returns the payload a form posts.
 */
export async function solvedAltcha(app: App): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/public/altcha/challenge' });
  if (res.statusCode !== 200) throw new Error(`altcha challenge failed: ${res.body}`);
  const c = res.json();
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('altcha challenge not solved');
  const payload = { algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
