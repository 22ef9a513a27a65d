import type { Page } from 'playwright-core';

/** The partner's case page (/app/habilitacoes/:id): notices, answers, timeline, issued documents. */
export class PartnerCasePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open(id: string) {
    await this.page.goto(`${this.base}/app/habilitacoes/${id}`);
    await this.page.getByRole('heading', { name: /Pedido de habilitação nº/ }).waitFor();
  }

  async answerFault(n: number, answer: string) {
    await this.page.getByLabel(`Resposta à falha ${n}`).fill(answer);
  }

  async sendAnswer() {
    await this.page.getByRole('button', { name: 'Enviar resposta' }).click();
    await this.page.getByRole('button', { name: 'Enviar resposta' }).waitFor({ state: 'detached' });
  }

  timeline() {
    return this.page.getByRole('list', { name: 'Linha do tempo do pedido' });
  }

  /** Waits until the case history (audit trail) shows `text`. */
  async historyShows(text: string) {
    await this.timeline().getByText(text).first().waitFor();
  }

  /** Downloads the issued document whose title matches; returns its bytes and authenticity code. */
  async downloadIssued(title: RegExp, format: 'PDF' | 'DOCX'): Promise<{ bytes: Buffer; code: string }> {
    const row = this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) })
      .filter({ hasText: `Baixar ${format}` })
      .first();
    const code = (await row.locator('.vigia-hash a').innerText()).trim();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      row.getByRole('link', { name: new RegExp(`Baixar ${format}`) }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { bytes: Buffer.concat(chunks), code };
  }
}

/** The committee's case page (/app/comissao/habilitacoes/:id). */
export class ReviewCasePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open(id: string) {
    await this.page.goto(`${this.base}/app/comissao/habilitacoes/${id}`);
    await this.page.getByRole('heading', { name: /Análise do pedido nº/ }).waitFor();
  }

  async startAnalysis() {
    await this.page.getByRole('button', { name: 'Iniciar análise' }).click();
    await this.page.getByRole('form', { name: 'Lista de verificação' }).waitFor();
  }

  async issueNotice(businessDays: number, faults: string[]) {
    const form = this.page.getByRole('form', { name: 'Notificação de falhas' });
    await form.getByLabel('Prazo para sanar (dias úteis)').fill(String(businessDays));
    for (const [i, f] of faults.entries()) {
      if (i > 0) await form.getByRole('button', { name: /Adicionar falha/ }).click();
      await form.getByLabel(`Descrição da falha ${i + 1}`).fill(f);
    }
    await form.getByRole('button', { name: 'Emitir notificação' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async checklistAllOk() {
    const form = this.page.getByRole('form', { name: 'Lista de verificação' });
    const selects = form.locator('select[id^="verdict-"]');
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption('ok');
    await form.getByRole('button', { name: 'Registrar verificação' }).click();
    await this.page.getByText('Lista de verificação registrada.').waitFor();
  }

  async approve(reason: string) {
    const form = this.page.getByRole('form', { name: 'Decisão sobre o pedido' });
    await form.getByLabel('Deferir', { exact: true }).check();
    await form.getByLabel('Fundamentação', { exact: true }).fill(reason);
    await form.getByRole('button', { name: 'Registrar decisão' }).click();
    await form.waitFor({ state: 'detached' });
  }
}

/** The RISP coordinator's opinions page (/app/risp/pareceres). */
export class RispOpinionsPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/risp/pareceres`);
    await this.page.getByRole('heading', { name: 'Pareceres de interesse público', level: 1 }).waitFor();
  }

  /** The card of the opinion about application `number`. */
  card(number: string) {
    return this.page.locator('article').filter({ hasText: `nº ${number}` });
  }

  async giveFavourable(number: string, reasons: string) {
    const card = this.card(number);
    await card.getByLabel('Favorável', { exact: true }).check();
    await card.getByLabel('Fundamentação do parecer').fill(reasons);
    await card.getByRole('button', { name: 'Registrar parecer' }).click();
    await card.getByRole('button', { name: 'Registrar parecer' }).waitFor({ state: 'detached' });
  }
}

/** The administrator's homologation page (/app/admin/homologacoes). */
export class HomologationPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/admin/homologacoes`);
    await this.page.getByRole('heading', { name: 'Homologações e termos' }).waitFor();
  }

  /** Homologates; returns the cooperation term number announced. */
  async homologate(number: string): Promise<string> {
    await this.page.getByRole('button', { name: `Homologar pedido nº ${number}` }).click();
    const title = this.page.getByText(new RegExp(`Pedido nº ${number.replace('/', '\\/')} homologado; termo nº`));
    await title.waitFor();
    return /termo nº (\S+?) gerado/.exec(await title.innerText())![1]!;
  }

  async sign(termNumber: string, signedOn: string) {
    const form = this.page.getByRole('form', { name: `Assinatura do termo nº ${termNumber}` });
    await form.getByLabel(`Data de assinatura do termo nº ${termNumber}`).fill(signedOn);
    await form.getByRole('button', { name: 'Registrar assinatura' }).click();
    await form.waitFor({ state: 'detached' });
  }
}

/** The public verification page (/verificar/:code). */
export class VerificationPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open(code: string) {
    await this.page.goto(`${this.base}/verificar/${code}`);
    await this.page.getByRole('heading', { name: `Verificação do documento ${code}` }).waitFor();
  }

  async check(bytes: Buffer, name = 'termo.pdf') {
    await this.page.getByLabel('Arquivo do documento').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    await this.page.getByRole('button', { name: 'Conferir arquivo' }).click();
    await this.page.getByRole('button', { name: 'Conferir arquivo' }).waitFor();
  }
}
