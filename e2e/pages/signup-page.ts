import type { Page } from 'playwright-core';
import { linkMailedTo } from '../helpers/mailbox.js';

export interface SignUpData {
  kind: string;
  name: string;
  document: string;
  email: string;
  phone: string;
  cep: string;
  street: string;
  number: string;
  district: string;
  municipality: string;
  representative: { name: string; cpf: string; position: string; email: string; phone: string };
  account: { name: string; email: string; password: string };
}

/** Page object for /cadastro ("Quero participar"): the partner's public sign-up. */
export class SignUpPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/cadastro`);
    await this.page.getByRole('heading', { name: 'Quero participar' }).waitFor();
  }

  async fill(d: SignUpData) {
    const p = this.page;
    await p.getByLabel('Tipo de ente proponente').selectOption(d.kind);
    await p.locator('#signup-name').fill(d.name);
    await p.locator('#signup-document').fill(d.document);
    await p.getByLabel('E-mail do ente').fill(d.email);
    await p.getByLabel('Telefone do ente').fill(d.phone);
    await p.getByLabel('CEP', { exact: true }).fill(d.cep);
    await p.getByLabel('Logradouro').fill(d.street);
    await p.getByLabel('Número', { exact: true }).fill(d.number);
    await p.getByLabel('Bairro').fill(d.district);
    // The municipality is a labelled select fed by /api/public/reference/municipalities.
    const municipality = p.getByLabel('Município', { exact: true });
    await municipality.locator('option', { hasText: d.municipality }).first().waitFor({ state: 'attached' });
    await municipality.selectOption({ label: d.municipality });
    await p.getByLabel('Nome do representante legal').fill(d.representative.name);
    await p.getByLabel('CPF do representante legal').fill(d.representative.cpf);
    await p.getByLabel('Cargo ou função').fill(d.representative.position);
    await p.getByLabel('E-mail do representante legal').fill(d.representative.email);
    await p.getByLabel('Telefone do representante legal').fill(d.representative.phone);
    await p.getByLabel('Seu nome completo').fill(d.account.name);
    await p.getByLabel('E-mail de acesso').fill(d.account.email);
    await p.getByLabel('Senha', { exact: true }).fill(d.account.password);
    await p.getByLabel('Confirme a senha').fill(d.account.password);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Cadastrar' }).click();
  }

  /**
   * Follows the confirmation link the platform really mailed to the account (read from the
   * DATA_DIR/mail .eml files) and waits for the confirmation page to say it worked.
   */
  async confirmEmail(dataDir: string, accountEmail: string) {
    const link = await linkMailedTo(dataDir, accountEmail, 'confirmar-email');
    const { pathname, search } = new URL(link);
    await this.page.goto(`${this.base}${pathname}${search}`);
    await this.page.getByText('Conta ativada.', { exact: true }).waitFor();
  }

  /** The pt-BR error shown next to a field (by the field's id). */
  fieldError(fieldId: string) {
    return this.page.locator(`#${fieldId}-error`);
  }
}
