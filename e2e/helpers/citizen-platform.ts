import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type GovbrAccount, type GovbrProvider, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import type { Page } from 'playwright-core';
import { webDist } from './platform.js';

/**
 * The platform with demo data, the citizen services configured (fees in UPF-MT, Pix key) and the
 * local gov.br provider registered for its callback (issue 15).
 */
export async function startCitizenPlatform(
  client: { clientId: string; clientSecret: string },
  env: Record<string, string> = {},
): Promise<{ server: ServerProcess; provider: GovbrProvider; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-citizen-'));
  const providerPort = await freePort();
  let serverUrl = '';
  const server = await startServer((port) => {
    serverUrl = `http://127.0.0.1:${port}`;
    return {
      DATA_DIR: dataDir,
      DEMO: '1',
      DATABASE_URL: '',
      WEB_DIST: webDist,
      PUBLIC_URL: serverUrl,
      GOVBR_ISSUER: `http://127.0.0.1:${providerPort}`,
      GOVBR_CLIENT_ID: client.clientId,
      GOVBR_CLIENT_SECRET: client.clientSecret,
      UPF_MT_VALUE: '251.87',
      UPF_MT_REFERENCE: 'referência de teste',
      IDENTITY_CARD_SECOND_COPY_UPF: '1.5',
      PIX_KEY: 'taxas@sesp.mt.gov.br',
      ...env,
    };
  });
  const provider = await startGovbrProvider({
    port: providerPort,
    clients: [{ ...client, redirectUris: [`${serverUrl}/api/citizen/auth/callback`] }],
  });
  return {
    server,
    provider,
    async stop() {
      await server.kill('SIGTERM');
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** "Entrar com gov.br" on /cidadao, through the local provider's CPF + password form. */
export async function signInCitizen(page: Page, base: string, account: GovbrAccount) {
  await page.goto(`${base}/cidadao`);
  await page.getByTestId('govbr-sign-in').click();
  await page.getByLabel('CPF').fill(account.cpf);
  await page.getByLabel('Senha').fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByTestId('citizen-name').waitFor();
}

/** A day a week from now in Cuiabá (tests pass on any date). */
export const inAWeek = () => new Date(Date.now() + 7 * 86_400_000 - 4 * 3_600_000).toISOString().slice(0, 10);

/** Fills and sends the identity-card pre-request form of "Meus serviços" (first post offered). */
export async function sendIdentityCardRequest(page: Page, data: { birthDate: string; motherName: string; document: string }) {
  await page.getByText('Solicitar carteira de identidade').click();
  await page.getByLabel('Data de nascimento').fill(data.birthDate);
  await page.getByLabel('Nome da mãe').fill(data.motherName);
  await page.getByLabel('Documento apresentado').fill(data.document);
  await page.getByLabel('Dia do atendimento').fill(inAWeek());
  const post = page.getByLabel('Posto de identificação');
  await post.locator('option').nth(1).waitFor({ state: 'attached' });
  await post.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Enviar pré-solicitação' }).click();
}
