import type { Page } from 'playwright-core';

/** Page object for /app/politec/identidade: identity-card requests, one stage at a time. */
export class PolitecIdentityCardsPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/politec/identidade`);
    await this.page.getByRole('heading', { name: 'Carteiras de identidade', level: 1 }).waitFor();
  }

  row(protocol: string) {
    return this.page.locator(`tr[data-protocol="${protocol}"]`);
  }

  async stageOf(protocol: string): Promise<string> {
    return (await this.row(protocol).getByTestId('politec-card-stage').innerText()).trim();
  }

  /** Clicks "Registrar: <label>" on the request's row (with the RG number for the delivery). */
  async register(protocol: string, label: string, rgNumber?: string) {
    const row = this.row(protocol);
    if (rgNumber) await row.getByLabel('Número do RG entregue').fill(rgNumber);
    await row.getByRole('button', { name: `Registrar: ${label}` }).click();
  }

  notice() {
    return this.page.getByTestId('politec-notice');
  }
}

/** Page object for /app/politec/certidoes: the analysis queue. */
export class PolitecCertificatesPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/politec/certidoes`);
    await this.page.getByRole('heading', { name: 'Análise de certidões', level: 1 }).waitFor();
  }

  card(protocol: string) {
    return this.page.locator(`section[data-protocol="${protocol}"]`);
  }

  async issue(protocol: string) {
    await this.card(protocol).getByRole('button', { name: 'Emitir certidão' }).click();
  }

  notice() {
    return this.page.getByTestId('politec-notice');
  }
}

/** Page object for /app/politec/taxas: manual payment confirmation. */
export class PolitecFeesPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/politec/taxas`);
    await this.page.getByRole('heading', { name: 'Confirmação de pagamentos', level: 1 }).waitFor();
  }

  async confirm(txid: string, reference: string) {
    const form = this.page.locator(`form[data-txid="${txid}"]`);
    await form.getByLabel('Referência do pagamento no extrato').fill(reference);
    await form.getByRole('button', { name: 'Confirmar pagamento' }).click();
  }

  notice() {
    return this.page.getByTestId('politec-notice');
  }
}

/** Page object for /app/politec/antecedentes: the platform's criminal-records base. */
export class PolitecCriminalRecordsPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/app/politec/antecedentes`);
    await this.page.getByRole('heading', { name: 'Base de antecedentes', level: 1 }).waitFor();
  }

  /** Fills and sends "Incluir registro" (CPF empty: the entry is found by name, as a homonym). */
  async add(entry: { cpf?: string; name: string; description: string; court: string; status: string }) {
    const form = this.page.getByRole('form', { name: 'Incluir registro' });
    if (entry.cpf) await form.getByLabel('CPF (se conhecido)').fill(entry.cpf);
    await form.getByLabel('Nome completo').fill(entry.name);
    await form.getByLabel('Situação').selectOption({ label: entry.status });
    await form.getByLabel('Descrição (como constará da certidão)').fill(entry.description);
    await form.getByLabel('Juízo').fill(entry.court);
    await form.getByRole('button', { name: 'Incluir registro' }).click();
  }

  async search(cpf: string, purpose: string) {
    await this.page.getByLabel('CPF', { exact: true }).fill(cpf);
    await this.page.getByLabel('Finalidade da consulta').fill(purpose);
    await this.page.getByRole('button', { name: 'Consultar' }).click();
  }

  record(description: string) {
    return this.page.locator(`form[data-record="${description}"]`);
  }

  async changeStatus(description: string, status: string, reason: string) {
    const card = this.record(description);
    await card.getByLabel('Nova situação').selectOption({ label: status });
    await card.getByLabel('Fundamento da mudança (documento, decisão)').fill(reason);
    await card.getByRole('button', { name: 'Atualizar situação' }).click();
  }

  notice() {
    return this.page.getByTestId('politec-notice');
  }
}
