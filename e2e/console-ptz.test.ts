import { roleLabels } from '@vigia/contracts';
import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { launchBrowser } from '@vigia/testkit/browser';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartnerCamera } from './helpers/partner-camera.js';
import { startDemoPlatform } from './helpers/platform.js';
import { ConsolePage, frameDistance, PtzTile } from './pages/console-page.js';

/**
 * PTZ and camera events in the operations console, end to end (issue 17). The GStreamer simulator
 * serves two PTZ cameras — a crop window over a scene twice the picture — and the loopback ONVIF
 * responder drives the first one: what an operator does with the on-screen control really moves
 * the picture. An operator takes control, moves the camera and sees the picture change, saves a
 * preset; the administrator (higher in PTZ_PRIORITY) takes over and the operator sees who; left
 * alone, the camera goes back to its approved preset. The second camera is turned in the
 * simulator itself (nobody's command) and appears on the event list as repositioned, with the
 * approved view and the current picture.
 */
const PTZ_CAMERA = 'Câmera PTZ do terminal (simulador)';
const TURNED_CAMERA = 'Câmera da praça (simulador)';
const USER = 'onvif';
const PASSWORD = 'senha-onvif';
const PASS = 'demonstracao-vigia';
/** A move, a return: mean grey difference (0–255) of the coarse frame signature. */
const MOVED = 12;
const SAME = 4;

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let sim: Simulator;
let onvif: OnvifResponder;
let browser: Browser;
let operator: Page;
let admin: Page;
let ptzCamera = '';
let turnedCamera = '';
let approved: number[] = [];

