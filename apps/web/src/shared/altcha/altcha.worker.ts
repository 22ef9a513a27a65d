/// <reference lib="webworker" />
/**
 * Solves an ALTCHA challenge off the main thread: finds the number n ≤ maxnumber whose
 * SHA-256(salt + n), in hex, equals the challenge. It is only a proof of work (the server's
 * altcha-lib checks the answer and its HMAC signature).
 */
interface Job {
  challenge: string;
  salt: string;
  maxnumber: number;
}

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = async (event: MessageEvent<Job>) => {
  const { challenge, salt, maxnumber } = event.data;
  const encoder = new TextEncoder();
  for (let n = 0; n <= maxnumber; n++) {
    if (hex(await crypto.subtle.digest('SHA-256', encoder.encode(salt + n))) === challenge) {
      self.postMessage({ number: n });
      return;
    }
  }
  self.postMessage({ number: null });
};
