import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort } from '@vigia/testkit/server-process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';
import { VerificationPage } from './pages/case-pages.js';

/**
 * Protection operations (Resolução 121/2025/CSPJC-MT) in Chromium on the demo platform: the steps
 * with a screen are clicked (request, activation, route cameras, superior's acknowledgement, the
 * public verification), the others go through the same API the screens use, as each demo person.
 */
const PASSWORD = 'demonstracao-vigia';
const person = (who: string) => `protection-${who}@demo.vigiamais.local`;

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** One signed-in context per person: protection staff enrol TOTP at their first sign-in (MFA required). */
const signedIn = new Map<string, BrowserContext>();
let missionUrl = '';
let missionId = '';

async function as(who: string): Promise<Page> {
  const known = signedIn.get(who);
  if (known) return known.newPage();
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const { secret } = await new LoginPage(page, platform.url).signIn(person(who), PASSWORD);
  expect(secret, 'protection staff enrol an authenticator at the first sign-in').toBeTruthy();
  signedIn.set(who, context);
  return page;
}

/** The API as the signed-in person of a page (same session cookie and CSRF token as the screens). */
async function apiOf(page: Page) {
  const csrf = (await (await page.request.get(`${platform.url}/api/auth/session`)).json()).csrfToken as string;
  const call = async (method: 'post' | 'put', path: string, data: unknown = {}) => {
    const res = await page.request[method](`${platform.url}/api/protection/missions/${missionId}${path}`, {
      headers: { 'x-csrf-token': csrf },
      data,
    });
    expect(res.status(), await res.text()).toBe(200);
    return res.json();
  };
  return { post: (p: string, d?: unknown) => call('post', p, d), put: (p: string, d: unknown) => call('put', p, d) };
}

const filled = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `Elemento ${k} do plano.`]));
const checklist = {
  equipment: {
    concealedVest: 'CV-1',
    pistol9mm: 'P9-2',
    radio: 'RD-3',
    metalDetector: 'MD-4',
    ocSpray: 'OC-5',
    neuromuscularDevice: 'NI-6',
  },
  spareMagazines: 2,
  others: [],
  uniform: 'special_uniform',
  uniformAuthorisedBy: null,
};