/** JSON API call with the page's session (CSRF header from the session endpoint). */
async function api(page: Page, method: string, url: string, body?: unknown) {
  const { csrfToken } = await (await page.request.get(`${platform.url}/api/auth/session`)).json();
  const res = await page.request.fetch(`${platform.url}${url}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  if (res.status() >= 300) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

async function openOnTile(page: Page, cameraName: string) {
  const c = new ConsolePage(page, platform.url);
  await c.open();
  await c.search('simulador');
  await c.chooseGrid('1');
  await c.dragCameraToTile(cameraName, 0);
  await c.waitForFirstFrames(1);
}

beforeAll(async () => {
  sim = await startSimulator({
    count: 0,
    ptzCount: 2,
    extraPorts: 1,
    size: '640x360',
    fps: 10,
    bitrateKbps: 600,
    user: USER,
    password: PASSWORD,
  });
  onvif = await startOnvifResponder({
    username: USER,
    password: PASSWORD,
    streamPath: '/ptz1',
    ptz: { onPosition: (p) => sim.ptz(1, p) },
  });
  platform = await startDemoPlatform({
    MEDIA_NODE: 'on',
    MEDIA_NODE_PORT: String(await freePort()),
    // Short enough for a test: back to the approved view 15 s after the last command, a view check every 6 s.
    PTZ_RETURN_AFTER_SECONDS: '15',
    VIEW_CHECK_INTERVAL_MINUTES: '0.1',
  });
  browser = await launchBrowser();
  const credentials = { username: USER, password: PASSWORD };
  ptzCamera = await registerPartnerCamera(browser, platform.url, {
    name: PTZ_CAMERA,
    rtspPort: sim.port,
    httpPort: onvif.port,
    rtspPath: '/ptz1',
    credentials,
  });
  const noOnvif = await freePort();
  turnedCamera = await registerPartnerCamera(browser, platform.url, {
    name: TURNED_CAMERA,
    // Cameras behind one address need RTSP ports of their own: the simulator's second port.
    rtspPort: sim.extraPorts[0]!,
    httpPort: noOnvif === sim.port || noOnvif === onvif.port ? noOnvif + 1 : noOnvif,
    rtspPath: '/ptz2',
    credentials,
  });
  const viewport = { width: 1280, height: 800 };
  [operator, admin] = await Promise.all([
    browser.newContext({ viewport }).then((c) => c.newPage()),
    browser.newContext({ viewport }).then((c) => c.newPage()),
  ]);
  await new LoginPage(operator, platform.url).signIn('operator@demo.vigiamais.local', PASS);
  await new LoginPage(admin, platform.url).signIn('admin@demo.vigiamais.local', PASS);
  // The installer's self-test snapshot of the second camera is its approved view (view-change reference).
  const selfTest = await api(admin, 'POST', `/api/cameras/${turnedCamera}/self-test`);
  expect(selfTest.steps.find((s: { key: string }) => s.key === 'snapshot').outcome).toBe('ok');
  // A preset at the installed position, saved by whoever drives the camera…
  await api(admin, 'POST', `/api/ptz/${ptzCamera}/lock`);
  const { token } = await api(admin, 'POST', `/api/ptz/${ptzCamera}/presets`, { name: 'Vista aprovada' });
  await api(admin, 'DELETE', `/api/ptz/${ptzCamera}/lock`);
  // …registered on the camera's page as the approved view of the executive project.
  await admin.goto(`${platform.url}/app/cameras/${ptzCamera}`);
  const panel = admin.getByRole('region', { name: 'Visão aprovada (câmera PTZ)' });
  await panel.getByLabel('Vista aprovada').check();
  await panel.getByRole('button', { name: 'Registrar como visão aprovada' }).click();
  await panel.getByRole('status').getByText('Visão aprovada registrada.').waitFor();
  expect((await api(admin, 'GET', `/api/ptz/${ptzCamera}/approved-preset`)).approvedPresetToken).toBe(token);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await onvif?.close();
  await sim?.stop();
});

describe('PTZ from the console and camera events in Chromium', () => {
  it('an operator takes PTZ control on a console tile, moves the camera and sees the picture change, and saves a preset', async () => {
    // The administrator watches the same camera on a console of their own (used in the next test).
    await Promise.all([openOnTile(operator, PTZ_CAMERA), openOnTile(admin, PTZ_CAMERA)]);
    const ptz = new PtzTile(operator, 0);
    await ptz.holder().getByText('PTZ livre').waitFor();
    // The still picture is steady: two frames at rest differ by little.
    await expect.poll(async () => (await ptz.frame()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    approved = await ptz.frame();
    await expect.poll(async () => frameDistance(await ptz.frame(), approved), { timeout: 10_000 }).toBeLessThan(SAME);

    await ptz.take();
    await ptz.hold('Para a direita', () =>
      expect.poll(async () => frameDistance(await ptz.frame(), approved), { timeout: 30_000, interval: 200 }).toBeGreaterThan(MOVED),
    );
    // Released: the control sent Stop after the last move (status polls keep calling the device).
    await expect.poll(() => onvif.calls.lastIndexOf('Stop') > onvif.calls.lastIndexOf('ContinuousMove'), { timeout: 10_000 }).toBe(true);
    expect(onvif.position.pan).toBeGreaterThan(0);

    await ptz.savePreset('Portão norte');
    const saved = [...onvif.presets.values()].find((p) => p.name === 'Portão norte');
    expect(saved?.position.pan).toBeCloseTo(onvif.position.pan, 3);
  });

  it('a higher-priority operator takes over; the first sees who; left alone, the camera returns to its approved preset', async () => {
    const mine = new PtzTile(operator, 0);
    const theirs = new PtzTile(admin, 0);
    await theirs.holder().getByText(`PTZ em uso por Demonstração — ${roleLabels.operator}`).waitFor();
    await theirs.take();
    await mine.control().getByTestId('ptz-taken-over').getByText(`Controle assumido por Demonstração — ${roleLabels.admin}`).waitFor();
    await mine.holder().getByText(`PTZ em uso por Demonstração — ${roleLabels.admin}`).waitFor();
    expect(await mine.control().getByRole('button', { name: 'Para a direita' }).count()).toBe(0);

    // Nobody commands it any more: the ptz-return sweep sends it back to "Vista aprovada".
    await expect.poll(() => onvif.calls.includes('GotoPreset'), { timeout: 90_000, interval: 500 }).toBe(true);
    expect(onvif.position).toEqual({ pan: 0, tilt: 0, zoom: 0 });
    await expect.poll(async () => frameDistance(await mine.frame(), approved), { timeout: 30_000, interval: 250 }).toBeLessThan(SAME);
    // The session ended with the return: the lock is free again.
    await mine.holder().getByText('PTZ livre').waitFor();
  });

  it('a camera turned in the simulator appears on the event list as repositioned, with both pictures', async () => {
    sim.ptz(2, { pan: 1, tilt: -1, zoom: 1 });
    // The view-change sweep checks every few seconds; follow the API until the episode opens.
    const listed = async () =>
      ((await api(operator, 'GET', `/api/events?kind=view_changed&cameraId=${turnedCamera}`)).events as unknown[]).length;
    await expect.poll(listed, { timeout: 120_000, interval: 1000 }).toBe(1);

    await operator.goto(`${platform.url}/app/operacoes/eventos`);
    const row = operator.getByTestId('events').locator('tr', { hasText: TURNED_CAMERA });
    await row.waitFor();
    expect(await row.innerText()).toContain('Câmera reposicionada');
    const images = row.getByTestId('view-change-images').locator('img');
    expect(await images.count()).toBe(2);
    await expect
      .poll(() => images.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).naturalWidth > 0)), { timeout: 15_000 })
      .toBe(true);
    const [reference, current] = await images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src));
    expect(reference).toMatch(/\/reference$/);
    expect(current).toMatch(/\/current$/);
    const [a, b] = await Promise.all([operator.request.get(reference!), operator.request.get(current!)]);
    expect([a.headers()['content-type'], b.headers()['content-type']]).toEqual(['image/jpeg', 'image/jpeg']);
    expect((await a.body()).equals(await b.body())).toBe(false);
  });
});
