import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStreamTokenKey, nonceHash, STREAM_TOKEN_MAX_TTL_MS, signStreamToken, verifyStreamToken } from './stream-token';

const key = randomBytes(32);
const base = { cam: 'cam-a', act: 'live' as const, node: 'node-1', sub: 'user-1', sid: 'sess-1', cnf: nonceHash('n0nce') };

describe('stream tokens', () => {
  it('round-trips the claims', () => {
    const { token, claims } = signStreamToken(key, { ...base, ttlMs: 60_000, now: 1_000 });
    const res = verifyStreamToken([key], token, 2_000);
    expect(res).toEqual({ ok: true, claims });
    expect(claims.exp).toBe(61_000);
    expect(claims.jti).toMatch(/^[\w-]{16}$/);
  });

  it('caps the lifetime at two minutes', () => {
    const { claims } = signStreamToken(key, { ...base, ttlMs: 3_600_000, now: 0 });
    expect(claims.exp).toBe(STREAM_TOKEN_MAX_TTL_MS);
  });

  it('refuses an expired token, a future token and another key', () => {
    const { token } = signStreamToken(key, { ...base, ttlMs: 60_000, now: 1_000 });
    expect(verifyStreamToken([key], token, 61_000)).toEqual({ ok: false, error: 'expired' });
    expect(verifyStreamToken([key], token, -10_000)).toEqual({ ok: false, error: 'not_yet_valid' });
    expect(verifyStreamToken([randomBytes(32)], token, 2_000)).toEqual({ ok: false, error: 'bad_signature' });
    expect(verifyStreamToken([randomBytes(32), key], token, 2_000).ok).toBe(true);
  });

  it('refuses tampered or malformed tokens', () => {
    const { token } = signStreamToken(key, { ...base, ttlMs: 60_000, now: 1_000 });
    const [v, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, cam: 'cam-b' })).toString('base64url');
    expect(verifyStreamToken([key], `${v}.${forged}.${sig}`, 2_000)).toEqual({ ok: false, error: 'bad_signature' });
    expect(verifyStreamToken([key], 'garbage', 2_000)).toEqual({ ok: false, error: 'malformed' });
    expect(verifyStreamToken([key], `v2.${body}.${sig}`, 2_000)).toEqual({ ok: false, error: 'malformed' });
  });

  it('refuses a validly signed token whose lifetime exceeds the maximum', () => {
    const body = `v1.${Buffer.from(JSON.stringify({ ...base, iat: 0, exp: STREAM_TOKEN_MAX_TTL_MS + 1, jti: 'x' })).toString('base64url')}`;
    const sig = createHmac('sha256', key).update(body).digest('base64url');
    expect(verifyStreamToken([key], `${body}.${sig}`, 1)).toEqual({ ok: false, error: 'ttl_too_long' });
  });

  it('loads the key from the environment or creates one file shared by both processes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'st-key-'));
    const a = await loadStreamTokenKey({ dataDir: dir });
    const b = await loadStreamTokenKey({ dataDir: dir });
    expect(a.equals(b)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'stream-token.key')).mode & 0o777).toBe(0o600);
    const env = randomBytes(32).toString('base64');
    expect((await loadStreamTokenKey({ envKey: env, dataDir: dir })).toString('base64')).toBe(env);
    await expect(loadStreamTokenKey({ envKey: 'c2hvcnQ=', dataDir: dir })).rejects.toThrow(/32 bytes/);
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps actions apart: a playback token never opens a live stream, nor a live token a playback', () => {
    const base = { cam: 'c', node: 'api', sub: 'u', sid: 's', cnf: nonceHash('n'), ttlMs: 60_000 };
    const pb = signStreamToken(key, { ...base, act: 'playback', pb: 'p1' }).token;
    const live = signStreamToken(key, { ...base, act: 'live' }).token;
    expect(verifyStreamToken([key], pb)).toEqual({ ok: false, error: 'malformed' });
    expect(verifyStreamToken([key], live, Date.now(), 2_000, 'playback')).toEqual({ ok: false, error: 'malformed' });
    const ok = verifyStreamToken([key], pb, Date.now(), 2_000, 'playback');
    expect(ok.ok && ok.claims.pb).toBe('p1');
  });
});
