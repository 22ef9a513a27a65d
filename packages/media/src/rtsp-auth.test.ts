import { describe, expect, it } from 'vitest';
import { computeDigestResponse, parseWwwAuthenticate, RtspAuthenticator } from './rtsp-auth';

describe('parseWwwAuthenticate', () => {
  it('parses quoted values with commas and escapes', () => {
    const [c] = parseWwwAuthenticate('Digest realm="Cam, Inc \\"X\\"", nonce="abc,def", qop="auth,auth-int", stale=FALSE');
    expect(c).toEqual({
      scheme: 'digest',
      params: { realm: 'Cam, Inc "X"', nonce: 'abc,def', qop: 'auth,auth-int', stale: 'FALSE' },
    });
  });

  it('splits several challenges in one header and across headers', () => {
    const list = parseWwwAuthenticate(['Digest realm="r", nonce="n", Basic realm="b"', 'Bearer']);
    expect(list.map((c) => c.scheme)).toEqual(['digest', 'basic', 'bearer']);
    expect(list[0]!.params).toEqual({ realm: 'r', nonce: 'n' });
    expect(list[1]!.params).toEqual({ realm: 'b' });
  });

  it('tolerates odd spacing and unquoted values', () => {
    const [c] = parseWwwAuthenticate('  digest   realm = "x" ,nonce=1234 ,algorithm=MD5');
    expect(c!.params).toEqual({ realm: 'x', nonce: '1234', algorithm: 'MD5' });
  });
});

describe('computeDigestResponse', () => {
  it('matches the RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    expect(
      computeDigestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
        qop: 'auth',
        nc: 1,
        cnonce: '0a4f113b',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches the RFC 7616 §3.9.1 examples (MD5 and SHA-256)', () => {
    const base = {
      username: 'Mufasa',
      password: 'Circle of Life',
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      method: 'GET',
      uri: '/dir/index.html',
      qop: 'auth',
      nc: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    };
    expect(computeDigestResponse({ ...base, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(computeDigestResponse({ ...base, algorithm: 'SHA-256' })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('supports the RFC 2069 no-qop form', () => {
    // HA1 = MD5("u:r:p"), HA2 = MD5("DESCRIBE:rtsp://h/s"), response = MD5(HA1:n:HA2)
    const r = computeDigestResponse({ username: 'u', password: 'p', realm: 'r', nonce: 'n', method: 'DESCRIBE', uri: 'rtsp://h/s' });
    expect(r).toMatch(/^[0-9a-f]{32}$/);
    expect(r).not.toBe(computeDigestResponse({ username: 'u', password: 'p', realm: 'r', nonce: 'n', method: 'PLAY', uri: 'rtsp://h/s' }));
  });
});

describe('RtspAuthenticator', () => {
  it('builds Basic headers', () => {
    const a = new RtspAuthenticator('admin', 'senha:1');
    expect(a.setChallenges(parseWwwAuthenticate('Basic realm="cam"'))).toBe(true);
    expect(a.authorize('DESCRIBE', 'rtsp://h/')).toBe(`Basic ${Buffer.from('admin:senha:1').toString('base64')}`);
  });

  it('prefers Digest over Basic and counts nonces', () => {
    const a = new RtspAuthenticator('Mufasa', 'Circle Of Life', () => '0a4f113b');
    a.setChallenges(
      parseWwwAuthenticate(
        'Basic realm="x", Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
      ),
    );
    expect(a.scheme).toBe('digest');
    const h1 = a.authorize('GET', '/dir/index.html')!;
    expect(h1).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(h1).toContain('nc=00000001');
    expect(h1).toContain('qop=auth');
    expect(h1).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(a.authorize('GET', '/dir/index.html')).toContain('nc=00000002');
    // A new nonce resets the counter.
    a.setChallenges(parseWwwAuthenticate('Digest realm="testrealm@host.com", qop="auth", nonce="other"'));
    expect(a.authorize('GET', '/')).toContain('nc=00000001');
  });

  it('omits qop fields when the server sent no qop', () => {
    const a = new RtspAuthenticator('u', 'p');
    a.setChallenges(parseWwwAuthenticate('Digest realm="GStreamer RTSP Server", nonce="abc"'));
    const h = a.authorize('DESCRIBE', 'rtsp://127.0.0.1/cam1')!;
    expect(h).not.toContain('nc=');
    expect(h).not.toContain('cnonce');
    const expected = computeDigestResponse({
      username: 'u',
      password: 'p',
      realm: 'GStreamer RTSP Server',
      nonce: 'abc',
      method: 'DESCRIBE',
      uri: 'rtsp://127.0.0.1/cam1',
    });
    expect(h).toContain(`response="${expected}"`);
  });

  it('refuses unusable challenges', () => {
    const a = new RtspAuthenticator('u', 'p');
    expect(a.setChallenges(parseWwwAuthenticate('Digest realm="r", nonce="n", algorithm=SHA-512-256'))).toBe(false);
    expect(a.setChallenges(parseWwwAuthenticate('Digest realm="r", nonce="n", qop="auth-int"'))).toBe(false);
    expect(a.setChallenges(parseWwwAuthenticate('Negotiate'))).toBe(false);
    expect(a.authorize('DESCRIBE', 'x')).toBeUndefined();
  });
});
