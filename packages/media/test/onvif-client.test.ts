import http from 'node:http';
import net from 'node:net';
import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverStreamUri, OnvifError } from '../src/onvif/index';

const USER = 'tecnico';
const PASSWORD = 'S3nh@ forte:/x';

async function onvifCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(OnvifError);
    return (err as OnvifError).code;
  }
}

describe('ONVIF stream-URI discovery against a loopback ONVIF device', () => {
  let ws: OnvifResponder;
  let digest: OnvifResponder;
  let plainHttp: http.Server;
  let plainPort: number;

  beforeAll(async () => {
    ws = await startOnvifResponder({
      username: USER,
      password: PASSWORD,
      streamPath: '/Streaming/Channels/101?transportmode=unicast&profile=Profile_1',
    });
    digest = await startOnvifResponder({
      username: USER,
      password: PASSWORD,
      streamPath: '/cam1',
      mode: 'http-digest',
      noCapabilities: true,
    });
    plainHttp = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>not here</html>'));
    await new Promise<void>((r) => plainHttp.listen(0, '127.0.0.1', r));
    plainPort = (plainHttp.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await ws?.close();
    await digest?.close();
    await new Promise((r) => plainHttp?.close(r));
  });

  it('WS-Security PasswordDigest: capabilities → profiles → first profile stream URI', async () => {
    const r = await discoverStreamUri({ address: '127.0.0.1', port: ws.port, username: USER, password: PASSWORD });
    expect(r.reportedUri).toBe('rtsp://192.168.1.64:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1');
    expect(r.path).toBe('/Streaming/Channels/101?transportmode=unicast&profile=Profile_1');
    expect(r.profile).toEqual({ token: 'Profile_1', name: 'mainStream', encoding: 'H264', width: 1280, height: 720 });
    expect(ws.calls).toEqual(['GetSystemDateAndTime', 'GetCapabilities', 'GetProfiles', 'GetStreamUri']);
  });

  it('a configured profile token is used; an unknown one is ONVIF_NO_PROFILE', async () => {
    const r = await discoverStreamUri({
      address: '127.0.0.1',
      port: ws.port,
      username: USER,
      password: PASSWORD,
      profileToken: 'Profile_2',
    });
    expect(r.profile.name).toBe('subStream');
    expect(
      await onvifCode(discoverStreamUri({ address: '127.0.0.1', port: ws.port, username: USER, password: PASSWORD, profileToken: 'nope' })),
    ).toBe('ONVIF_NO_PROFILE');
  });

  it('HTTP Digest fallback after 401, GetServices when GetCapabilities is not supported', async () => {
    const r = await discoverStreamUri({ address: '127.0.0.1', port: digest.port, username: USER, password: PASSWORD });
    expect(r.path).toBe('/cam1');
    expect(digest.calls).toContain('GetServices');
    expect(digest.refused).toBe(0);
  });

  it('a wrong password is ONVIF_AUTH_FAILED, with WS-Security and with HTTP Digest', async () => {
    expect(await onvifCode(discoverStreamUri({ address: '127.0.0.1', port: ws.port, username: USER, password: 'errada' }))).toBe(
      'ONVIF_AUTH_FAILED',
    );
    expect(await onvifCode(discoverStreamUri({ address: '127.0.0.1', port: digest.port, username: USER, password: 'errada' }))).toBe(
      'ONVIF_AUTH_FAILED',
    );
  });

  it('a closed port is ONVIF_UNREACHABLE; a web server without ONVIF is ONVIF_NOT_SUPPORTED', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await onvifCode(discoverStreamUri({ address: '127.0.0.1', port, username: USER, password: PASSWORD }))).toBe(
      'ONVIF_UNREACHABLE',
    );
    expect(await onvifCode(discoverStreamUri({ address: '127.0.0.1', port: plainPort, username: USER, password: PASSWORD }))).toBe(
      'ONVIF_NOT_SUPPORTED',
    );
  });
});