beforeAll(async () => {
  // The media node runs (as in e2e/live.test.ts) so the route mosaic plays the simulated demo cameras.
  const mediaNodePort = await freePort();
  [platform, browser] = await Promise.all([
    startDemoPlatform({ DEMO_CAMERAS: '2', MEDIA_NODE: 'on', MEDIA_NODE_PORT: String(mediaNodePort) }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await platform?.stop();
});

describe('protection mission from the request to the closure', () => {
  it('a PJC unit requests protection; a Lei 9.807/1999 protectee is refused (Art. 3)', async () => {
    const page = await as('requester');
    await page.goto(`${platform.url}/app/protecao/missoes/nova`);
    await page.getByLabel('Codinome da missão').fill('FALCAO');
    await page.getByLabel('Unidade solicitante').fill('Delegacia Especializada de Roubos e Furtos');
    await page.getByLabel('Nome da autoridade').fill('Autoridade de Teste');
    await page.getByLabel('Cargo').fill('Delegada de Polícia');
    await page.getByLabel('Motivos').fill('Ameaças após a prisão de líderes de facção.');
    await page.getByLabel('Início do período').fill('2030-03-10');
    await page.getByLabel('Fim do período (art. 11)').fill('2030-03-20');
    await page.getByText(/amparada pela Lei nº 9.807\/1999/).click();
    await page.getByRole('button', { name: 'Enviar pedido' }).click();
    await page.getByText(/não são atendidas pela proteção de autoridades/).waitFor();
    await page.getByText(/amparada pela Lei nº 9.807\/1999/).click();
    await page.getByRole('button', { name: 'Enviar pedido' }).click();
    await page.getByRole('heading', { name: /Missão FALCAO/ }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    missionId = missionUrl.split('/').at(-1)!;
    await page.getByText('Solicitada — aguardando avaliação de ameaça').waitFor();
  });

  it('intelligence assesses the threat (Art. 6); the Delegado-Geral activates CORE on screen (Art. 6–7)', async () => {
    const intel = await apiOf(await as('intelligence'));
    await intel.post('/assessment', {
      factors: [
        { factor: 'Ameaça declarada', judgement: 'present', reasoning: 'Mensagens com ameaça de morte.', sources: 'Relatório DI 12/2030' },
      ],
      threatHistory: 'Duas ameaças em 2029.',
      threatExists: true,
      grade: 'high',
      conclusion: 'Ameaça real e concreta.',
    });
    const dg = await as('director-general');
    await dg.goto(`${platform.url}${missionUrl}`);
    await dg.getByLabel('Fundamentação da decisão').fill('Ameaça concreta confirmada pela Diretoria de Inteligência.');
    await dg.getByRole('button', { name: 'Acionar a CORE' }).click();
    await dg.getByText('Em planejamento (CORE)').waitFor();
  });

  it('CORE sets level 3 and a plan whose Cuiabá leg lists the demo cameras near it; the superior acknowledges the convocation', async () => {
    const coordPage = await as('core-coordination');
    const co = await apiOf(coordPage);
    const criteria = Object.fromEntries(
      ['office', 'environment', 'visitReasons', 'publicLife', 'violenceHistory'].map((k) => [k, `Fundamentação do critério ${k}.`]),
    );
    await co.post('/level', { level: 3, criteria });
    await co.put('/vehicles', {
      vehicles: [
        { plate: 'QBA1A23', armoured: true, soundAndLightSignals: true, kind: 'team', drivenByTeam: true },
        { plate: 'QBA1B24', armoured: false, soundAndLightSignals: true, kind: 'team', drivenByTeam: true },
      ],
    });
    await co.put('/plan', {
      definition: filled(['objectives', 'teamFunctions', 'itinerary', 'schedule', 'datesAndPlaces', 'transport', 'extraSupport']),
      situational: filled(['routeConditions', 'publicProfile', 'expectedDemonstrations', 'otherRisks']),
      measures: filled(['communications', 'vehicleInspection', 'weaponsCheck', 'briefing', 'postMissionReport']),
      route: {
        legs: [
          {
            name: 'Centro → Fórum',
            alternate: false,
            points: [
              [-15.603, -56.095],
              [-15.589, -56.109],
            ],
          },
        ],
        venues: [],
      },
      cameraDistanceMeters: 150,
    });
    await co.post('/plan/issue');
    for (const [who, core] of [
      ['core-officer', true],
      ['core-intelligence', true],
      ['unit-officer', false],
    ] as const)
      await co.post('/convocations', {
        officerEmail: person(who),
        superiorEmail: core ? null : person('superior'),
        unit: core ? 'CORE' : 'DHPP',
        coreOfficer: core,
        authorityProtectionCourse: core,
        justification: core ? null : 'Conhece o grupo criminoso que originou a ameaça.',
        trainingValidatedByCore: !core,
        role: `Função de ${who}`,
      });
    await coordPage.goto(`${platform.url}${missionUrl}`);
    await coordPage.getByRole('row', { name: /Trecho: Centro → Fórum.*Câmera de demonstração/ }).waitFor();
    // Support along the leg from the reference list (the demo's entries are labelled illustrative).
    await coordPage.getByRole('row', { name: /Trecho: Centro → Fórum.*Hospital de demonstração \(ilustrativo\)/ }).waitFor();
    await coordPage.getByText(/sem ciência do superior imediato/).waitFor();

    const superior = await as('superior');
    await superior.goto(`${platform.url}${missionUrl}`);
    await superior.getByRole('button', { name: 'Dar ciência' }).click();
    await superior.getByRole('button', { name: 'Dar ciência' }).waitFor({ state: 'detached' });
  });

  it('officers present and sign the briefing checklist; the mission starts and its route mosaic plays live video', async () => {
    const coordPage = await as('core-coordination');
    const co = await apiOf(coordPage);
    const detail = (await (await coordPage.request.get(`${platform.url}/api/protection/missions/${missionId}`)).json()) as {
      convocations: { id: string; role: string }[];
    };
    for (const who of ['core-officer', 'core-intelligence', 'unit-officer']) {
      const officer = await apiOf(await as(who));
      const conv = detail.convocations.find((c) => c.role === `Função de ${who}`)!;
      await officer.post(`/convocations/${conv.id}/present`);
      await officer.post(`/convocations/${conv.id}/checklist`, checklist);
    }
    await co.post('/start');

    const officerPage = await as('core-officer');
    await officerPage.goto(`${platform.url}${missionUrl}`);
    const mosaic = officerPage.getByTestId('route-mosaic');
    await mosaic.getByRole('heading', { name: 'Em deslocamento: Centro → Fórum' }).waitFor();
    await mosaic.locator('video[aria-label^="Vídeo ao vivo: Câmera de demonstração"]').first().waitFor();
    // Every route camera plays: frames arrive and time advances (as e2e/live.test.ts asserts a live video).
    await officerPage.waitForFunction(
      () => {
        const videos = [...document.querySelectorAll('[data-testid="route-mosaic"] video')] as HTMLVideoElement[];
        return videos.length > 0 && videos.every((v) => v.currentTime > 0);
      },
      undefined,
      { timeout: 30_000 },
    );
    const t0 = await officerPage.evaluate(() =>
      [...document.querySelectorAll('[data-testid="route-mosaic"] video')].map((v) => (v as HTMLVideoElement).currentTime),
    );
    await officerPage.waitForFunction(
      (t) =>
        [...document.querySelectorAll('[data-testid="route-mosaic"] video')].every(
          (v, i) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).currentTime > t[i]! + 1,
        ),
      t0,
      { timeout: 30_000 },
    );
    await mosaic.getByText('AO VIVO').first().waitFor();
    // The privacy masks of those cameras load for the team (the overlay fails closed, all black, otherwise).
    await officerPage.waitForFunction(
      () => !document.querySelector('[data-testid="route-mosaic"] [data-testid="privacy-mask-overlay"][data-polygons="all"]'),
      undefined,
      { timeout: 10_000 },
    );
  });

  it('the mission is logged, reported and closed; the mosaic is gone with the execution', async () => {
    const coordPage = await as('core-coordination');
    const co = await apiOf(coordPage);
    await (await apiOf(await as('core-officer'))).post('/log', { kind: 'observation', text: 'Deslocamento sem alterações.' });
    await co.post('/report', { text: 'Missão cumprida sem incidentes; autoridade conduzida ao Fórum e de volta.' });
    await co.post('/close', { reason: 'Relatório pós-missão aprovado.' });
    await coordPage.goto(`${platform.url}${missionUrl}`);
    await coordPage.getByText('Encerrada').first().waitFor();
    expect(await coordPage.getByTestId('route-mosaic').count()).toBe(0);
  });

  it('the plan copy verifies on the public page, which shows only that it is authentic', async () => {
    const coordPage = await as('core-coordination');
    const detail = (await (await coordPage.request.get(`${platform.url}/api/protection/missions/${missionId}`)).json()) as {
      acts: { id: string; kind: string }[];
    };
    const plan = detail.acts.find((a) => a.kind === 'action_plan')!;
    const copy = await coordPage.request.get(`${platform.url}/api/protection/missions/${missionId}/acts/${plan.id}/pdf`);
    expect(copy.status()).toBe(200);
    const code = copy.headers()['x-authenticity-code']!;
    const anon = await browser.newContext();
    contexts.push(anon);
    const pub = await anon.newPage();
    const verification = new VerificationPage(pub, platform.url);
    await verification.open(code);
    await verification.check(await copy.body(), 'plano.pdf');
    await pub.getByText('Documento autêntico.').waitFor();
    const text = await pub.locator('main').innerText();
    expect(text).not.toMatch(/FALCAO|Autoridade de Teste|Fórum/);
  });
});
