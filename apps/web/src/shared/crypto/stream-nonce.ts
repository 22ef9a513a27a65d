import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The nonce a live or playback session keeps in memory; the API only ever gets its SHA-256
 * (`streamNonceHash`), so a token copied out of the page is useless without the session's object.
 */
export function randomNonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * SHA-256 (hex) of a nonce, computed synchronously: `crypto.subtle.digest` resolves in a later task,
 * which on a loading page put the first-frame token request behind the page's other work.
 */
export function streamNonceHash(nonce: string): string {
  return bytesToHex(sha256(utf8ToBytes(nonce)));
}
