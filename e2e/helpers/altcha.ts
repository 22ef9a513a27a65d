import type { HttpClient } from '@vigia/testkit/server-process';
import { solveChallenge } from 'altcha-lib/v1';

/** Solves the platform's proof-of-work challenge over HTTP (for API-level sign-ups in e2e tests). */
export async function solvedAltchaOver(http: HttpClient): Promise<string> {
  const { json: c } = await http.request('GET', '/api/public/altcha/challenge');
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('altcha challenge not solved');
  return Buffer.from(
    JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature }),
  ).toString('base64');
}
