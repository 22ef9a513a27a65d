import type { AltchaChallenge } from '@vigia/contracts';
import { apiRequest } from '../api/api-client';

/**
 * Fetches a proof-of-work challenge for a public form and solves it in a web worker. Returns the
 * payload the API expects in the form's `altcha` field (base64 JSON, the ALTCHA format).
 */
export async function solveAltcha(): Promise<string> {
  const c = await apiRequest<AltchaChallenge>('/api/public/altcha/challenge');
  const worker = new Worker(new URL('./altcha.worker.ts', import.meta.url), { type: 'module' });
  try {
    const number = await new Promise<number | null>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ number: number | null }>) => resolve(event.data.number);
      worker.onerror = () => reject(new Error('altcha worker failed'));
      worker.postMessage({ challenge: c.challenge, salt: c.salt, maxnumber: c.maxnumber ?? 1_000_000 });
    });
    if (number === null) throw new Error('altcha challenge not solved');
    return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }));
  } finally {
    worker.terminate();
  }
}
