import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, HttpClient, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import { signUpBody } from '@vigia/testkit/sign-up';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedAltchaOver } from './helpers/altcha.js';
import { linkMailedTo } from './helpers/mailbox.js';
import { webDist } from './helpers/platform.js';

/**
 * Who sees what (issue 6), in Chromium against the real platform with two simulated cameras of the
 * demo cooperative (camera 1 open to the public, camera 2 private):
 * - another partner sees the public camera and never the private one (list, map, direct URL);
 * - a stream token copied out of one session opens nothing in another;
 * - suspending a user stops the live view they are watching.
 */
let server: ServerProcess;
let dataDir: string;
let browser: Browser;

const DEMO_PASSWORD = 'demonstracao-vigia';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-access-'));
  server = await startServer({
    DATA_DIR: dataDir,
    DEMO: '1',
    DEMO_CAMERAS: '2',
    DATABASE_URL: '',
    WEB_DIST: webDist,
    MEDIA_NODE: 'on',
    MEDIA_NODE_PORT: String(await freePort()),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** TOTP secrets of accounts enrolled during this file, for their next sign-in. */
const secrets = new Map<string, string>();

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { secret } = await new LoginPage(page, server.url).signIn(email, password, secrets.get(email));
  if (secret) secrets.set(email, secret);
  return { context, page };
}

const apiGet = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, body: r.status === 200 ? await r.json() : null };
  }, url);

interface CameraItem {
  id: string;
  name: string;
  partnerId: string;
  openToPublic: boolean;
}

describe('Art. 26 §2 — a partner sees its own cameras and those open to the public, nothing else', () => {
  it('another partner sees the public demo camera but not the private one, by list, map or URL', async () => {
    // Partner B signs up on the public portal API, then signs in in the browser.
    const anon = new HttpClient(server.url);
    await anon.request('GET', '/api/auth/session');
    const body = signUpBody('company');
    const signup = await anon.request('POST', '/api/public/partners/sign-up', { ...body, altcha: await solvedAltchaOver(anon) });
    expect(signup.status).toBe(202);
    // The account acts only after the link really mailed to it is followed.
    const link = new URL(await linkMailedTo(dataDir, body.account.email, 'confirmar-email'));
    const confirm = await anon.request('POST', '/api/public/accounts/confirm-email', { token: link.searchParams.get('token') });
    expect(confirm.status).toBe(200);
    const b = await signedIn(body.account.email, body.account.password);

    // The demo cooperative (partner A) sees both of its cameras.
    const a = await signedIn('partner-user@demo.vigiamais.local');
    const listA = (await apiGet(a.page, '/api/cameras')).body.items as CameraItem[];
    const publicCam = listA.find((c) => c.openToPublic)!;
    const privateCam = listA.find((c) => !c.openToPublic)!;
    expect(publicCam).toBeTruthy();
    expect(privateCam).toBeTruthy();

    const listB = (await apiGet(b.page, '/api/cameras')).body.items as CameraItem[];
    expect(listB.map((c) => c.id)).toEqual([publicCam.id]);
    const mapB = (await apiGet(b.page, '/api/cameras/map')).body.items as CameraItem[];
    expect(mapB.map((c) => c.id)).toEqual([publicCam.id]);
    expect((await apiGet(b.page, `/api/cameras/${privateCam.id}`)).status).toBe(404);

    // B gets what the public map gives: a generic label, not A's own camera name (issue 12).
    expect(listB[0]!.name).toMatch(/^Câmera aberta ao público — /);
    expect(listB[0]!.partnerId).toBe('');
    // And in the UI: the camera list page shows the public camera only.
    await b.page.goto(`${server.url}/app/cameras`);
    await b.page.getByText(listB[0]!.name, { exact: true }).first().waitFor();
    expect(await b.page.getByText(publicCam.name, { exact: true }).count()).toBe(0);
    expect(await b.page.getByText(privateCam.name, { exact: true }).count()).toBe(0);
    await a.context.close();
    await b.context.close();
  });
});

describe('stream tokens are bound to the viewer', () => {
  it('a token copied out of one session opens nothing in another', async () => {
    const operator = await signedIn('operator@demo.vigiamais.local');
    const tokenResponse = operator.page.waitForResponse(
      (r) => /\/api\/live\/[0-9a-f-]+\/token$/.test(new URL(r.url()).pathname) && r.status() === 200,
    );
    await operator.page.goto(`${server.url}/app/operacoes/ao-vivo`);
    await operator.page.getByRole('link', { name: 'Câmera de demonstração 1', exact: true }).click();
    const copied = (await (await tokenResponse).json()) as { token: string; url: string };
    await operator.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0, undefined, { timeout: 30_000 });

    // Another person's session (the demo auditor) tries the copied token on the node's socket.
    const other = await signedIn('auditor@demo.vigiamais.local');
    const outcome = await other.page.evaluate(
      ({ url, token }) =>
        new Promise<{ code: number; binaryFrames: number }>((resolve) => {
          const ws = new WebSocket(url);
          let binaryFrames = 0;
          ws.binaryType = 'arraybuffer';
          ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token, nonce: 'copiado-sem-o-segredo-do-navegador' }));
          ws.onmessage = (m) => {
            if (typeof m.data !== 'string') binaryFrames++;
          };
          ws.onclose = (e) => resolve({ code: e.code, binaryFrames });
          setTimeout(() => resolve({ code: -1, binaryFrames }), 10_000);
        }),
      { url: copied.url, token: copied.token },
    );
    expect(outcome.binaryFrames).toBe(0);
    expect(outcome.code).toBeGreaterThanOrEqual(4001);
    expect(outcome.code).toBeLessThanOrEqual(4003);
    await operator.context.close();
    await other.context.close();
  });
});

describe('Art. 27 §2 — suspending a user stops what they are watching', () => {
  it("a suspended operator's live view stops within seconds", async () => {
    const operator = await signedIn('operator@demo.vigiamais.local');
    await operator.page.goto(`${server.url}/app/operacoes/ao-vivo`);
    await operator.page.getByRole('link', { name: 'Câmera de demonstração 1', exact: true }).click();
    await operator.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0, undefined, { timeout: 30_000 });

    const admin = await signedIn('admin@demo.vigiamais.local');
    const users = (await apiGet(admin.page, '/api/admin/users')).body.users as { id: string; email: string }[];
    const target = users.find((u) => u.email === 'operator@demo.vigiamais.local')!;
    const suspended = await admin.page.evaluate(async (id) => {
      const s = await (await fetch('/api/auth/session')).json();
      const r = await fetch(`/api/admin/users/${id}/suspend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ reason: 'Uso indevido de imagens (teste de ponta a ponta).' }),
      });
      return r.status;
    }, target.id);
    expect(suspended).toBe(200);

    const stoppedAt = Date.now();
    // The player leaves the playing state (the node closed the socket: session ended).
    await operator.page.waitForFunction(() => document.querySelector('.vigia-live')?.getAttribute('data-state') !== 'playing', undefined, {
      timeout: 15_000,
    });
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    const t0 = await operator.page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
    await operator.page.waitForTimeout(3_000);
    const t1 = await operator.page.evaluate(() => {
      const v = document.querySelector('video');
      return v ? v.currentTime : 0;
    });
    // No new media arrives: at most what was already buffered plays out.
    expect(t1 - t0).toBeLessThan(2);
    await operator.context.close();
    await admin.context.close();
  });
});
