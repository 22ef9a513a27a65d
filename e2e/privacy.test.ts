import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from './helpers/platform.js';

/**
 * Privacy masks end to end (issue 6): an admin draws a mask on a demo camera (API), an operator
 * without the unmask permission sees the opaque overlay over the live video's picture; after the
 * admin grants unmask (audited), the same operator sees no overlay.
 */
let server: ServerProcess;
let dataDir: string;
let browser: Browser;
let admin: Page;
let operator: Page;
const PASSWORD = 'demonstracao-vigia';

/** An API call from a signed-in page (its cookies + the session's CSRF token). */
async function api(page: Page, method: 'GET' | 'PUT' | 'POST', url: string, data?: unknown) {
  const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
  const res = await page.request.fetch(`${server.url}${url}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-privacy-'));
  server = await startServer({
    DATA_DIR: dataDir,
    DEMO: '1',
    DEMO_CAMERAS: '1',
    DATABASE_URL: '',
    WEB_DIST: webDist,
    MEDIA_NODE: 'on',
    MEDIA_NODE_PORT: String(await freePort()),
  });
  browser = await launchBrowser();
  admin = await (await browser.newContext()).newPage();
  operator = await (await browser.newContext()).newPage();
  await new LoginPage(admin, server.url).signIn('admin@demo.vigiamais.local', PASSWORD);
  await new LoginPage(operator, server.url).signIn('operator@demo.vigiamais.local', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openLive(page: Page): Promise<void> {
  await page.goto(`${server.url}/app/operacoes/ao-vivo`);
  await page.getByRole('link', { name: 'Câmera de demonstração 1', exact: true }).click();
  await page.waitForURL(/\/app\/operacoes\/ao-vivo\/[0-9a-f-]{36}$/);
  await page.waitForFunction(
    () => {
      const v = document.querySelector('video');
      return !!v && v.currentTime > 0 && v.videoWidth > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

describe('privacy masks in Chromium', () => {
  it('an operator without unmask sees the mask over the live picture; with unmask, none', async () => {
    const cams = await api(admin, 'GET', '/api/cameras');
    const cam = cams.items.find((c: { name: string }) => c.name === 'Câmera de demonstração 1');
    await api(admin, 'PUT', `/api/cameras/${cam.id}/privacy-masks`, {
      polygons: [
        [
          [0, 0],
          [0.5, 0],
          [0.5, 0.5],
          [0, 0.5],
        ],
      ],
    });

    await openLive(operator);
    const overlay = operator.getByTestId('privacy-mask-overlay');
    await overlay.waitFor();
    expect(await overlay.getAttribute('data-polygons')).toBe('1');
    // The overlay covers exactly the picture (object-fit: contain), inside the video element.
    const geo = await operator.evaluate(() => {
      const v = document.querySelector('video')!;
      const o = document.querySelector('[data-testid=privacy-mask-overlay]')!.getBoundingClientRect();
      const r = v.getBoundingClientRect();
      const s = Math.min(r.width / v.videoWidth, r.height / v.videoHeight);
      return {
        o: { x: o.x, y: o.y, w: o.width, h: o.height },
        want: {
          x: r.x + (r.width - v.videoWidth * s) / 2,
          y: r.y + (r.height - v.videoHeight * s) / 2,
          w: v.videoWidth * s,
          h: v.videoHeight * s,
        },
      };
    });
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(geo.o[k] - geo.want[k])).toBeLessThan(1.5);
    // Opaque black polygons.
    expect(
      await operator.evaluate(() => getComputedStyle(document.querySelector('[data-testid=privacy-mask-overlay] polygon')!).fill),
    ).toBe('rgb(0, 0, 0)');

    // The admin grants unmask (audited); the operator's next view has no overlay.
    const users = await api(admin, 'GET', '/api/admin/users');
    const op = users.users.find((u: { email: string }) => u.email === 'operator@demo.vigiamais.local');
    await api(admin, 'POST', '/api/admin/privacy-unmask', { userId: op.id, reason: 'Teste ponta a ponta de permissão sem máscara' });
    expect((await api(operator, 'GET', '/api/me/privacy')).unmask).toBe(true);
    await operator.reload();
    await openLive(operator);
    expect(await operator.getByTestId('privacy-mask-overlay').count()).toBe(0);
  });
});
