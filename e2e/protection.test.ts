import { equipmentItems, equipmentLabels, levelCriteria, levelCriterionLabels, planFieldLabels, planParts } from '@vigia/contracts';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort } from '@vigia/testkit/server-process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';
import { VerificationPage } from './pages/case-pages.js';

/**
 * Protection operations (Resolução 121/2025/CSPJC-MT) in Chromium on the demo platform: every step
 * is done on screen by its demo person — request, threat assessment, activation, level, vehicles,
 * action plan with the itinerary drawn on the map, convocations, acknowledgement, presentation,
 * checklist, start, route mosaic, log, report, closure — then the public verification of the plan.
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

/** Fills a labelled field exactly (several labels share words, e.g. "Itinerário" and "Condições do itinerário"). */
const fill = (page: Page, label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
const planFields = Object.entries(planParts).flatMap(([, keys]) => keys.map((k) => [k, planFieldLabels[k]!] as const));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const serials: Record<(typeof equipmentItems)[number], string> = {
  concealedVest: 'CV-1',
  pistol9mm: 'P9-2',
  radio: 'RD-3',
  metalDetector: 'MD-4',
  ocSpray: 'OC-5',
  neuromuscularDevice: 'NI-6',
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
    const intel = await as('intelligence');
    await intel.goto(`${platform.url}${missionUrl}`);
    // A second factor row is added and removed again: one factor is recorded.
    await intel.getByRole('button', { name: 'Adicionar fator' }).click();
    await fill(intel, 'Fator 2', 'Fator descartado');
    await intel.getByRole('button', { name: 'Remover fator 2' }).click();
    await fill(intel, 'Fator 1', 'Ameaça declarada');
    await intel.getByLabel('Juízo do fator 1').selectOption({ label: 'Presente' });
    await fill(intel, 'Fundamentação do fator 1', 'Mensagens com ameaça de morte.');
    await fill(intel, 'Fontes do fator 1', 'Relatório DI 12/2030');
    await fill(intel, 'Histórico de ameaças', 'Duas ameaças em 2029.');
    await intel.getByText('Há ameaça real ou concreta').click();
    await intel.getByLabel('Grau da ameaça').selectOption({ label: 'Alto' });
    await fill(intel, 'Conclusão', 'Ameaça real e concreta.');
    await intel.getByRole('button', { name: 'Registrar avaliação' }).click();
    await intel.getByText('Ameaça avaliada — aguardando decisão do Delegado-Geral').waitFor();
    expect(await intel.getByLabel('Fator 2', { exact: true }).count()).toBe(0);
    const dg = await as('director-general');
    await dg.goto(`${platform.url}${missionUrl}`);
    await dg.getByLabel('Fundamentação da decisão').fill('Ameaça concreta confirmada pela Diretoria de Inteligência.');
    await dg.getByRole('button', { name: 'Acionar a CORE' }).click();
    await dg.getByText('Em planejamento (CORE)').waitFor();
  });

  it('CORE sets level 3 and a plan whose Cuiabá leg lists the demo cameras near it; the superior acknowledges the convocation', async () => {
    const coordPage = await as('core-coordination');
    await coordPage.goto(`${platform.url}${missionUrl}`);
    await coordPage.getByLabel('Nível de proteção', { exact: true }).selectOption('3');
    for (const c of levelCriteria) await fill(coordPage, `Critério ${levelCriterionLabels[c]}`, `Fundamentação do critério ${c}.`);
    await coordPage.getByRole('button', { name: 'Definir nível' }).click();
    await coordPage.getByText(/Nível 3 · Período/).waitFor();

    for (const [i, plate, armoured] of [
      [1, 'QBA1A23', true],
      [2, 'QBA1B24', false],
    ] as const) {
      await coordPage.getByRole('button', { name: 'Adicionar viatura' }).click();
      await fill(coordPage, `Placa da viatura ${i}`, plate);
      if (armoured) await coordPage.getByText(`Viatura ${i} blindada`).click();
    }
    await coordPage.getByRole('button', { name: 'Salvar viaturas' }).click();
    await coordPage.getByText('Viaturas salvas.').waitFor();

    for (const [key, label] of planFields) await fill(coordPage, capital(label), `Elemento ${key} do plano.`);
    // The itinerary is drawn on the map: a click adds a point to the leg being edited, undo takes it back.
    const points = coordPage.getByTestId('leg-points');
    const map = coordPage.getByTestId('route-draw-map');
    await map.click();
    await points.getByText('1 ponto(s) no trecho em edição').waitFor();
    await coordPage.getByRole('button', { name: 'Desfazer último ponto' }).click();
    await points.getByText('0 ponto(s) no trecho em edição').waitFor();
    // A second leg drawn by clicks is removed again.
    await coordPage.getByRole('button', { name: 'Novo trecho' }).click();
    await map.click({ position: { x: 150, y: 100 } });
    await map.click({ position: { x: 220, y: 140 } });
    await points.getByText('2 ponto(s) no trecho em edição').waitFor();
    await coordPage.getByRole('button', { name: 'Remover trecho' }).click();
    await points.getByText('0 ponto(s) no trecho em edição').waitFor();
    // The leg along the demo cameras, point by point at known coordinates.
    await fill(coordPage, 'Nome do trecho', 'Centro → Fórum');
    for (const [lat, lng] of [
      ['-15.603', '-56.095'],
      ['-15.589', '-56.109'],
    ] as const) {
      await fill(coordPage, 'Latitude do ponto', lat);
      await fill(coordPage, 'Longitude do ponto', lng);
      await coordPage.getByRole('button', { name: 'Adicionar ponto' }).click();
    }
    await points.getByText('2 ponto(s) no trecho em edição').waitFor();
    await fill(coordPage, 'Distância das câmeras ao trajeto (m)', '150');
    await coordPage.getByRole('button', { name: 'Emitir plano' }).click();
    await coordPage.getByText('Plano emitido.').waitFor();
    await coordPage.getByRole('link', { name: 'Plano de ação' }).waitFor();

    for (const [who, core] of [
      ['core-officer', true],
      ['core-intelligence', true],
      ['unit-officer', false],
    ] as const) {
      await fill(coordPage, 'E-mail do policial', person(who));
      if (!core) {
        await coordPage.getByText('Policial da CORE', { exact: true }).click();
        await fill(coordPage, 'Unidade do policial', 'DHPP');
        await coordPage.getByText(/Possui curso de proteção de autoridades/).click();
        await fill(coordPage, 'E-mail do superior imediato (art. 10, § 1º)', person('superior'));
        await fill(coordPage, 'Justificativa da convocação (art. 10)', 'Conhece o grupo criminoso que originou a ameaça.');
        await coordPage.getByText(/Treinamento ministrado ou validado pela CORE/).click();
      }
      await fill(coordPage, 'Função na missão', `Função de ${who}`);
      await coordPage.getByRole('button', { name: 'Convocar' }).click();
      await coordPage.getByRole('row', { name: new RegExp(`Função de ${who}`) }).waitFor();
    }

    // Art. 11 § 1: the coordination extends the period on screen.
    await coordPage.getByLabel('Alteração', { exact: true }).selectOption({ label: 'Prorrogação' });
    await fill(coordPage, 'Novo fim do período', '2030-03-22');
    await fill(coordPage, 'Motivo da alteração', 'Agenda da autoridade prorrogada por dois dias.');
    await coordPage.getByRole('button', { name: 'Alterar período' }).click();
    await coordPage.getByText(/Período 2030-03-10 a 2030-03-22/).waitFor();
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
    for (const who of ['core-officer', 'core-intelligence', 'unit-officer']) {
      const officer = await as(who);
      await officer.goto(`${platform.url}${missionUrl}`);
      await officer.getByRole('button', { name: 'Apresentar-me' }).click();
      for (const item of equipmentItems) await fill(officer, `Nº de série — ${equipmentLabels[item]}`, serials[item]);
      await fill(officer, 'Carregadores reserva da pistola', '2');
      await officer.getByLabel('Traje (art. 21)').selectOption('special_uniform');
      await officer.getByRole('button', { name: 'Assinar checklist' }).click();
      await officer.getByRole('button', { name: 'Assinar checklist' }).waitFor({ state: 'detached' });
    }
    const coordPage = await as('core-coordination');
    await coordPage.goto(`${platform.url}${missionUrl}`);
    await coordPage.getByRole('button', { name: 'Iniciar missão' }).click();
    await coordPage.getByText('Em execução', { exact: true }).waitFor();

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
    const officer = await as('core-officer');
    await officer.goto(`${platform.url}${missionUrl}`);
    await officer.getByLabel('Tipo de registro').selectOption({ label: 'Observação' });
    await fill(officer, 'Registro', 'Deslocamento sem alterações.');
    await officer.getByRole('button', { name: 'Registrar', exact: true }).click();
    await officer.getByText('Registrado.').waitFor();
    expect(await officer.getByRole('button', { name: 'Apresentar relatório' }).count(), 'only the coordination reports').toBe(0);

    const coordPage = await as('core-coordination');
    await coordPage.goto(`${platform.url}${missionUrl}`);
    await coordPage.getByText('Observação: Deslocamento sem alterações.').waitFor();
    await fill(coordPage, 'Texto do relatório', 'Missão cumprida sem incidentes; autoridade conduzida ao Fórum e de volta.');
    await coordPage.getByRole('button', { name: 'Apresentar relatório' }).click();
    await coordPage.getByText('Relatório pós-missão apresentado').first().waitFor();
    await fill(coordPage, 'Fundamentação do encerramento', 'Relatório pós-missão aprovado.');
    await coordPage.getByRole('button', { name: 'Aprovar relatório e encerrar' }).click();
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
