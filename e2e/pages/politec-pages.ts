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
