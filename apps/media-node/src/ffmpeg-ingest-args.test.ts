import { describe, expect, it } from 'vitest';
import { buildIngestArgs, buildIngestInput, ffconcatQuote, ingestErrorOf, redactFfmpegText } from './ffmpeg-ingest-args.js';

const target = {
  address: '200.101.10.20',
  port: 5541,
  path: '/Streaming/Channels/101',
  credentials: { username: 'admin', password: "p@ss:w/rd -x'" },
};
const publishUrl = 'rtsp://vigia-ingest:one-time@127.0.0.1:40000/ingest';

describe('ffmpeg ingest arguments', () => {
  it('copies video 0 from the script on stdin to the loopback publish server over TCP', () => {
    const args = buildIngestArgs({ publishUrl });
    expect(args.slice(args.indexOf('-f'), args.indexOf('-f') + 2)).toEqual(['-f', 'concat']);
    expect(args[args.indexOf('-i') + 1]).toBe('pipe:0');
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe('pipe,rtsp,tcp');
    expect(args[args.indexOf('-map') + 1]).toBe('0:v:0');
    expect(args[args.indexOf('-c') + 1]).toBe('copy');
    expect(args.slice(-5)).toEqual(['-f', 'rtsp', '-rtsp_transport', 'tcp', publishUrl]);
  });

  it('never puts the camera password on the command line', () => {
    const args = buildIngestArgs({ publishUrl }).join(' ');
    expect(args).not.toContain('p%40ss');
    expect(args).not.toContain('200.101.10.20');
  });

  it('refuses a publish URL that is not loopback RTSP', () => {
    expect(() => buildIngestArgs({ publishUrl: 'rtsp://u:p@10.0.0.1:554/ingest' })).toThrow();
    expect(() => buildIngestArgs({ publishUrl: 'http://127.0.0.1/ingest' })).toThrow();
  });

  it('writes the camera URL, TCP transport and I/O timeout into the ffconcat script', () => {
    const script = buildIngestInput(target, { ioTimeoutMs: 5000 });
    expect(script.split('\n')).toEqual([
      'ffconcat version 1.0',
      "file 'rtsp://admin:p%40ss%3Aw%2Frd%20-x'\\''@200.101.10.20:5541/Streaming/Channels/101'",
      'option rtsp_transport tcp',
      'option timeout 5000000',
      '',
    ]);
    expect(ffconcatQuote("a'b")).toBe("'a'\\''b'");
  });

  it('refuses targets that could escape the URL or the script', () => {
    expect(() => buildIngestInput({ ...target, address: '-f lavfi' }, { ioTimeoutMs: 1000 })).toThrow();
    expect(() => buildIngestInput({ ...target, path: "/a'\nfile '/etc/passwd" }, { ioTimeoutMs: 1000 })).toThrow();
    expect(() => buildIngestInput({ ...target, port: 0 }, { ioTimeoutMs: 1000 })).toThrow();
  });

  it('removes passwords and URL credentials from ffmpeg output', () => {
    const text =
      "[concat @ 0x1] Impossible to open 'rtsp://admin:p%40ss@200.101.10.20:5541/x'\nto rtsp://vigia-ingest:one-time@127.0.0.1:1/ingest one-time";
    const clean = redactFfmpegText(text, ['p@ss', 'one-time']);
    expect(clean).not.toContain('p%40ss');
    expect(clean).not.toContain('one-time');
    expect(clean).toContain('rtsp://***@200.101.10.20:5541/x');
  });
});

describe('ffmpeg ingest exit → error code (gap cause)', () => {
  const exit = { code: 1, signal: null };
  it('maps the camera refusing the password to RTSP_AUTH_FAILED', () => {
    const stderr = '[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized\npipe:0: Server returned 401 Unauthorized (authorization failed)';
    const err = ingestErrorOf(stderr, exit, false);
    expect(err.code).toBe('RTSP_AUTH_FAILED');
    expect(err.message).toBe('ffmpeg exited (1): pipe:0: Server returned 401 Unauthorized (authorization failed)');
  });

  it('maps 404, refused connections, timeouts and missing video', () => {
    expect(ingestErrorOf('[rtsp @ 0x1] method DESCRIBE failed: 404 Not Found', exit, false).code).toBe('RTSP_NOT_FOUND');
    expect(ingestErrorOf('[tcp @ 0x1] Connection to tcp://127.0.0.1:1?timeout=0 failed: Connection refused', exit, false).code).toBe(
      'RTSP_CONNECT_FAILED',
    );
    expect(ingestErrorOf('Connection timed out', exit, false).code).toBe('RTSP_CONNECT_FAILED');
    expect(ingestErrorOf('Connection timed out', exit, true).code).toBe('RTSP_TIMEOUT');
    expect(ingestErrorOf("Stream map '0:v:0' matches no streams.", exit, false).code).toBe('RTSP_UNSUPPORTED_CODEC');
  });

  it('does not blame the camera for a refusal of the loopback publish server', () => {
    expect(ingestErrorOf('[rtsp @ 0x1] method ANNOUNCE failed: 401 Unauthorized', exit, false).code).toBe('RTSP_CONNECTION_CLOSED');
    expect(ingestErrorOf('', { code: null, signal: 'SIGKILL' }, true).message).toBe('ffmpeg killed (SIGKILL)');
  });
});
