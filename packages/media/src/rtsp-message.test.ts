import { describe, expect, it } from 'vitest';
import { parseHead, parsePublic, parseSession, parseStatusLine, parseTransport, serializeRequest } from './rtsp-message';

describe('rtsp messages', () => {
  it('serializes requests', () => {
    expect(serializeRequest('OPTIONS', 'rtsp://h/x', [['CSeq', '1']]).toString()).toBe('OPTIONS rtsp://h/x RTSP/1.0\r\nCSeq: 1\r\n\r\n');
    expect(serializeRequest('SET_PARAMETER', '*', [['CSeq', '2']], 'a: b\r\n').toString()).toContain('Content-Length: 6\r\n\r\na: b\r\n');
  });

  it('parses heads with repeated and folded headers', () => {
    const h = parseHead(
      'RTSP/1.0 401 Unauthorized\r\nCSeq: 3\r\nWWW-Authenticate: Digest realm="a",\r\n nonce="b"\r\nWWW-Authenticate: Basic realm="a"',
    );
    expect(parseStatusLine(h.startLine)).toEqual({ version: 'RTSP/1.0', status: 401, reason: 'Unauthorized' });
    expect(h.headers.get('www-authenticate')).toEqual(['Digest realm="a", nonce="b"', 'Basic realm="a"']);
  });

  it('parses Transport, Session and Public headers', () => {
    const t = parseTransport('RTP/AVP/TCP;unicast;interleaved=2-3;ssrc=1A2B3C4D;mode="PLAY"');
    expect(t).toMatchObject({ protocol: 'RTP/AVP/TCP', unicast: true, interleaved: [2, 3], ssrc: 0x1a2b3c4d, mode: 'PLAY' });
    expect(parseTransport('RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971').serverPort).toEqual([6970, 6971]);
    expect(parseSession('12345678;timeout=60')).toEqual({ id: '12345678', timeoutSec: 60 });
    expect(parseSession('abc')).toEqual({ id: 'abc', timeoutSec: undefined });
    expect([...parsePublic('OPTIONS, DESCRIBE, get_parameter')]).toEqual(['OPTIONS', 'DESCRIBE', 'GET_PARAMETER']);
  });
});
