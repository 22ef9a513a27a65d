import { randomBytes } from 'node:crypto';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';
import { ApplicationWizardPage } from './pages/application-wizard-page.js';
import { HomologationPage, PartnerCasePage, ReviewCasePage, RispOpinionsPage, VerificationPage } from './pages/case-pages.js';
import { type SignUpData, SignUpPage } from './pages/signup-page.js';

/**
 * Issue 3 end to end, in Chromium against the real server (DEMO=1) and the built web app: a
 * cooperative signs up, applies with two camera points in Cuiabá (the demo RISP coordinator's
 * region), receives a deficiency notice and answers it, gets the RISP opinion and approval, is
 * homologated, downloads its cooperation term; the public page confirms it and rejects a tampered copy.
 */

const DEMO_PASSWORD = 'demonstracao-vigia';
const demoEmail = (role: string) => `${role.replaceAll('_', '-')}@demo.vigiamais.local`;

function validCnpj(): string {
  const d = [...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)), 0, 0, 0, 1];
  for (const weights of [
    [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
  ]) {
    const r = weights.reduce((s, w, i) => s + w * d[i]!, 0) % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join('');
}
const wrongCheckDigit = (cnpj: string) => cnpj.slice(0, 13) + String((Number(cnpj[13]) + 1) % 10);
const todayInCuiaba = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cuiaba' }).format(new Date());

const PDF = {
  name: 'documento.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
};
const JPEG = {
  name: 'foto.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF-e2e')]),
};

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await new LoginPage(page, platform.url).signIn(email, password);
  return page;
}

beforeAll(async () => {
  platform = await startDemoPlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await platform?.stop();
});

