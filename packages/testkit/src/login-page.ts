import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { firstOf } from './first-of.js';

/** Page object for /entrar: password, then TOTP enrolment or verification as the account needs. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/entrar`);
  }

  async signIn(email: string, password: string, knownSecret?: string): Promise<{ secret?: string }> {
    await this.open();
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Senha', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Entrar' }).click();
    const secretBox = this.page.getByLabel('Chave secreta');
    const code = this.page.getByLabel('Código de 6 dígitos');
    // Decide the step by its heading: the enrolment page shows the code field before the secret
    // has loaded, so the code field alone does not tell the two steps apart.
    const enrolHeading = this.page.getByRole('heading', { name: 'Configurar a verificação em duas etapas' });
    const verifyHeading = this.page.getByRole('heading', { name: 'Verificação em duas etapas', exact: true });
    const next = await firstOf({
      enrol: enrolHeading.waitFor({ timeout: 15_000 }),
      verify: verifyHeading.waitFor({ timeout: 15_000 }),
      home: this.page.waitForURL(/\/app\/?$/, { timeout: 15_000 }),
    });
    if (next === 'home') return {};
    if (next === 'enrol') {
      await secretBox.waitFor();
      const secret = (await secretBox.innerText()).replace(/\s+/g, '');
      await code.fill(await generate({ secret }));
      await this.page.getByRole('button', { name: 'Confirmar' }).click();
      await this.page.waitForURL(/\/app\/?$/);
      return { secret };
    }
    await code.fill(await generate({ secret: knownSecret!, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await this.page.getByRole('button', { name: 'Verificar' }).click();
    await this.page.waitForURL(/\/app\/?$/);
    return {};
  }
}
