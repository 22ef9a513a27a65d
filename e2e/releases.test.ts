import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPoint } from './helpers/partner-camera.js';
import { startDemoPlatform } from './helpers/platform.js';
import { ReleaseRequestForm, ReleaseRequestPage } from './pages/releases-pages.js';

const DEMO_PASSWORD = 'demonstracao-vigia';
const demo = (role: string) => `${role}@demo.vigiamais.local`;

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let cuiabaCamera: string;
let sinopCamera: string;

async function as(role: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  // LoginPage races the enrolment and verification fields; on a first sign-in the code field can
  // win before the secret is shown. Enrolment has not happened then, so signing in again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      await new LoginPage(page, platform.url).signIn(demo(role), DEMO_PASSWORD);
      return page;
    } catch (e) {
      if (attempt >= 3 || !(e instanceof Error) || !/Secret is required/.test(e.message)) throw e;
    }
  }
}

/** The demo partner registers two cameras through the API (Cuiabá and Sinop: different security regions). */
async function registerCameras(page: Page): Promise<[string, string]> {
  const csrf = (await (await page.request.get(`${platform.url}/api/auth/session`)).json()).csrfToken as string;
  const make = async (name: string, municipalityIbge: string, latitude: number, longitude: number, port: number) => {
    const res = await page.request.post(`${platform.url}/api/cameras`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        name,
        kind: 'partner_own',
        host: 'cameras-e2e.ddns.net',
        rtspPort: port,
        httpPort: port + 1,
        rtspPath: '/stream',
        latitude,
        longitude,
        municipalityIbge,
        heading: 90,
        fieldOfView: 90,
        mounting: 'pole',
        openToPublic: false,
        cameraPointId: demoPoint(),
        credentials: { username: 'u', password: 'Senha-Camera-1' },
      },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()).id as string;
  };
  return [
    await make('Praça Alencastro', '5103403', -15.5961, -56.0967, 25000),
    await make('Avenida das Embaúbas', '5107909', -11.8604, -55.5091, 25010),
  ];
}

beforeAll(async () => {
  platform = await startDemoPlatform();
  browser = await launchBrowser();
  [cuiabaCamera, sinopCamera] = await registerCameras(await as('partner-user'));
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await platform?.stop();
});

describe('footage release (art. 2º, VI) end to end', () => {
  let requestUrl: string;
  let code: string;

  it('the demo external requester files a request; a citizen request is refused', async () => {
    const page = await as('external-requester');
    const form = new ReleaseRequestForm(page, platform.url);
    const now = new Date(Date.now() - 4 * 3600_000); // Cuiabá wall clock
    const local = (d: Date) => d.toISOString().slice(0, 16);
    const input = {
      kind: 'Autoridade policial que preside ou conduz inquérito',
      name: 'Dr. Paulo Arruda',
      role: 'Delegado de Polícia',
      organisation: 'Polícia Judiciária Civil — Cuiabá',
      caseNumber: 'IP 77/2026',
      grounds: 'Inquérito policial sobre furto de veículo na praça, no período indicado; as imagens podem identificar o autor.',
      from: local(new Date(now.getTime() - 3 * 3600_000)),
      to: local(new Date(now.getTime() - 2 * 3600_000)),
      camera: 'Praça Alencastro',
    };
    await form.open();
    await form.file({ ...input, kind: 'Cidadão (pessoa física)' });
    await page
      .getByText(/Cidadãos, imprensa e empresas não podem requerer imagens/)
      .first()
      .waitFor();
    await form.open();
    await form.file(input);
    await page.waitForURL(/\/app\/cessao-de-imagens\/pedidos\/[0-9a-f-]{36}$/);
    requestUrl = new URL(page.url()).pathname.replace('/pedidos/', '/decisoes/');
    expect(await new ReleaseRequestPage(page).status()).toBe('Protocolado');
    await page.getByText('imagens preservadas (bloqueadas contra exclusão)').waitFor();
  });

  it('the committee instructs and the demo release authority decides, issuing a verifiable act', async () => {
    const committee = await as('committee-member');
    await committee.goto(`${platform.url}${requestUrl}`);
    const instruction = new ReleaseRequestPage(committee);
    await instruction.addNote('Câmera ativa no período; gravação a integrar.', true);
    await committee.getByText('Instrução concluída — aguardando decisão').waitFor();

    const authority = await as('release-authority');
    await authority.goto(`${platform.url}${requestUrl}`);
    code = await new ReleaseRequestPage(authority).decide(
      'Deferir',
      'Pedido fundamentado em inquérito policial; imagens pertinentes ao fato investigado.',
    );
    expect(await new ReleaseRequestPage(authority).status()).toBe('Deferido');

    // Anyone can check the act's authenticity on the public page.
    const anon = await browser.newContext();
    contexts.push(anon);
    const pub = await anon.newPage();
    await pub.goto(`${platform.url}/verificar/${code}`);
    await pub.getByText('DECISÃO SOBRE PEDIDO DE CESSÃO DE IMAGENS').waitFor();
  });

  it('the requester sees the decision and a delivery whose package is still being prepared', async () => {
    const page = await as('external-requester');
    await page.goto(`${platform.url}${requestUrl.replace('/decisoes/', '/pedidos/')}`);
    expect(await new ReleaseRequestPage(page).status()).toBe('Deferido');
    await page.getByText('Pacote em preparação').first().waitFor();
    await page.getByRole('button', { name: 'Baixar imagens cedidas' }).click();
    await page.getByText(/O acesso foi registrado/).waitFor();
    expect(await page.getByTestId('authenticity-code').innerText()).toBe(code);
  });
});

describe('scope by region', () => {
  it('a regional operator of another region does not see a camera by direct URL', async () => {
    const page = await as('regional-operator'); // region of Cuiabá
    expect((await page.request.get(`${platform.url}/api/cameras/${cuiabaCamera}`)).status()).toBe(200);
    expect((await page.request.get(`${platform.url}/api/cameras/${sinopCamera}`)).status()).toBe(404);
    const map = await (await page.request.get(`${platform.url}/api/cameras/map`)).json();
    expect(map.items.map((c: { id: string }) => c.id)).not.toContain(sinopCamera);
    await page.goto(`${platform.url}/app/operacoes/ao-vivo/${sinopCamera}`);
    await page.getByText('Câmera não encontrada.').first().waitFor();
  });
});
