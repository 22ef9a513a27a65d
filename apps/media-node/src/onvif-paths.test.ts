import type { OnvifDeviceOptions, OnvifStreamUri } from '@vigia/media';
import { describe, expect, it } from 'vitest';
import { createLog } from './log';
import { OnvifStreamPaths } from './onvif-paths';

const camera = { id: 'c1', host: 'cam.ddns.net', httpPort: 8080 };

function fakeDevice(paths: string[]) {
  const asked: OnvifDeviceOptions[] = [];
  const discover = async (o: OnvifDeviceOptions): Promise<OnvifStreamUri> => {
    asked.push(o);
    const path = paths[Math.min(asked.length - 1, paths.length - 1)]!;
    return {
      reportedUri: `rtsp://192.168.1.64:554${path}`,
      path,
      profile: { token: 'Profile_1', name: 'main', encoding: 'H264', width: 1280, height: 720 },
    };
  };
  return { asked, discover };
}

describe('ONVIF stream paths of the media node', () => {
  it('asks the camera once (at the checked address, HTTP port, Host = registered name) and caches for the TTL', async () => {
    let now = 0;
    const device = fakeDevice(['/a', '/b']);
    const paths = new OnvifStreamPaths(createLog('silent'), { ttlMs: 1000, now: () => now, discover: device.discover });
    const creds = { username: 'u', password: 'p' };
    const [x, y] = await Promise.all([paths.path(camera, '200.1.2.3', creds), paths.path(camera, '200.1.2.3', creds)]);
    expect([x, y]).toEqual(['/a', '/a']);
    expect(device.asked).toEqual([
      { address: '200.1.2.3', port: 8080, hostHeader: 'cam.ddns.net', timeoutMs: 5000, username: 'u', password: 'p' },
    ]);
    now = 999;
    expect(await paths.path(camera, '200.1.2.3', creds)).toBe('/a');
    now = 1000;
    expect(await paths.path(camera, '200.1.2.3', creds)).toBe('/b');
    expect(device.asked).toHaveLength(2);
  });

  it('refresh (after a 401/404 from the RTSP server) asks again at once', async () => {
    const device = fakeDevice(['/a', '/b']);
    const paths = new OnvifStreamPaths(createLog('silent'), { discover: device.discover });
    expect(await paths.path(camera, '200.1.2.3', undefined)).toBe('/a');
    expect(await paths.refresh(camera, '200.1.2.3', undefined)).toBe('/b');
    expect(await paths.path(camera, '200.1.2.3', undefined)).toBe('/b');
  });

  it('a failed discovery is not cached', async () => {
    let fail = true;
    const paths = new OnvifStreamPaths(createLog('silent'), {
      discover: async (o) => {
        if (fail) throw new Error('ONVIF_UNREACHABLE');
        return fakeDevice(['/ok']).discover(o);
      },
    });
    await expect(paths.path(camera, '200.1.2.3', undefined)).rejects.toThrow('ONVIF_UNREACHABLE');
    fail = false;
    expect(await paths.path(camera, '200.1.2.3', undefined)).toBe('/ok');
  });
});
