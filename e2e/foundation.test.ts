import { mfaRequiredRoles, roleLabels, roles } from '@vigia/contracts';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';

const DEMO_PASSWORD = 'demonstracao-vigia';
const demoEmail = (role: string) => `${role.replaceAll('_', '-')}@demo.vigiamais.local`;

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;

beforeAll(async () => {
  platform = await startDemoPlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('public portal', () => {
  it('shows the landing page without downloading back-office code', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(platform.url);
    await expect(page.getByRole('heading', { level: 1 }).first().innerText()).resolves.toMatch(/Vigia Mais MT/);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /\/assets\/app-/.test(s))).toEqual([]);
    await page.close();
  });
});

describe('sign-in and a home page for every role', () => {
  for (const role of roles) {
    it(`${role}: signs in (with MFA where required) and sees its own home`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const { secret } = await new LoginPage(page, platform.url).signIn(demoEmail(role), DEMO_PASSWORD);
      expect(Boolean(secret), 'an authenticator is enrolled exactly for the MFA roles').toBe(mfaRequiredRoles.includes(role));
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Olá');
      await expect(page.getByText('Perfil em uso:').innerText()).resolves.toContain(roleLabels[role]);
      await context.close();
    });
  }
});

describe('refusals', () => {
  it('shows a 403 page to a partner user on the users page and fetches nothing from it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page, platform.url).signIn(demoEmail('partner_user'), DEMO_PASSWORD);
    const apiCalls: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && apiCalls.push(new URL(r.url()).pathname));
    await page.goto(`${platform.url}/app/admin/usuarios`);
    await page.getByRole('heading', { name: 'Acesso negado' }).waitFor();
    expect(apiCalls.filter((p) => p.startsWith('/api/admin') || p.startsWith('/api/audit'))).toEqual([]);
    // And the API itself refuses, whatever the page does.
    const direct = await page.evaluate(async () => (await fetch('/api/admin/users')).status);
    expect(direct).toBe(403);
    await context.close();
  });

  it('sends an anonymous visitor of the back office to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/app/auditoria`);
    await page.waitForURL(/\/entrar/);
    await page.close();
  });

  it('lets an auditor verify the audit chain from the audit page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page, platform.url).signIn(demoEmail('auditor'), DEMO_PASSWORD);
    await page.goto(`${platform.url}/app/auditoria`);
    await page.getByRole('button', { name: 'Verificar cadeia' }).click();
    await page.getByText('Cadeia íntegra.').waitFor();
    await context.close();
  });
});
