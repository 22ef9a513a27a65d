import { describe, expect, it } from 'vitest';
import { buildRtspUrl, buildSnapshotArgs, redactSecret } from './snapshot-args.js';

const target = {
  address: '200.101.10.20',
  port: 5541,
  path: '/Streaming/Channels/101',
  credentials: { username: 'admin', password: 'p@ss:w/rd -x' },
};

describe('snapshot arguments', () => {
  it('builds the ffmpeg command with TCP transport and one frame', () => {
    const args = buildSnapshotArgs(target);
    expect(args.slice(args.indexOf('-rtsp_transport'), args.indexOf('-rtsp_transport') + 2)).toEqual(['-rtsp_transport', 'tcp']);
    expect(args[args.indexOf('-i') + 1]).toBe('rtsp://admin:p%40ss%3Aw%2Frd%20-x@200.101.10.20:5541/Streaming/Channels/101');
    expect(args[args.indexOf('-frames:v') + 1]).toBe('1');
    expect(args.at(-1)).toBe('pipe:1');
  });

  it('redacts the password for logs', () => {
    const args = buildSnapshotArgs(target, { redact: true }).join(' ');
    expect(args).toContain('rtsp://admin:***@200.101.10.20:5541/');
    expect(args).not.toContain('p%40ss');
    expect(redactSecret('from rtsp://admin:p%40ss%3Aw%2Frd%20-x@h and p@ss:w/rd -x', 'p@ss:w/rd -x')).toBe(
      'from rtsp://admin:***@h and ***',
    );
  });

  it('brackets IPv6 addresses and allows no credentials', () => {
    expect(buildRtspUrl({ address: '2804:14c::1', port: 554, path: '/live', credentials: null })).toBe('rtsp://[2804:14c::1]:554/live');
  });

  it('refuses text that could become an option or escape the URL', () => {
    expect(() => buildSnapshotArgs({ ...target, address: '-f lavfi' })).toThrow();
    expect(() => buildSnapshotArgs({ ...target, path: 'live' })).toThrow();
    expect(() => buildSnapshotArgs({ ...target, path: '/a b' })).toThrow();
    expect(() => buildSnapshotArgs({ ...target, path: '/a"b' })).toThrow();
    expect(() => buildSnapshotArgs({ ...target, port: 70000 })).toThrow();
    expect(buildSnapshotArgs(target).every((a) => !a.includes('\n'))).toBe(true);
  });
});