describe('accreditation — sign-up to a verified cooperation term (Decree 1.522/2022, Art. 3–16)', () => {
  const tag = randomBytes(3).toString('hex');
  const cnpj = validCnpj();
  const data: SignUpData = {
    kind: 'cooperative',
    name: `Cooperativa E2E ${tag}`,
    document: cnpj,
    email: `coop-${tag}@e2e.local`,
    phone: '(65) 3613-0000',
    cep: '78005-000',
    street: 'Avenida Getúlio Vargas',
    number: '100',
    district: 'Centro',
    municipality: 'Cuiabá',
    representative: {
      name: 'Maria da Silva',
      cpf: '529.982.247-25',
      position: 'Presidente',
      email: `rep-${tag}@e2e.local`,
      phone: '(65) 99999-0000',
    },
    account: { name: 'Maria da Silva', email: `conta-${tag}@e2e.local`, password: 'senha-e2e-bem-segura' },
  };
  let applicationId = '';
  let number = '';
  let partner: Page;
  let committee: Page;
  let term: { bytes: Buffer; code: string };

  it('Art. 3 — signs up; a wrong CNPJ check digit is reported together with the other field errors', async () => {
    const page = await browser.newPage();
    const signUp = new SignUpPage(page, platform.url);
    await signUp.open();
    await signUp.fill({ ...data, document: wrongCheckDigit(cnpj), phone: '12345' });
    await signUp.submit();
    await expect(signUp.fieldError('signup-document').innerText()).resolves.toContain('dígitos verificadores não conferem');
    await expect(signUp.fieldError('signup-phone').innerText()).resolves.toContain('Telefone inválido');
    await page.getByLabel('CNPJ', { exact: true }).fill(cnpj);
    await page.getByLabel('Telefone do ente').fill(data.phone);
    await signUp.submit();
    await page.waitForURL(/\/entrar\?cadastro=ok/);
    await page.getByText('Cadastro recebido.').waitFor();
    await signUp.confirmEmail(platform.dataDir, data.account.email);
    await page.close();
  });

  it('Art. 8–11 — applies with two camera points in Cuiabá and submits (annexes generated)', async () => {
    partner = await signedIn(data.account.email, data.account.password);
    const wizard = new ApplicationWizardPage(partner, platform.url);
    await wizard.create('own');
    await wizard.attachEveryDocument(PDF);
    await wizard.next();
    await wizard.fillPoint(1, {
      address: 'Praça Alencastro, s/n — Centro',
      municipality: 'Cuiabá',
      latitude: '-15.5961',
      longitude: '-56.0967',
      films: 'Praça Alencastro e a Rua Barão de Melgaço',
      photo: JPEG,
    });
    await wizard.addPoint();
    await wizard.fillPoint(2, {
      address: 'Avenida do CPA, 1000 — Centro Político',
      municipality: 'Cuiabá',
      latitude: '-15.5700',
      longitude: '-56.0750',
      films: 'Cruzamento da Avenida do CPA com a Avenida Rubens de Mendonça',
      photo: JPEG,
    });
    await wizard.saveProject(2);
    await wizard.next();
    applicationId = await wizard.submit();
    const heading = await partner.getByRole('heading', { level: 1 }).innerText();
    number = /nº (\S+)/.exec(heading)![1]!;
    await partner
      .getByRole('rowheader', { name: /ANEXO 5/ })
      .first()
      .waitFor();
  });

  it('Art. 16 §2 — the committee issues a deficiency notice; the partner answers it', async () => {
    committee = await signedIn(demoEmail('committee_member'));
    const review = new ReviewCasePage(committee, platform.url);
    await review.open(applicationId);
    await review.startAnalysis();
    await review.issueNotice(10, ['A certidão de regularidade enviada está ilegível; envie uma cópia legível.']);

    const caseView = new PartnerCasePage(partner, platform.url);
    await caseView.open(applicationId);
    await caseView.answerFault(1, 'Enviamos nova cópia legível da certidão.');
    await caseView.sendAnswer();
    await caseView.historyShows('Falhas respondidas pelo proponente.');
  });

  it('Art. 12 — the RISP coordinator sees the points of its region and Anexo 5, and gives a favourable opinion', async () => {
    const review = new ReviewCasePage(committee, platform.url);
    await review.open(applicationId);
    await review.startAnalysis();
    await review.checklistAllOk();

    const risp = await signedIn(demoEmail('risp_coordinator'));
    const opinions = new RispOpinionsPage(risp, platform.url);
    await opinions.open();
    const card = opinions.card(number);
    await card.getByText(data.name).waitFor();
    await expect(card.locator('tbody tr').count()).resolves.toBe(2);
    await card.getByText('Praça Alencastro, s/n — Centro').waitFor();
    await card.getByRole('link', { name: /Baixar Anexo 5 \(PDF\)/ }).waitFor();
    await opinions.giveFavourable(number, 'Locais de grande circulação, de interesse da segurança pública.');
  });

  it('Art. 16 and §1 — approved by the committee, homologated, term signed', async () => {
    const review = new ReviewCasePage(committee, platform.url);
    await review.open(applicationId);
    await review.approve('Requisitos cumpridos, parecer favorável da RISP e falhas sanadas.');

    const admin = await signedIn(demoEmail('admin'));
    const homologation = new HomologationPage(admin, platform.url);
    await homologation.open();
    const termNumber = await homologation.homologate(number);
    await homologation.sign(termNumber, todayInCuiaba());
  });

  it('the partner downloads its cooperation term; the public page confirms it and rejects a tampered copy', async () => {
    const caseView = new PartnerCasePage(partner, platform.url);
    await caseView.open(applicationId);
    for (const step of [
      'Pedido enviado.',
      'Notificação de falhas emitida',
      'Parecer favorável da RISP',
      'Pedido deferido',
      'Pedido homologado',
      'Termo de cooperação assinado.',
    ])
      await caseView.historyShows(step);
    term = await caseView.downloadIssued(/TERMO DE COOPERAÇÃO TÉCNICA/, 'PDF');
    expect(term.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const visitor = await browser.newPage();
    const verification = new VerificationPage(visitor, platform.url);
    await verification.open(term.code);
    await verification.check(term.bytes);
    await visitor.getByText('Documento autêntico.').waitFor();

    const tampered = Buffer.from(term.bytes);
    const mid = Math.floor(tampered.length / 2);
    tampered[mid] = tampered[mid]! ^ 0x01;
    await verification.check(tampered, 'termo-alterado.pdf');
    await visitor.getByText('O arquivo enviado NÃO corresponde ao documento emitido.').waitFor();
    await visitor.close();
  });
});
