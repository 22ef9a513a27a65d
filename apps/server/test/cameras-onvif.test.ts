import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Session, useTestApp } from './helpers/app.js';
import {
  CAMERA_PASSWORD as PASSWORD,
  registerSelfTestCamera,
  runSelfTest,
  signInPartnerUser,
  stepOf,
  CAMERA_USER as USER,
} from './helpers/camera-self-test.js';

/**
 * Self-test of a camera whose stream is found over ONVIF. The ONVIF device is a loopback responder
 * (no ONVIF server exists in Debian) that reports the GStreamer simulator's path on a LAN address,
 * as a camera behind NAT does; the RTSP part is the real simulator.
 */
const ctx = useTestApp();

let sim: Simulator;
let onvif: OnvifResponder;
let s: Session;
let id: string;

beforeAll(async () => {
  sim = await startSimulator({ count: 1, user: USER, password: PASSWORD });
  onvif = await startOnvifResponder({ username: USER, password: PASSWORD, streamPath: '/cam1' });
  ({ session: s } = await signInPartnerUser(ctx, 'Parceiro ONVIF'));
});

afterAll(async () => {
  await sim?.stop();
  await onvif?.close();
});

const selfTest = () => runSelfTest(ctx.app, s, id);

describe('ONVIF stream-URI discovery in the installer self-test', () => {
  it('finds the stream over ONVIF (WS-Security digest), rewrites the LAN address and reports the codec', async () => {
    const created = await registerSelfTestCamera(ctx.app, s, {
      name: 'Câmera ONVIF',
      rtspPort: sim.port,
      httpPort: onvif.port,
      rtspPath: '/nao-usado',
      streamSource: 'onvif',
    });
    expect(created).toMatchObject({ streamSource: 'onvif', hasPushCredentials: false });
    id = created.id;

    const r = await selfTest();
    expect(r.steps.map((x) => [x.key, x.outcome])).toEqual([
      ['dns', 'ok'],
      ['rtsp_port', 'ok'],
      ['http_port', 'ok'],
      ['onvif', 'ok'],
      ['rtsp_stream', 'ok'],
      ['snapshot', 'ok'],
    ]);
    expect(r.stream).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
    expect(onvif.calls).toEqual(['GetSystemDateAndTime', 'GetCapabilities', 'GetProfiles', 'GetStreamUri']);
  });

  it('a password the camera refuses stops at the ONVIF step with the pt-BR hint', async () => {
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: authHeaders(s),
      payload: { credentials: { username: USER, password: 'errada' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = await selfTest();
    expect(r.ok).toBe(false);
    expect(stepOf(r, 'onvif')).toMatchObject({
      outcome: 'fail',
      code: 'ONVIF_AUTH_FAILED',
      hint: expect.stringMatching(/^ONVIF recusou a senha/),
    });
    expect(stepOf(r, 'rtsp_stream').outcome).toBe('skipped');
    expect(stepOf(r, 'snapshot').outcome).toBe('skipped');
  });
});
