import { describe, expect, it } from 'vitest';
import { randomNonce, streamNonceHash } from './stream-nonce';

describe('stream nonce', () => {
  it('hashes with SHA-256 as the API checks it (FIPS 180-2 vector and WebCrypto)', async () => {
    expect(streamNonceHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const nonce = randomNonce();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(nonce)));
    expect(streamNonceHash(nonce)).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
  });

  it('draws 24 random bytes as base64url, safe in a header and a URL', () => {
    const a = randomNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomNonce()).not.toBe(a);
  });
});
