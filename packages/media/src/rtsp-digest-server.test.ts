import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate, RtspAuthenticator } from './rtsp-auth';
import { DigestServer, digestHa1, parseDigestAuthorization } from './rtsp-digest-server';
import { requestPath } from './rtsp-publish-server';

const uri = 'rtsp://127.0.0.1:8554/push/cam';
const creds = { username: 'cam-user', password: 's3cr3t' };

function answer(server: DigestServer, password = creds.password, method = 'ANNOUNCE', u = uri) {
  const client = new RtspAuthenticator(creds.username, password);
  expect(client.setChallenges(parseWwwAuthenticate(server.challenge()))).toBe(true);
  return client.authorize(method, u)!;
}

describe('DigestServer', () => {
  it('accepts the response of the RTSP client authenticator (MD5, no qop)', () => {
    const s = new DigestServer('VigiaMaisMT');
    expect(s.verify(answer(s), 'ANNOUNCE', creds)).toBe('ok');
    expect(
      s.verify(answer(s), 'ANNOUNCE', { username: creds.username, ha1: digestHa1(creds.username, 'VigiaMaisMT', creds.password) }),
    ).toBe('ok');
  });

  it('accepts qop=auth answers', () => {
    const s = new DigestServer('r');
    const client = new RtspAuthenticator(creds.username, creds.password);
    client.setChallenges(parseWwwAuthenticate(`${s.challenge()}, qop="auth"`));
    const h = client.authorize('SETUP', uri)!;
    expect(h).toContain('qop=auth');
    expect(s.verify(h, 'SETUP', creds)).toBe('ok');
  });

  it('rejects a wrong password, user, method, realm or uri', () => {
    const s = new DigestServer('VigiaMaisMT');
    expect(s.verify(answer(s, 'wrong'), 'ANNOUNCE', creds)).toBe('invalid');
    expect(s.verify(answer(s), 'ANNOUNCE', { ...creds, username: 'other' })).toBe('invalid');
    expect(s.verify(answer(s), 'RECORD', creds)).toBe('invalid');
    expect(new DigestServer('other').verify(answer(s), 'ANNOUNCE', creds)).toBe('invalid');
    expect(s.verify(answer(s), 'ANNOUNCE', creds, (u) => u.endsWith('/push/other'))).toBe('invalid');
    expect(s.verify(undefined, 'ANNOUNCE', creds)).toBe('invalid');
    expect(s.verify(`Basic ${Buffer.from('cam-user:s3cr3t').toString('base64')}`, 'ANNOUNCE', creds)).toBe('invalid');
  });

  it('rejects forged nonces and reports expired ones as stale', () => {
    let now = 1_000_000;
    const s = new DigestServer('r', 60_000, undefined, () => now);
    const other = new DigestServer('r', 60_000, undefined, () => now);
    expect(s.checkNonce(s.createNonce())).toBe('ok');
    expect(s.checkNonce(other.createNonce())).toBe('invalid');
    expect(s.checkNonce('abc')).toBe('invalid');
    const h = answer(s);
    now += 61_000;
    expect(s.verify(h, 'ANNOUNCE', creds)).toBe('stale');
    expect(s.challenge(true)).toContain('stale=TRUE');
  });

  it('parses Authorization headers and refuses incomplete ones', () => {
    const a = parseDigestAuthorization('Digest username="u", realm="r, x", nonce="n", uri="rtsp://h/p", response="ab"');
    expect(a).toMatchObject({ username: 'u', realm: 'r, x', nonce: 'n', uri: 'rtsp://h/p', response: 'ab' });
    expect(parseDigestAuthorization('Digest username="u"')).toBeUndefined();
    expect(parseDigestAuthorization('x'.repeat(5000))).toBeUndefined();
  });
});

describe('requestPath', () => {
  it('extracts the path and refuses traversal/odd URIs', () => {
    expect(requestPath('rtsp://1.2.3.4:8554/push/abc')).toBe('/push/abc');
    expect(requestPath('rtsp://1.2.3.4:8554/push/abc/streamid=0')).toBe('/push/abc/streamid=0');
    expect(requestPath('rtsp://h/push/abc/?x=1')).toBe('/push/abc');
    expect(requestPath('/push/abc')).toBe('/push/abc');
    expect(requestPath('http://h/push/abc')).toBeUndefined();
    expect(requestPath('rtsp://h/push/../x')).toBeUndefined();
    expect(requestPath('rtsp://h/push/%2e%2e')).toBeUndefined();
    expect(requestPath('*')).toBeUndefined();
  });
});
